package org.epicommand.sentinel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.sentinel.SentinelApiTest.fields;
import static org.epicommand.sentinel.SentinelFixtures.CLERK_PASSWORD;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.screening.Finding;
import org.epicommand.screening.ScreeningFindingRaised;
import org.epicommand.screening.ScreeningFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.ModuleEvents;
import org.epicommand.support.People;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import tools.jackson.databind.JsonNode;

/**
 * Screening's FEVER finding → a patient expected at the nearest fever clinic (the module event
 * {@link ScreeningFindingRaised}, published in the test's thread): once per finding, scoped to the clinic, arrived
 * with the patient's visit, closed as not arrived with a reason; unassigned where the district has no fever clinic.
 * Works in 南江区 and 北城区, where no other test registers fever clinics.
 */
@EpiCommandTest
@EnableScenarios
class ClinicReferralFlowTest {

  private static final String LISTENER = "sentinel.ClinicReferrals";
  private static final String STREET = "990103002";
  private static final String COMMUNITY = STREET + "002";
  private static final String NEIGHBOUR = STREET + "005";
  /** 北城区: no fever clinic. */
  private static final String BARE_COMMUNITY = "990104001001";

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void aFeverFindingIsExpectedAtTheNearestFeverClinicOnceAndArrivesWithTheVisit(Scenario scenario) {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String community = clinic("社区发热门诊" + tag, COMMUNITY);
    String street = clinic("街道发热门诊" + tag, STREET);
    String nurse = staff(community);
    String other = staff(street);
    JsonNode patient = People.resident("发热居民" + tag, COMMUNITY).register(api);
    String personId = patient.get("id").asString();
    String neighbourId = People.resident("邻村发热" + tag, NEIGHBOUR).id(api);

    ScreeningFindingRaised fever = fever(personId, COMMUNITY, "发热居民" + tag, Instant.now().minus(25,
        ChronoUnit.HOURS));
    raise(scenario, fever);
    raise(scenario, fever);
    assertThat(jdbc.sql("select count(*) from sentinel_clinic_referral where finding_id = ?")
        .param(fever.findingId()).query(Long.class).single()).isEqualTo(1);
    raise(scenario, fever(neighbourId, NEIGHBOUR, "邻村发热" + tag, Instant.now().minus(1, ChronoUnit.HOURS)));

    JsonNode expected = only(api.as(nurse, CLERK_PASSWORD).get("/api/v1/sentinel/clinic-referrals").json());
    assertThat(expected.get("patientName").asString()).isEqualTo("发热居民" + tag);
    assertThat(expected.get("personId").asString()).isEqualTo(personId);
    assertThat(expected.get("clinicCode").asString()).isEqualTo(community);
    assertThat(expected.get("fromCode").asString()).isEqualTo(COMMUNITY);
    assertThat(expected.get("address").asString()).isEqualTo("测试路" + tag + "号");
    assertThat(expected.get("state").asString()).isEqualTo("OPEN");
    assertThat(expected.get("overdue").asBoolean()).isTrue();
    assertThat(expected.get("waitingMinutes").asLong()).isBetween(25 * 60L, 25 * 60L + 5);
    String id = expected.get("id").asString();
    JsonNode neighbour = only(api.as(other, CLERK_PASSWORD).get("/api/v1/sentinel/clinic-referrals").json());
    assertThat(neighbour.get("patientName").asString()).as("the street's clinic is higher up than the community's")
        .isEqualTo("邻村发热" + tag);
    assertThat(neighbour.get("overdue").asBoolean()).isFalse();
    assertThat(api.as(other, CLERK_PASSWORD).get("/api/v1/sentinel/clinic-referrals/" + id).status()).isEqualTo(404);
    assertThat(api.as(other, CLERK_PASSWORD).get("/api/v1/sentinel/clinic-referrals?clinic=" + community).status())
        .isEqualTo(404);
    assertThat(api.as(other, CLERK_PASSWORD).post("/api/v1/sentinel/clinic-referrals/" + id + "/not-arrived",
        Map.of("reason", "不在")).status()).isEqualTo(404);
    assertThat(api.as(nurse, CLERK_PASSWORD).get("/api/v1/sentinel/clinic-referrals/" + id).status()).isEqualTo(200);
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'SENTINEL_CLINIC_REFERRAL' "
        + "and subject_id = ? and action = 'READ' and username = ?").params(id, nurse).query(Long.class).single())
        .isEqualTo(1);
    WebSession.Page register = WebSession.login(api, nurse, CLERK_PASSWORD).get("/sentinel/clinic");
    assertThat(register.status()).isEqualTo(200);
    assertThat(register.body()).contains("待接诊", "发热居民" + tag, "测试路" + tag + "号", "已等候 25 小时",
        "data-testid=\"referral-overdue\"");

    Map<String, Object> visit = new HashMap<>(Map.of("idNumber", patient.get("idNumber").asString(), "name",
        "发热居民" + tag, "temperature", 38.4, "tubeBarcode", "RF" + tag, "disposition", "HOME_WAIT"));
    Api.Answer recorded = api.as(nurse, CLERK_PASSWORD).post("/api/v1/sentinel/clinic-visits", visit);
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    assertThat(recorded.json().get("personId").asString()).isEqualTo(personId);
    assertThat(api.as(nurse, CLERK_PASSWORD).get("/api/v1/sentinel/clinic-referrals").json().size()).isZero();
    JsonNode arrived = api.as(nurse, CLERK_PASSWORD).get("/api/v1/sentinel/clinic-referrals/" + id).json();
    assertThat(arrived.get("state").asString()).isEqualTo("ARRIVED");
    assertThat(arrived.get("visitId").asString()).isEqualTo(recorded.json().get("id").asString());
    assertThat(arrived.get("overdue").asBoolean()).isFalse();
    Api.Answer late = api.as(nurse, CLERK_PASSWORD).post("/api/v1/sentinel/clinic-referrals/" + id + "/not-arrived",
        Map.of("reason", "联系不上"));
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().get("currentState").asString()).isEqualTo("ARRIVED");

    String path = "/api/v1/sentinel/clinic-referrals/" + neighbour.get("id").asString() + "/not-arrived";
    assertThat(api.as("cdc").post(path, Map.of("reason", "不在家")).status()).isEqualTo(403);
    assertThat(fields(api.as(other, CLERK_PASSWORD).post(path, Map.of("reason", " ")))).containsExactly("reason");
    Api.Answer closed = api.as(other, CLERK_PASSWORD).post(path, Map.of("reason", "已到外地就医"));
    assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    assertThat(closed.json().get("state").asString()).isEqualTo("NOT_ARRIVED");
    assertThat(closed.json().get("reason").asString()).isEqualTo("已到外地就医");
    assertThat(closed.json().get("closedBy").asString()).isEqualTo(other);
    Api.Answer twice = api.as(other, CLERK_PASSWORD).post(path, Map.of("reason", "再次"));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("currentState").asString()).isEqualTo("NOT_ARRIVED");
  }

  @Test
  void aDistrictWithoutFeverClinicKeepsTheReferralUnassignedForItsStaffAndOtherFindingsRaiseNone(Scenario scenario) {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String personId = People.resident("无门诊区" + tag, BARE_COMMUNITY).id(api);
    ScreeningFindingRaised fever = fever(personId, BARE_COMMUNITY, "无门诊区" + tag, Instant.now());
    raise(scenario, fever);
    ScreeningFindingRaised contact = new ScreeningFindingRaised(UUID.randomUUID(), UUID.fromString(personId),
        Finding.Category.CASE_CONTACT, BARE_COMMUNITY, "无门诊区" + tag, null, Instant.now());
    raise(scenario, contact);

    String desk = SentinelFixtures.account(api, "north", "DISTRICT_STAFF", "990104");
    JsonNode unassigned = api.as(desk, CLERK_PASSWORD).get("/api/v1/sentinel/clinic-referrals?unassigned=true").json();
    List<JsonNode> mine = unassigned.valueStream().filter(r -> r.get("personId").asString().equals(personId)).toList();
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).get("clinicCode").isNull()).isTrue();
    assertThat(api.as("commander").get("/api/v1/sentinel/clinic-referrals?unassigned=true").body())
        .contains(personId);
    assertThat(api.as("district").get("/api/v1/sentinel/clinic-referrals?unassigned=true").body())
        .doesNotContain(personId);
    String id = mine.get(0).get("id").asString();
    assertThat(api.as("district").get("/api/v1/sentinel/clinic-referrals/" + id).status()).isEqualTo(404);
    assertThat(api.as(desk, CLERK_PASSWORD).get("/api/v1/sentinel/clinic-referrals/" + id).status()).isEqualTo(200);
    String nurse = staff(clinic("北城无关门诊" + tag, OrganisationFixtures.COMMUNITY));
    assertThat(api.as(nurse, CLERK_PASSWORD).get("/api/v1/sentinel/clinic-referrals?unassigned=true").status())
        .isEqualTo(404);
    assertThat(jdbc.sql("select count(*) from sentinel_clinic_referral where finding_id = ?")
        .param(contact.findingId()).query(Long.class).single()).isZero();
  }

  @Test
  void cityStaffGiveAnUnassignedReferralToAnActiveFeverClinicOnceOnTheirPage(Scenario scenario) {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String personId = People.resident("待分配" + tag, BARE_COMMUNITY).id(api);
    raise(scenario, fever(personId, BARE_COMMUNITY, "待分配" + tag, Instant.now()));
    String desk = SentinelFixtures.account(api, "north", "DISTRICT_STAFF", "990104");
    List<JsonNode> mine = api.as(desk, CLERK_PASSWORD).get("/api/v1/sentinel/clinic-referrals?unassigned=true")
        .json().valueStream().filter(r -> r.get("personId").asString().equals(personId)).toList();
    assertThat(mine).hasSize(1);
    String id = mine.get(0).get("id").asString();
    WebSession.Page listed = WebSession.login(api, desk, CLERK_PASSWORD).get("/sentinel/referrals");
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.body()).contains("待分配的发热转诊", "待分配" + tag).doesNotContain("data-testid=\"assign\"");

    String feverClinic = clinic("市区发热门诊" + tag, OrganisationFixtures.COMMUNITY);
    String village = OrganisationFixtures.register(api, "村卫生室" + tag, "CLINIC", OrganisationFixtures.COMMUNITY,
        null).json().get("creditCode").asString();
    assertThat(api.as("commander").post("/api/v1/sentinel/clinics", Map.of("organisation", village, "type",
        "VILLAGE_CLINIC")).status()).isEqualTo(201);
    String retired = clinic("已撤销发热门诊" + tag, OrganisationFixtures.COMMUNITY);
    assertThat(api.as("commander").post("/api/v1/organisations/" + retired + "/retire", Map.of()).status())
        .isEqualTo(200);
    String path = "/api/v1/sentinel/clinic-referrals/" + id + "/assign";
    Api.Caller commander = api.as("commander");
    for (Object clinic : List.of("", "91990000NOSUCH0001", village, retired)) {
      assertThat(fields(commander.post(path, Map.of("clinicId", clinic)))).as("clinic " + clinic)
          .containsExactly("clinicId");
    }
    assertThat(fields(commander.post(path, Map.of()))).containsExactly("clinicId");
    assertThat(fields(api.as(desk, CLERK_PASSWORD).post(path, Map.of("clinicId", feverClinic))))
        .as("a fever clinic outside the district's reach").containsExactly("clinicId");
    assertThat(api.as("district").post(path, Map.of("clinicId", feverClinic)).status()).isEqualTo(404);
    String nurse = staff(feverClinic);
    assertThat(api.as(nurse, CLERK_PASSWORD).post(path, Map.of("clinicId", feverClinic)).status()).isEqualTo(403);

    WebSession city = WebSession.login(api, "commander");
    WebSession.Page page = city.get("/sentinel/referrals");
    assertThat(page.body()).contains("市区发热门诊" + tag).doesNotContain("村卫生室" + tag)
        .doesNotContain("已撤销发热门诊" + tag);
    WebSession.Page assigned = city.postForm("/sentinel/referrals/" + id + "/assign",
        Map.of("clinicId", feverClinic), true);
    assertThat(assigned.status()).isEqualTo(302);
    JsonNode referral = commander.get("/api/v1/sentinel/clinic-referrals/" + id).json();
    assertThat(referral.get("clinicCode").asString()).isEqualTo(feverClinic);
    assertThat(referral.get("state").asString()).isEqualTo("OPEN");
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'SENTINEL_CLINIC_REFERRAL' "
        + "and subject_id = ? and action = 'UPDATE' and username = 'commander' and detail like 'ASSIGNED to %'")
        .param(id).query(Long.class).single()).isEqualTo(1);
    assertThat(api.as(nurse, CLERK_PASSWORD).get("/api/v1/sentinel/clinic-referrals").body()).contains(personId);
    String after = city.get("/sentinel/referrals").body();
    int assignedSection = after.indexOf("data-testid=\"assigned\"");
    assertThat(assignedSection).as("the section of referrals the clinics expect").isPositive();
    assertThat(after.substring(0, assignedSection)).as("no longer unassigned").doesNotContain("待分配" + tag);
    assertThat(after.substring(assignedSection)).contains("待分配" + tag);

    Api.Answer again = commander.post(path, Map.of("clinicId", feverClinic));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("currentState").asString()).isEqualTo("OPEN");
    assertThat(again.json().get("clinicCode").asString()).isEqualTo(feverClinic);
    assertThat(api.as(nurse, CLERK_PASSWORD).post("/api/v1/sentinel/clinic-referrals/" + id + "/not-arrived",
        Map.of("reason", "联系不上")).status()).isEqualTo(200);
    Api.Answer closed = commander.post(path, Map.of("clinicId", feverClinic));
    assertThat(closed.status()).isEqualTo(409);
    assertThat(closed.json().get("currentState").asString()).isEqualTo("NOT_ARRIVED");
  }

  @Test
  void aHouseholdVisitsSymptomsFindingIsExpectedAtAFeverClinicOnce(Scenario scenario)
      throws InterruptedException {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String address = "咳嗽路" + tag + "号";
    String name = "咳嗽居民" + tag;
    String personId = ScreeningFixtures.resident(api, name, address);
    String roundId = ScreeningFixtures.runningRound(api, "症状排查-" + tag);
    String householdId = ScreeningFixtures.household(api, roundId, address).get("householdId").asString();
    Map<String, Object> body = new HashMap<>(Map.of("roundId", roundId, "method", "DOOR", "outcome", "ALL_SEEN",
        "seen", List.of(personId)));
    body.put("checks", List.of(Map.of("personId", personId, "temperature", 36.8, "symptoms", List.of("COUGH"))));
    Api.Answer visit = api.as("community").post("/api/v1/screening/households/" + householdId + "/visits", body);
    assertThat(visit.status()).as(visit.body()).isEqualTo(201);
    JsonNode finding = only(visit.json().get("findings"));
    assertThat(finding.get("category").asString()).isEqualTo("SYMPTOMS");
    String findingId = finding.get("id").asString();

    List<String> ids = List.of();
    for (int i = 0; i < 50 && ids.isEmpty(); i++) { // the finding is handled after the visit's commit
      ids = jdbc.sql("select id::text from sentinel_clinic_referral where person_id = ?::uuid").param(personId)
          .query(String.class).list();
      if (ids.isEmpty()) {
        Thread.sleep(200);
      }
    }
    assertThat(ids).hasSize(1);
    JsonNode expected = api.as("commander").get("/api/v1/sentinel/clinic-referrals/" + ids.get(0)).json();
    assertThat(expected.get("patientName").asString()).isEqualTo(name);
    assertThat(expected.get("address").asString()).isEqualTo(address);
    assertThat(expected.get("fromCode").asString()).isEqualTo(ScreeningFixtures.COMMUNITY);
    assertThat(expected.get("state").asString()).isEqualTo("OPEN");
    String clinic = expected.get("clinicCode").asString();
    assertThat(jdbc.sql("select clinic_type from sentinel_clinic where credit_code = ?").param(clinic)
        .query(String.class).single()).isEqualTo("FEVER_CLINIC");
    assertThat(api.as("commander").get("/api/v1/sentinel/clinic-referrals?clinic=" + clinic).body())
        .contains(personId);
    raise(scenario, new ScreeningFindingRaised(UUID.fromString(findingId), UUID.fromString(personId),
        Finding.Category.SYMPTOMS, ScreeningFixtures.COMMUNITY, name, address, Instant.now()));
    assertThat(jdbc.sql("select count(*) from sentinel_clinic_referral where person_id = ?::uuid").param(personId)
        .query(Long.class).single()).as("once per finding").isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'SENTINEL_CLINIC_REFERRAL' "
        + "and action = 'CREATE' and detail like ?").param("SYMPTOMS finding " + findingId + "%").query(Long.class)
        .single()).isEqualTo(1);
  }

  @Test
  void theDemoScreeningsFeverPatientIsExpectedAtTheDemoFeverClinic() throws InterruptedException {
    List<JsonNode> expected = List.of();
    for (int i = 0; i < 50 && expected.isEmpty(); i++) { // the demo's FEVER finding is handled after its commit
      expected = api.as("clinic").get("/api/v1/sentinel/clinic-referrals").json().valueStream()
          .filter(r -> r.get("fromCode").asString().equals("990101001001")).toList();
      if (expected.isEmpty()) {
        Thread.sleep(200);
      }
    }
    assertThat(expected).isNotEmpty();
    assertThat(expected.get(0).get("clinicName").asString()).isEqualTo("滨江市第一人民医院");
    assertThat(WebSession.login(api, "clinic").get("/sentinel/clinic").body()).contains("待接诊")
        .contains(expected.get(0).get("patientName").asString());
  }

  static ScreeningFindingRaised fever(String personId, String division, String name, Instant at) {
    String tag = name.replaceAll("\\D", "");
    return new ScreeningFindingRaised(UUID.randomUUID(), UUID.fromString(personId), Finding.Category.FEVER, division,
        name, "测试路" + tag + "号", at);
  }

  private void raise(Scenario scenario, ScreeningFindingRaised event) {
    raise(scenario, jdbc, event);
  }

  /** Publishes the finding and waits until the referrals have handled it. */
  static void raise(Scenario scenario, JdbcClient jdbc, ScreeningFindingRaised event) {
    String finding = event.findingId().toString();
    scenario.publish(event).andWaitForStateChange(() -> ModuleEvents.handled(jdbc, LISTENER, finding),
        Boolean.TRUE::equals).andVerify(done -> assertThat(done).isTrue());
  }

  private static JsonNode only(JsonNode list) {
    assertThat(list.size()).as(list.toString()).isEqualTo(1);
    return list.get(0);
  }

  private String clinic(String name, String division) {
    return SentinelFixtures.feverClinic(api, name, division);
  }

  private String staff(String clinic) {
    return SentinelFixtures.clinicStaff(api, clinic);
  }
}
