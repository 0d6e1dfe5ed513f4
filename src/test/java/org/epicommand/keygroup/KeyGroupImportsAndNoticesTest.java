package org.epicommand.keygroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.epicommand.keygroup.KeyGroupApiTest.ZONE;
import static org.epicommand.keygroup.KeyGroupApiTest.tag;
import static org.epicommand.labtest.LabtestFixtures.RESULTS_HEADER;
import static org.epicommand.labtest.LabtestFixtures.TUBES_HEADER;
import static org.epicommand.labtest.LabtestFixtures.upload;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.labtest.LabtestFixtures;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The roster import registering holders not yet in the registry; the {@code env-samples} and {@code env-results}
 * imports with their row errors and idempotent re-import, an imported positive behaving as one entered by hand (the
 * follow-up, the alert to the CDC, the environment-exposure note on an open investigation in the site's division);
 * a member blocked from duty told to the organisation's contact and 属地 once per block.
 */
@EpiCommandTest
class KeyGroupImportsAndNoticesTest {

  static final String ROSTER_HEADER = "groupCode,idType,idNumber,name,phone,creditCode,post,from\n";

  @Autowired
  Api api;

  @Autowired
  MemberSchedules schedules;

  @Test
  void rosterImportRegistersHoldersNotYetInTheRegistry() {
    String code = group(Map.of("everyDays", 5));
    String org = organisation("新员工冷库" + tag()).get("creditCode").asString();
    String fresh = LabtestFixtures.residentId();
    String badPhone = LabtestFixtures.residentId();
    String name = "新登记员工" + tag().substring(0, 3);
    JsonNode status = upload(api, "district", "key-group-roster", ROSTER_HEADER
        + code + ",RESIDENT_ID," + fresh + "," + name + ",13800138001," + org + ",装卸,\n"
        + code + ",RESIDENT_ID," + badPhone + ",电话有误,12," + org + ",,\n");
    assertThat(LabtestFixtures.errors(status)).containsExactly("3:phone");
    JsonNode items = api.as("district").get("/api/v1/key-groups/" + code + "/members").json().get("items");
    assertThat(items.size()).isEqualTo(1);
    assertThat(items.get(0).get("name").asString()).isEqualTo(name);
    JsonNode person = api.as("district").get("/api/v1/persons/" + items.get(0).get("personId").asString()).json();
    assertThat(person.get("name").asString()).isEqualTo(name);
    assertThat(person.get("jurisdictionCode").asString()).isEqualTo(OrganisationFixtures.COMMUNITY);
    JsonNode again = upload(api, "district", "key-group-roster", ROSTER_HEADER
        + code + ",RESIDENT_ID," + fresh + "," + name + ",13800138001," + org + ",装卸,\n");
    assertThat(again.get("errors").size()).isZero();
    assertThat(again.get("rowsAlreadyPresent").asInt()).isEqualTo(1);
  }

  @Test
  void environmentImportsAndAPositiveAsIfEnteredByHand() {
    String caseId = CaseFixtures.caseOf(api, "环境暴露病例" + tag().substring(0, 3), OrganisationFixtures.COMMUNITY,
        "CONFIRMED", LocalDate.now(ZONE).minusDays(2).toString());
    await().atMost(Duration.ofSeconds(15)).until(() -> api.as("cdc").get("/api/v1/cases/" + caseId
        + "/investigation").status() == 200);
    String investigation = api.as("cdc").get("/api/v1/cases/" + caseId + "/investigation").json().get("id")
        .asString();
    String siteName = "进口冷库" + tag();
    String siteId = api.as("cdc").post("/api/v1/environment/sites", Map.of("name", siteName, "kind", "COLD_STORE",
        "jurisdictionCode", OrganisationFixtures.COMMUNITY)).json().get("id").asString();
    String negative = "E" + tag();
    String positive = "E" + tag();
    String collected = Instant.now().minusSeconds(3600).toString();
    String samples = "barcode,site,matrix,goodsBatch,collectedAt\n"
        + negative + "," + siteName + ",物体表面,," + collected + "\n"
        + positive + "," + siteId + ",PACKAGE_OUTER,进口冻虾 2026-120," + collected + "\n"
        + "E" + tag() + ",没有这个场所,SURFACE,," + collected + "\n"
        + "E" + tag() + "," + siteName + ",泥土,," + collected + "\n"
        + "X12," + siteName + ",SURFACE,," + collected + "\n"
        + negative + "," + siteName + ",AIR,," + collected + "\n";
    JsonNode status = upload(api, "lab", "env-samples", samples);
    assertThat(LabtestFixtures.errors(status)).containsExactlyInAnyOrder("4:site", "5:matrix", "6:barcode",
        "7:barcode");
    assertThat(api.as("lab").get("/api/v1/environment/samples/" + positive).json().get("goodsBatch").asString())
        .isEqualTo("进口冻虾 2026-120");
    JsonNode samplesAgain = upload(api, "lab", "env-samples", samples.lines().limit(3)
        .reduce("", (a, b) -> a + b + "\n"));
    assertThat(samplesAgain.get("errors").size()).isZero();
    assertThat(samplesAgain.get("rowsAlreadyPresent").asInt()).isEqualTo(2);

    String results = "barcode,result,ctOrf1ab,ctN\n"
        + negative + ",阴性,,\n"
        + positive + ",POSITIVE,31.5,30.2\n"
        + "E404" + tag() + ",阴性,,\n"
        + negative + ",阳性,,\n";
    JsonNode resulted = upload(api, "lab", "env-results", results);
    assertThat(LabtestFixtures.errors(resulted)).containsExactlyInAnyOrder("4:barcode", "5:result");
    JsonNode sample = api.as("lab").get("/api/v1/environment/samples/" + positive).json();
    assertThat(sample.get("result").asString()).isEqualTo("POSITIVE");
    assertThat(sample.get("followUpId").isNull()).isFalse();
    JsonNode resultsAgain = upload(api, "lab", "env-results", results.lines().limit(3)
        .reduce("", (a, b) -> a + b + "\n"));
    assertThat(resultsAgain.get("errors").size()).isZero();
    assertThat(resultsAgain.get("rowsAlreadyPresent").asInt()).isEqualTo(2);

    // the alert to the CDC and the note on the open investigation, once
    await().atMost(Duration.ofSeconds(15)).until(() -> notices("cdc").stream()
        .anyMatch(n -> n.get("kind").asString().equals("ENV_SAMPLE_POSITIVE") && n.get("title").asString()
            .contains(positive)));
    await().atMost(Duration.ofSeconds(15)).until(() -> api.as("cdc").get("/api/v1/investigations/" + investigation
        + "/notes").json().size() > 0);
    JsonNode notes = api.as("cdc").get("/api/v1/investigations/" + investigation + "/notes").json();
    assertThat(notes.size()).isEqualTo(1);
    assertThat(notes.get(0).get("kind").asString()).isEqualTo("ENVIRONMENT_EXPOSURE");
    assertThat(notes.get(0).get("subject").asString()).isEqualTo(siteName);
    assertThat(notes.get(0).get("reference").asString()).isEqualTo(positive);
    assertThat(api.as("cdc").get("/tracing/investigations/" + investigation).body()).contains(siteName);
    assertThat(api.as("district").get("/api/v1/investigations/" + UUID.randomUUID() + "/notes").status())
        .isEqualTo(404);
  }

  @Test
  void aMemberBlockedFromDutyIsToldToTheContactAndTheCommunityOncePerBlock() {
    String code = group(Map.of("everyDays", 3, "blocksDays", 14));
    String orgName = "停岗通知单位" + tag();
    JsonNode org = organisation(orgName);
    String contact = OrganisationFixtures.contact(api, org.get("id").asString());
    LabtestFixtures.Member member = LabtestFixtures.persons(api, 1, OrganisationFixtures.COMMUNITY).get(0);
    Map<String, Object> body = new HashMap<>(Map.of("personId", member.personId(), "organisation",
        org.get("creditCode").asString()));
    body.put("from", LocalDate.now(ZONE).minusDays(30).toString());
    assertThat(api.as("district").post("/api/v1/key-groups/" + code + "/members", body).status()).isEqualTo(201);
    String barcode = "K" + tag();
    Instant at = Instant.now().minus(Duration.ofDays(20));
    upload(api, "lab", "tubes", TUBES_HEADER + barcode + ",SINGLE,RESIDENT_ID," + member.idNumber()
        + ",S990101001001," + at + "\n");
    upload(api, "lab", "results", RESULTS_HEADER + barcode + ",NEGATIVE,,,LAB01," + at.plusSeconds(6 * 3600) + "\n");
    schedules.observe(List.of(UUID.fromString(member.personId())));
    JsonNode blockedMember = api.as("district").get("/api/v1/key-groups/" + code + "/members").json().get("items")
        .get(0);
    assertThat(blockedMember.get("state").asString()).isEqualTo("BLOCKED_FROM_DUTY");

    Api.Caller contactApi = api.as(contact, OrganisationFixtures.CONTACT_PASSWORD);
    await().atMost(Duration.ofSeconds(15)).until(() -> blocked(contactApi, orgName) == 1);
    await().atMost(Duration.ofSeconds(15)).until(() -> blocked(api.as("community"), orgName) == 1);
    // the sweep and another batch find the member still blocked: nobody is told twice
    schedules.refreshAll();
    schedules.observe(List.of(UUID.fromString(member.personId())));
    try {
      Thread.sleep(1500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    assertThat(blocked(contactApi, orgName)).isEqualTo(1);
    JsonNode notice = notices(contactApi).stream().filter(n -> n.get("title").asString().contains(orgName))
        .findFirst().orElseThrow();
    assertThat(notice.get("kind").asString()).isEqualTo("KEYGROUP_BLOCKED");
    assertThat(notice.get("body").asString()).contains(blockedMember.get("name").asString());
  }

  private long blocked(Api.Caller caller, String orgName) {
    return notices(caller).stream().filter(n -> n.get("kind").asString().equals("KEYGROUP_BLOCKED")
        && n.get("title").asString().contains(orgName)).count();
  }

  private List<JsonNode> notices(String user) {
    return notices(api.as(user));
  }

  private static List<JsonNode> notices(Api.Caller caller) {
    return caller.get("/api/v1/notifications?size=200").json().get("items").valueStream().toList();
  }

  private String group(Map<String, Object> schedule) {
    return KeyGroupApiTest.group(api, "KN", schedule);
  }

  private JsonNode organisation(String name) {
    return OrganisationFixtures.register(api, name, "WAREHOUSE", OrganisationFixtures.COMMUNITY, null).json();
  }
}
