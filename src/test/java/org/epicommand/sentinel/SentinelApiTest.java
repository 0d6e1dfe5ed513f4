package org.epicommand.sentinel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.labtest.LabtestFixtures.TUBES_HEADER;
import static org.epicommand.labtest.LabtestFixtures.RESULTS_HEADER;
import static org.epicommand.labtest.LabtestFixtures.residentId;
import static org.epicommand.labtest.LabtestFixtures.upload;
import static org.epicommand.sentinel.SentinelFixtures.CLERK_PASSWORD;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.sentinel.internal.VerificationJob;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Pharmacy sentinels through HTTP: registering pharmacies and binding clerks, dated class policies,
 * the clerk's purchase registration with its bad inputs (nothing stored) and refusals, a clerk kept to
 * their own pharmacy, and the 72-h loop: a buyer sampled at 71 h gets no item, one sampled at 73 h gets
 * an item (once, however often the job runs) that closes when the sampling lands.
 */
@EpiCommandTest
class SentinelApiTest {

  static final String COMMUNITY = OrganisationFixtures.COMMUNITY;
  static final String OTHER_COMMUNITY = DemoPlaces.NEIGHBOUR;

  @Autowired
  Api api;

  @Autowired
  VerificationJob job;

  @Test
  void pharmaciesPoliciesAndTheClerksRegistration() {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String a = SentinelFixtures.pharmacy(api, "大药房" + tag, COMMUNITY);
    String b = SentinelFixtures.pharmacy(api, "仁和药店" + tag, COMMUNITY);
    Api.Answer again = api.as("commander").post("/api/v1/sentinel/pharmacies",
        Map.of("organisation", a, "licenceNumber", "X1"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("existingId").asString()).isEqualTo(a);
    String school = OrganisationFixtures.register(api, "学校" + tag, "SCHOOL", COMMUNITY, List.of("一年级"))
        .json().get("creditCode").asString();
    Api.Answer notPharmacy = api.as("commander").post("/api/v1/sentinel/pharmacies",
        Map.of("organisation", school, "licenceNumber", ""));
    assertThat(notPharmacy.status()).isEqualTo(400);
    assertThat(fields(notPharmacy)).containsExactlyInAnyOrder("organisation", "licenceNumber");

    String clerkA = SentinelFixtures.clerk(api, a);
    String clerkB = SentinelFixtures.clerk(api, b);
    LocalDate from = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(2 + System.nanoTime() % 25);
    Api.Answer suspended = api.as("commander").post("/api/v1/sentinel/drug-policies", Map.of("jurisdictionCode",
        COMMUNITY, "effectiveFrom", from.toString(), "drugClass", "FEVER_PATCH", "mode", "SALES_SUSPENDED"));
    assertThat(suspended.status()).as(suspended.body()).isEqualTo(201);
    Api.Answer twice = api.as("commander").post("/api/v1/sentinel/drug-policies", Map.of("jurisdictionCode",
        COMMUNITY, "effectiveFrom", from.toString(), "drugClass", "FEVER_PATCH", "mode", "ALLOWED"));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(api.as("community").post("/api/v1/sentinel/drug-policies", Map.of()).status()).isEqualTo(403);

    // the clerk's bad inputs: field-level 400, nothing stored
    Map<String, Object> bad = purchase(residentId(), "国药准字H10900089");
    bad.put("idNumber", "110101199001011234");
    bad.put("quantity", 0);
    bad.put("temperature", 45.2);
    Api.Answer refused = api.as(clerkA, CLERK_PASSWORD).post("/api/v1/sentinel/purchases", bad);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(fields(refused)).containsExactlyInAnyOrder("idNumber", "quantity", "temperature");
    Map<String, Object> tooMany = purchase(residentId(), "国药准字H10900089");
    tooMany.put("quantity", 101);
    assertThat(fields(api.as(clerkA, CLERK_PASSWORD).post("/api/v1/sentinel/purchases", tooMany)))
        .containsExactly("quantity");
    Api.Answer patch = api.as(clerkA, CLERK_PASSWORD).post("/api/v1/sentinel/purchases",
        purchase(residentId(), "国械注准20152640001"));
    assertThat(patch.status()).isEqualTo(409);
    assertThat(patch.json().get("currentState").asString()).isEqualTo("SALES_SUSPENDED");
    assertThat(patch.body()).contains("FEVER_PATCH", COMMUNITY, from.toString());
    assertThat(api.as(clerkA, CLERK_PASSWORD).get("/api/v1/sentinel/purchases").json().size()).isZero();
    // the page offers a fever enquiry instead: anonymous, or named (its document checked)
    Api.Answer enquiry = api.as(clerkA, CLERK_PASSWORD).post("/api/v1/sentinel/fever-enquiries",
        Map.of("temperature", 38.2, "approvalNumber", "国械注准20152640001", "referredTo", "市人民医院发热门诊"));
    assertThat(enquiry.status()).as(enquiry.body()).isEqualTo(201);
    assertThat(enquiry.json().get("anonymous").asBoolean()).isTrue();
    assertThat(enquiry.json().get("drugClass").asString()).isEqualTo("FEVER_PATCH");
    assertThat(fields(api.as(clerkA, CLERK_PASSWORD).post("/api/v1/sentinel/fever-enquiries",
        Map.of("idNumber", "110101199001011234", "name", "发热者", "temperature", 51)))).containsExactlyInAnyOrder(
        "idNumber", "temperature");
    assertThat(api.as(clerkB, CLERK_PASSWORD).post("/api/v1/sentinel/fever-enquiries",
        Map.of("pharmacy", a)).status()).isEqualTo(404);

    Api.Answer sold = api.as(clerkA, CLERK_PASSWORD).post("/api/v1/sentinel/purchases",
        purchase(residentId(), "国药准字H44021565"));
    assertThat(sold.status()).as(sold.body()).isEqualTo(201);
    assertThat(sold.json().get("pharmacyCode").asString()).isEqualTo(a);
    assertThat(sold.json().get("drugClass").asString()).isEqualTo("COUGH_EXPECTORANT_ANTIASTHMATIC");
    assertThat(sold.json().get("maskedIdNumber").asString()).contains("*");
    String id = sold.json().get("id").asString();
    JsonNode today = api.as(clerkA, CLERK_PASSWORD).get("/api/v1/sentinel/purchases").json();
    assertThat(today.valueStream().map(p -> p.get("id").asString()).toList()).containsExactly(id);
    // the other pharmacy's clerk: neither the registration nor the pharmacy nor its list
    assertThat(api.as(clerkB, CLERK_PASSWORD).get("/api/v1/sentinel/purchases/" + id).status()).isEqualTo(404);
    assertThat(api.as(clerkB, CLERK_PASSWORD).get("/api/v1/sentinel/pharmacies/" + a).status()).isEqualTo(404);
    assertThat(api.as(clerkB, CLERK_PASSWORD).get("/api/v1/sentinel/purchases?pharmacy=" + a).status())
        .isEqualTo(404);
    assertThat(api.as(clerkB, CLERK_PASSWORD).get("/api/v1/sentinel/pharmacies").json().get("items")
        .valueStream().map(p -> p.get("creditCode").asString()).toList()).containsExactly(b);
    assertThat(api.as(clerkB, CLERK_PASSWORD).get("/api/v1/sentinel/verification").status()).isEqualTo(403);
    assertThat(api.as("commander").get("/api/v1/sentinel/purchases/" + id).status()).isEqualTo(200);
    // a suspended pharmacy sells nothing
    assertThat(api.as("commander").post("/api/v1/sentinel/pharmacies/" + b + "/status",
        Map.of("status", "SALES_SUSPENDED")).status()).isEqualTo(200);
    Api.Answer closedShop = api.as(clerkB, CLERK_PASSWORD).post("/api/v1/sentinel/purchases",
        purchase(residentId(), "国药准字H44021565"));
    assertThat(closedShop.status()).isEqualTo(409);
    assertThat(closedShop.json().get("currentState").asString()).isEqualTo("SALES_SUSPENDED");
  }

  @Test
  void aNoSaleToFeverRuleWantsTheTemperatureAndRefusesFromThirtySevenPointThree() {
    String community = "990101001004";
    String pharmacy = SentinelFixtures.pharmacy(api, "测温药房" + System.nanoTime() % 100_000, community);
    String clerk = SentinelFixtures.clerk(api, pharmacy);
    Api.Answer rule = api.as("commander").post("/api/v1/sentinel/drug-policies", Map.of("jurisdictionCode",
        community, "effectiveFrom", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), "drugClass",
        "ANTIPYRETIC_ANALGESIC", "mode", "NO_SALE_TO_FEVER"));
    assertThat(rule.status()).as(rule.body()).isEqualTo(201);
    Map<String, Object> body = purchase(residentId(), "国药准字H10900089");
    body.put("pharmacy", pharmacy);
    body.put("jurisdictionCode", community);
    body.remove("temperature");
    Api.Answer noTemperature = api.as(clerk, CLERK_PASSWORD).post("/api/v1/sentinel/purchases", body);
    assertThat(noTemperature.status()).as(noTemperature.body()).isEqualTo(400);
    assertThat(noTemperature.json().get("errors").get(0).get("field").asString()).isEqualTo("temperature");
    body.put("temperature", 37.3);
    Api.Answer fever = api.as(clerk, CLERK_PASSWORD).post("/api/v1/sentinel/purchases", body);
    assertThat(fever.status()).as(fever.body()).isEqualTo(409);
    assertThat(fever.body()).contains("temperature");
    body.put("temperature", 37.2);
    Api.Answer sold = api.as(clerk, CLERK_PASSWORD).post("/api/v1/sentinel/purchases", body);
    assertThat(sold.status()).as(sold.body()).isEqualTo(201);
  }

