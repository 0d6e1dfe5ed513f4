package org.epicommand.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.quarantine.QuarantineFixtures.COMMUNITY;
import static org.epicommand.quarantine.QuarantineFixtures.addRuleSet;
import static org.epicommand.quarantine.QuarantineFixtures.order;
import static org.epicommand.quarantine.QuarantineFixtures.person;
import static org.epicommand.quarantine.QuarantineFixtures.ruleSetCopy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rule sets as data through HTTP: the seeded editions with their risk levels, downgrade days and
 * look-back; GET answers what POST accepts; no rule set before the earliest edition. Custom rule sets
 * here take effect in a far future, so that the rule set in force today stays the seeded one.
 */
@EpiCommandTest
class RuleSetApiTest {

  @Autowired
  Api api;

  private static String unique(String prefix) {
    return prefix + System.nanoTime() % 1_000_000_000L;
  }

  private JsonNode get(String code) {
    Api.Answer answer = api.as("community").get("/api/v1/quarantine/rule-sets/" + code);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  private static List<String> texts(JsonNode array) {
    return OrderApiTest.texts(array);
  }

  @Test
  void theSeededEditionsCarryTheirRiskLevelsDowngradeDaysAndLookBack() {
    JsonNode v8 = get("V8");
    assertThat(texts(v8.get("riskLevels"))).containsExactly("HIGH", "MEDIUM", "LOW");
    assertThat(v8.get("lookBackDays").asInt()).isEqualTo(2);
    JsonNode v9 = get("V9");
    assertThat(texts(v9.get("riskLevels"))).containsExactly("HIGH", "MEDIUM", "LOW");
    assertThat(v9.get("downgradeDays").get("highToMedium").asInt()).isEqualTo(7);
    assertThat(v9.get("downgradeDays").get("mediumToLow").asInt()).isEqualTo(7);
    assertThat(v9.get("downgradeDays").get("mediumToLowFromHigh").asInt()).isEqualTo(3);
    assertThat(v9.get("downgradeDays").get("highToLow").isNull()).isTrue();
    assertThat(v9.get("lookBackDays").asInt()).isEqualTo(4);
    // the arrival rules of ed. 9: high 7 d centralized, medium 7 d home isolation, low 2 tests in 3 days
    JsonNode medium = v9.get("rules").get("MEDIUM_RISK_AREA_ARRIVAL");
    assertThat(medium.get("phases").get(0).get("regime").asString()).isEqualTo("HOME_ISOLATION");
    assertThat(medium.get("phases").get(0).get("days").asInt()).isEqualTo(7);
    assertThat(texts(medium.get("testDays"))).containsExactly("1", "4", "7");
    for (String code : List.of("TWENTY_MEASURES", "TEN_MEASURES")) {
      JsonNode two = get(code);
      assertThat(texts(two.get("riskLevels"))).as(code).containsExactly("HIGH", "LOW");
      assertThat(two.get("downgradeDays").get("highToLow").asInt()).as(code).isEqualTo(5);
      assertThat(two.get("downgradeDays").get("highToMedium").isNull()).as(code).isTrue();
    }
    assertThat(get("TWENTY_MEASURES").get("rules").has("MEDIUM_RISK_AREA_ARRIVAL")).isFalse();
    assertThat(api.as("community").get("/api/v1/quarantine/rule-sets/NO_SUCH_EDITION").status()).isEqualTo(404);
  }

  @Test
  void aRuleSetReadWithGetIsPostedBackUnderANewCodeAndComputesTheSameOrders() {
    String code = unique("ROUND_TRIP_");
    ObjectNode copy = ruleSetCopy(api, "V9", code, LocalDate.of(2090, 1, 1));
    JsonNode added = addRuleSet(api, copy);
    assertThat(added.get("builtin").asBoolean()).isFalse();
    JsonNode v9 = get("V9");
    JsonNode read = get(code);
    for (String field : List.of("lookBackDays", "secondaryContacts", "riskLevels", "downgradeDays", "rules")) {
      assertThat(read.get(field)).as(field).isEqualTo(v9.get(field));
    }
    assertThat(read.get("name").asString()).isEqualTo("本市规则 " + code);
    assertThat(read.get("effectiveFrom").asString()).isEqualTo("2090-01-01");
    for (String reason : List.of("CLOSE_CONTACT", "SECONDARY_CONTACT", "MEDIUM_RISK_AREA_ARRIVAL")) {
      JsonNode byV9 = QuarantineFixtures.open(api, person(api, "往返甲", COMMUNITY), reason,
          LocalDate.of(2022, 7, 1), "V9");
      JsonNode byCopy = QuarantineFixtures.open(api, person(api, "往返乙", COMMUNITY), reason,
          LocalDate.of(2022, 7, 1), code);
      assertThat(byCopy.get("ruleSet").asString()).isEqualTo(code);
      assertThat(byCopy.get("phases")).as(reason).isEqualTo(byV9.get("phases"));
      assertThat(byCopy.get("testDates")).as(reason).isEqualTo(byV9.get("testDates"));
      assertThat(byCopy.get("plannedEndDate")).as(reason).isEqualTo(byV9.get("plannedEndDate"));
    }
    // the same body twice: the code is taken
    assertThat(api.as("admin").post("/api/v1/quarantine/rule-sets", copy).status()).isEqualTo(409);
  }

  @Test
  void aCustomThreeLevelEditionOpensMediumRiskArrivalOrdersWithItsRegime() {
    String code = unique("CITY_THREE_");
    ObjectNode body = ruleSetCopy(api, "TEN_MEASURES", code, LocalDate.of(2091, 3, 1));
    body.set("riskLevels", Api.JSON.valueToTree(List.of("HIGH", "MEDIUM", "LOW")));
    body.set("downgradeDays", Api.JSON.valueToTree(Map.of("highToMedium", 5, "mediumToLow", 5,
        "mediumToLowFromHigh", 2)));
    ((ObjectNode) body.get("rules")).set("MEDIUM_RISK_AREA_ARRIVAL", Api.JSON.valueToTree(Map.of(
        "phases", List.of(Map.of("regime", "HOME_MONITORING", "days", 5)), "testDays", List.of(1, 5))));
    addRuleSet(api, body);
    JsonNode order = QuarantineFixtures.open(api, person(api, "中风险来人", COMMUNITY), "MEDIUM_RISK_AREA_ARRIVAL",
        LocalDate.of(2091, 3, 4), null);
    assertThat(order.get("ruleSet").asString()).isEqualTo(code);
    assertThat(order.get("phases").get(0).get("regime").asString()).isEqualTo("HOME_MONITORING");
    assertThat(order.get("plannedEndDate").asString()).isEqualTo("2091-03-09");
    assertThat(texts(order.get("testDates"))).containsExactly("2091-03-05", "2091-03-09");
  }

  @Test
  void theRiskAreaPartMustFitTheLevelFamily() {
    ObjectNode two = ruleSetCopy(api, "TWENTY_MEASURES", unique("CITY_TWO_"), LocalDate.of(2092, 1, 1));
    ((ObjectNode) two.get("rules")).set("MEDIUM_RISK_AREA_ARRIVAL", Api.JSON.valueToTree(Map.of(
        "phases", List.of(Map.of("regime", "HOME_ISOLATION", "days", 7)), "testDays", List.of(1, 7))));
    ((ObjectNode) two.get("downgradeDays")).put("highToMedium", 7);
    Api.Answer refused = api.as("admin").post("/api/v1/quarantine/rule-sets", two);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("rules.MEDIUM_RISK_AREA_ARRIVAL", "downgradeDays.highToMedium");
    assertThat(refused.body()).contains("中风险");

    ObjectNode three = ruleSetCopy(api, "V9", unique("CITY_NODAYS_"), LocalDate.of(2092, 1, 1));
    ((ObjectNode) three.get("downgradeDays")).putNull("mediumToLowFromHigh");
    three.set("riskLevels", Api.JSON.valueToTree(List.of("LOW", "MEDIUM", "HIGH")));
    Api.Answer missing = api.as("admin").post("/api/v1/quarantine/rule-sets", three);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("errors").findValuesAsString("field"))
        .containsExactly("downgradeDays.mediumToLowFromHigh");

    three.set("riskLevels", Api.JSON.valueToTree(List.of("HIGH")));
    assertThat(api.as("admin").post("/api/v1/quarantine/rule-sets", three).json().get("errors").get(0).get("field")
        .asString()).isEqualTo("riskLevels");

    // phases are objects, as GET shows them; a zero-day phase is a field error on the reason's phases
    ObjectNode badPhase = ruleSetCopy(api, "V9", unique("CITY_PHASE_"), LocalDate.of(2092, 1, 1));
    ((ObjectNode) badPhase.get("rules").get("CLOSE_CONTACT").get("phases").get(0)).put("days", 0);
    Api.Answer phase = api.as("admin").post("/api/v1/quarantine/rule-sets", badPhase);
    assertThat(phase.status()).isEqualTo(400);
    assertThat(phase.json().get("errors").get(0).get("field").asString()).isEqualTo("rules.CLOSE_CONTACT.phases");
    assertThat(api.as("community").post("/api/v1/quarantine/rule-sets", badPhase).status()).isEqualTo(403);
  }

