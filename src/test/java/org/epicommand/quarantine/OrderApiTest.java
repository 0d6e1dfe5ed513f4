package org.epicommand.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.quarantine.QuarantineFixtures.COMMUNITY;
import static org.epicommand.quarantine.QuarantineFixtures.OTHER_DISTRICT_COMMUNITY;
import static org.epicommand.quarantine.QuarantineFixtures.order;
import static org.epicommand.quarantine.QuarantineFixtures.person;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@EpiCommandTest
class OrderApiTest {

  @Autowired
  Api api;

  static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asString()));
    return values;
  }

  @Test
  void listsTheFourSeededRuleSetsWithTheirEffectiveDates() {
    JsonNode sets = api.as("community").get("/api/v1/quarantine/rule-sets").json();
    List<String> codes = new ArrayList<>();
    sets.forEach(s -> codes.add(s.get("code").asString() + "@" + s.get("effectiveFrom").asString()));
    assertThat(codes).contains("V8@2021-05-11", "V9@2022-06-28", "TWENTY_MEASURES@2022-11-11",
        "TEN_MEASURES@2022-12-07");
    JsonNode v9 = java.util.stream.StreamSupport.stream(sets.spliterator(), false)
        .filter(s -> s.get("code").asString().equals("V9")).findFirst().orElseThrow();
    assertThat(v9.get("name").asString()).contains("第九版");
    assertThat(v9.get("lookBackDays").asInt()).isEqualTo(4);
    assertThat(v9.get("secondaryContacts").asBoolean()).isTrue();
    assertThat(api.as("community").header("Accept-Language", "en").get("/api/v1/quarantine/rule-sets").body())
        .contains("edition 9");
  }

  @Test
  void opensAnOrderWithThePhasesAndTestDatesOfTheContract() {
    String personId = person(api, "隔离甲", COMMUNITY);
    Api.Answer answer = api.as("community").post("/api/v1/quarantine/orders",
        order(personId, "CLOSE_CONTACT", "2022-07-01", "V9"));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    JsonNode order = answer.json();
    assertThat(order.get("id").asString()).hasSize(36);
    assertThat(order.get("ruleSet").asString()).isEqualTo("V9");
    assertThat(order.get("reason").asString()).isEqualTo("CLOSE_CONTACT");
    assertThat(order.get("anchorDate").asString()).isEqualTo("2022-07-01");
    assertThat(order.get("phases").get(0).get("regime").asString()).isEqualTo("CENTRALIZED");
    assertThat(order.get("phases").get(0).get("startDate").asString()).isEqualTo("2022-07-02");
    assertThat(order.get("phases").get(0).get("endDate").asString()).isEqualTo("2022-07-08");
    assertThat(order.get("phases").get(1).get("regime").asString()).isEqualTo("HOME_MONITORING");
    assertThat(order.get("phases").get(1).get("startDate").asString()).isEqualTo("2022-07-09");
    assertThat(order.get("phases").get(1).get("endDate").asString()).isEqualTo("2022-07-11");
    assertThat(texts(order.get("testDates"))).containsExactly("2022-07-02", "2022-07-03", "2022-07-04",
        "2022-07-06", "2022-07-08", "2022-07-11");
    assertThat(order.get("plannedEndDate").asString()).isEqualTo("2022-07-11");
    // made long after the anchor: every phase and test is in the past, marked skipped, none shifted
    assertThat(order.get("phases").get(0).get("status").asString()).isEqualTo("SKIPPED");
    assertThat(order.get("tests").get(5).get("status").asString()).isEqualTo("SKIPPED");
    assertThat(order.get("state").asString()).isEqualTo("ACTIVE");
  }

  @Test
  void anOrderStartingTodayWithACentralizedPhaseAwaitsTransfer() {
    String personId = person(api, "隔离乙", COMMUNITY);
    LocalDate yesterday = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1);
    JsonNode order = QuarantineFixtures.open(api, personId, "CLOSE_CONTACT", yesterday, "TWENTY_MEASURES");
    assertThat(order.get("state").asString()).isEqualTo("PENDING_TRANSFER");
    assertThat(order.get("currentRegime").asString()).isEqualTo("CENTRALIZED");
    assertThat(order.get("phases").get(0).get("status").asString()).isEqualTo("SCHEDULED");
    assertThat(order.get("plannedEndDate").asString()).isEqualTo(yesterday.plusDays(8).toString());
    // a second order for the same person while this one is open: 409 naming the open one
    Api.Answer again = api.as("commander").post("/api/v1/quarantine/orders",
        order(personId, "CLOSE_CONTACT", yesterday.toString(), "V9"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("existingId").asString()).isEqualTo(order.get("id").asString());
  }

  @Test
  void aReasonTheRuleSetDoesNotManageIsAFieldError() {
    String personId = person(api, "隔离丙", COMMUNITY);
    Api.Answer answer = api.as("commander").post("/api/v1/quarantine/orders",
        order(personId, "SECONDARY_CONTACT", "2022-11-20", "TWENTY_MEASURES"));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
    assertThat(answer.json().get("errors").get(0).get("message").asString()).contains("TWENTY_MEASURES");
    Api.Answer unknownSet = api.as("commander").post("/api/v1/quarantine/orders",
        order(personId, "CLOSE_CONTACT", "2022-11-20", "V99"));
    assertThat(unknownSet.status()).isEqualTo(400);
    assertThat(unknownSet.json().get("errors").get(0).get("field").asString()).isEqualTo("ruleSet");
    Api.Answer missing = api.as("commander").post("/api/v1/quarantine/orders", java.util.Map.of("reason", "OTHER"));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("personId", "anchorDate");
    Api.Answer badReason = api.as("commander").post("/api/v1/quarantine/orders",
        java.util.Map.of("personId", personId, "reason", "HOLIDAY", "anchorDate", "2022-11-20"));
    assertThat(badReason.status()).isEqualTo(400);
  }

  @Test
  void withoutARuleSetTheOneInForceOnTheAnchorDateIsUsed() {
    String personId = person(api, "隔离丁", COMMUNITY);
    JsonNode order = QuarantineFixtures.open(api, personId, "CLOSE_CONTACT", LocalDate.of(2022, 11, 12), null);
    assertThat(order.get("ruleSet").asString()).isEqualTo("TWENTY_MEASURES");
    assertThat(order.get("plannedEndDate").asString()).isEqualTo("2022-11-20");
  }

  @Test
  void recomputesOnlyOnRequestAndRecordsTheNewRuleSet() {
    String personId = person(api, "隔离戊", COMMUNITY);
    JsonNode order = QuarantineFixtures.open(api, personId, "CLOSE_CONTACT", LocalDate.of(2022, 11, 1), "V9");
    String id = order.get("id").asString();
    assertThat(api.as("commander").get("/api/v1/quarantine/orders/" + id).json().get("ruleSet").asString())
        .isEqualTo("V9");
    JsonNode recomputed = api.as("commander").post("/api/v1/quarantine/orders/" + id + "/recompute",
        java.util.Map.of("ruleSet", "TWENTY_MEASURES")).json();
    assertThat(recomputed.get("ruleSet").asString()).isEqualTo("TWENTY_MEASURES");
    assertThat(recomputed.get("plannedEndDate").asString()).isEqualTo("2022-11-09");
    assertThat(texts(recomputed.get("testDates"))).containsExactly("2022-11-02", "2022-11-03", "2022-11-04",
        "2022-11-06", "2022-11-07", "2022-11-09");
  }

  @Test
  void anOrderOutsideTheCallersDistrictDoesNotExistForThem() {
    String personId = person(api, "隔离己", OTHER_DISTRICT_COMMUNITY);
    JsonNode order = QuarantineFixtures.open(api, personId, "OTHER", LocalDate.of(2022, 11, 1), "V9");
    assertThat(api.as("district").get("/api/v1/quarantine/orders/" + order.get("id").asString()).status())
        .isEqualTo(404);
    assertThat(api.as("district").post("/api/v1/quarantine/orders/" + order.get("id").asString() + "/recompute",
        java.util.Map.of()).status()).isEqualTo(404);
    // and the district user cannot put a person of another district under control
    String other = person(api, "隔离庚", OTHER_DISTRICT_COMMUNITY);
    Api.Answer answer = api.as("district").post("/api/v1/quarantine/orders",
        order(other, "OTHER", "2022-11-01", "V9"));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("personId");
    assertThat(api.as("district").get("/api/v1/quarantine/orders?size=500").body())
        .doesNotContain(order.get("id").asString());
  }

  @Test
  void endsAnOrderOnceAndRefusesToEndItAgain() {
    String personId = person(api, "隔离辛", COMMUNITY);
    JsonNode order = QuarantineFixtures.open(api, personId, "OTHER", LocalDate.of(2022, 11, 1), "V9");
    String path = "/api/v1/quarantine/orders/" + order.get("id").asString() + "/end";
    Api.Answer ended = api.as("community").post(path, java.util.Map.of("state", "TRANSFERRED_OUT", "note", "返回原籍"));
    assertThat(ended.status()).isEqualTo(200);
    assertThat(ended.json().get("state").asString()).isEqualTo("TRANSFERRED_OUT");
    Api.Answer again = api.as("community").post(path, java.util.Map.of("state", "BECAME_CASE"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("detail").asString()).contains("TRANSFERRED_OUT");
  }
}