  @Test
  void aBuyerSampledAt71HoursHasNoItemOneSampledAt73HoursGetsOneThatClosesWhenTheSampleLands() throws Exception {
    String tag = Long.toString(System.nanoTime() % 1_000_000L);
    String pharmacy = SentinelFixtures.pharmacy(api, "测试药房" + tag, COMMUNITY);
    String clerk = SentinelFixtures.clerk(api, pharmacy);
    LocalDate from = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(5 + System.nanoTime() % 20);
    Api.Answer rule = api.as("commander").post("/api/v1/sentinel/drug-policies", Map.of("jurisdictionCode",
        COMMUNITY.substring(0, 9), "effectiveFrom", from.toString(), "drugClass", "ANTIVIRAL",
        "mode", "REAL_NAME_TEST_72H"));
    assertThat(rule.status()).as(rule.body()).isEqualTo(201);
    Instant bought = Instant.now().minus(Duration.ofHours(100)).truncatedTo(ChronoUnit.MINUTES);
    String early = residentId();
    String late = residentId();
    for (String buyer : List.of(early, late)) {
      Map<String, Object> body = purchase(buyer, "国药准字H20065414");
      body.put("purchasedAt", bought.toString());
      body.put("name", (buyer.equals(early) ? "早检" : "晚检") + tag);
      Api.Answer sold = api.as(clerk, CLERK_PASSWORD).post("/api/v1/sentinel/purchases", body);
      assertThat(sold.status()).as(sold.body()).isEqualTo(201);
      assertThat(sold.json().get("mode").asString()).isEqualTo("REAL_NAME_TEST_72H");
      assertThat(Instant.parse(sold.json().get("testDueAt").asString())).isEqualTo(bought.plus(Duration.ofHours(72)));
    }
    upload(api, "lab", "tubes", TUBES_HEADER + "E" + tag + ",SINGLE,RESIDENT_ID," + early + ",S990101001001,"
        + bought.plus(Duration.ofHours(71)) + "\n");
    job.sweep();
    job.sweep();
    assertThat(items("早检" + tag)).isEmpty();
    List<JsonNode> open = items("晚检" + tag);
    assertThat(open).hasSize(1);
    JsonNode item = open.get(0);
    assertThat(item.get("state").asString()).isEqualTo("OPEN");
    assertThat(item.get("overdue").asBoolean()).isFalse();
    String id = item.get("id").asString();
    String elsewhere = SentinelFixtures.account(api, "grid", "COMMUNITY_WORKER", OTHER_COMMUNITY);
    assertThat(api.as(elsewhere, CLERK_PASSWORD).get("/api/v1/sentinel/verification/" + id).status()).isEqualTo(404);
    assertThat(api.as(elsewhere, CLERK_PASSWORD).post("/api/v1/sentinel/verification/" + id + "/contact", Map.of())
        .status()).isEqualTo(404);
    assertThat(api.as("community").post("/api/v1/sentinel/verification/" + id + "/contact",
        Map.of("note", "电话已通知")).json().get("state").asString()).isEqualTo("CONTACTED");
    Api.Answer twice = api.as("community").post("/api/v1/sentinel/verification/" + id + "/contact", Map.of());
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("currentState").asString()).isEqualTo("CONTACTED");
    assertThat(fields(api.as("community").post("/api/v1/sentinel/verification/" + id + "/close",
        Map.of("outcome", "EXCLUDED")))).containsExactly("note");
    // a missing, unknown or platform-only outcome is a field-level 400 and leaves the item as it was
    for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of(), Map.of("outcome", "MOVED_AWAY"),
        Map.of("outcome", "SAMPLED"))) {
      assertThat(fields(api.as("community").post("/api/v1/sentinel/verification/" + id + "/close", body)))
          .containsExactly("outcome");
    }
    assertThat(api.as("community").get("/api/v1/sentinel/verification/" + id).json().get("state").asString())
        .isEqualTo("CONTACTED");

    // the late buyer is sampled at 73 h; the item closes by itself when the result lands
    upload(api, "lab", "tubes", TUBES_HEADER + "L" + tag + ",SINGLE,RESIDENT_ID," + late + ",S990101001001,"
        + bought.plus(Duration.ofHours(73)) + "\n");
    upload(api, "lab", "results", RESULTS_HEADER + "L" + tag + ",NEGATIVE,,,LAB01," + Instant.now()
        .truncatedTo(ChronoUnit.SECONDS) + "\n");
    JsonNode closed = null;
    for (int i = 0; i < 60; i++) {
      closed = api.as("community").get("/api/v1/sentinel/verification/" + id).json();
      if (closed.get("state").asString().equals("CLOSED")) {
        break;
      }
      Thread.sleep(500);
    }
    assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
    assertThat(closed.get("outcome").asString()).isEqualTo("SAMPLED");
    assertThat(items("晚检" + tag)).isEmpty();
    Api.Answer after = api.as("community").post("/api/v1/sentinel/verification/" + id + "/close",
        Map.of("outcome", "TESTED"));
    assertThat(after.status()).isEqualTo(409);
    assertThat(after.json().get("currentState").asString()).isEqualTo("CLOSED");
  }

  /** The community worker's open items of buyers with this name. */
  private List<JsonNode> items(String name) {
    Api.Answer list = api.as("community").get("/api/v1/sentinel/verification?size=500");
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    return list.json().get("items").valueStream().filter(i -> i.get("name").asString().equals(name)).toList();
  }

  static Map<String, Object> purchase(String idNumber, String approvalNumber) {
    Map<String, Object> body = new HashMap<>();
    body.put("idType", "RESIDENT_ID");
    body.put("idNumber", idNumber);
    body.put("name", "购药人");
    body.put("phone", "13900139000");
    body.put("jurisdictionCode", COMMUNITY);
    body.put("approvalNumber", approvalNumber);
    body.put("quantity", 2);
    body.put("temperature", 36.6);
    return body;
  }

  static List<String> fields(Api.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    return answer.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
  }
}