  @Test
  void anAnchorBeforeTheEarliestEditionIsRefusedNamingIt() {
    String personId = person(api, "太早甲", COMMUNITY);
    Api.Answer early = api.as("commander").post("/api/v1/quarantine/orders",
        order(personId, "CLOSE_CONTACT", "2020-02-01", null));
    assertThat(early.status()).as(early.body()).isEqualTo(400);
    JsonNode error = early.json().get("errors").get(0);
    assertThat(error.get("field").asString()).isEqualTo("anchorDate");
    assertThat(error.get("message").asString()).contains("2020-02-01", "V8", "2021-05-11");
    Api.Answer english = api.as("commander").header("Accept-Language", "en").post("/api/v1/quarantine/orders",
        order(personId, "CLOSE_CONTACT", "2020-02-01", null));
    assertThat(english.json().get("errors").get(0).get("message").asString())
        .isEqualTo("No rule set was in force on 2020-02-01: the earliest edition the platform knows is V8, in force"
            + " from 2021-05-11. Pick a rule set or add an earlier edition");
    // the day before V8 is refused, its first day is not
    assertThat(api.as("commander").post("/api/v1/quarantine/orders",
        order(personId, "CLOSE_CONTACT", "2021-05-10", null)).status()).isEqualTo(400);
    JsonNode first = QuarantineFixtures.open(api, personId, "CLOSE_CONTACT", LocalDate.of(2021, 5, 11), null);
    assertThat(first.get("ruleSet").asString()).isEqualTo("V8");
    // a rule set picked by hand is the operator's choice, whatever the anchor
    JsonNode picked = QuarantineFixtures.open(api, person(api, "太早乙", COMMUNITY), "CLOSE_CONTACT",
        LocalDate.of(2020, 2, 1), "V8");
    assertThat(picked.get("plannedEndDate").asString()).isEqualTo("2020-02-22");
  }
}
