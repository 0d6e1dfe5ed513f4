package org.epicommand.movement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.epicommand.quarantine.QuarantineFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Risk areas and arrivals follow the risk levels and downgrade days of the rule set in force, read
 * from the rule set (docs/domain.md §8): the seeded editions, and a city's own three-level edition.
 */
@EpiCommandTest
class RuleSetEditionTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  private Api.Answer designate(String name, String level) {
    return api.as("commander").post("/api/v1/risk-areas",
        Map.of("name", name + System.nanoTime(), "level", level, "jurisdictionCode", MovementFixtures.COMMUNITY));
  }

  private String designated(String name, String level) {
    Api.Answer answer = designate(name, level);
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json().get("id").asString();
  }

  /** The present level started on {@code since} (as if designated then), optionally come down from HIGH. */
  private void levelSince(String id, LocalDate since, boolean cameFromHigh) {
    jdbc.sql("update risk_area set level_since = :day, came_from_high = :high where id = :id::uuid")
        .param("day", since).param("high", cameFromHigh).param("id", id).update();
  }

  private Map<String, String> proposed(LocalDate day) {
    Api.Answer answer = api.as("commander").post("/api/v1/risk-areas/proposals?day=" + day, "");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    Map<String, String> levels = new java.util.HashMap<>();
    answer.json().forEach(area -> levels.put(area.get("id").asString(), area.get("proposedLevel").asString()));
    return levels;
  }

  @Test
  void underTwoLevelsInForceAMediumAreaOrOriginIsRefusedNamingTheLevels() {
    Api.Answer medium = designate("中风险小区", "MEDIUM");
    assertThat(medium.status()).isEqualTo(400);
    JsonNode error = medium.json().get("errors").get(0);
    assertThat(error.get("field").asString()).isEqualTo("level");
    assertThat(error.get("message").asString()).contains("TEN_MEASURES", "高风险、低风险");
    assertThat(api.as("commander").header("Accept-Language", "en").post("/api/v1/risk-areas", Map.of("name", "x",
        "level", "MEDIUM", "jurisdictionCode", MovementFixtures.COMMUNITY)).body()).contains("high and low risk");

    Map<String, Object> arrival = MovementFixtures.arrival("中风险来人", MovementFixtures.residentId(),
        MovementFixtures.COMMUNITY, TODAY);
    arrival.put("originLevel", "MEDIUM");
    Api.Answer refused = api.as("community").post("/api/v1/arrivals", arrival);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("originLevel");
    // under ed. 9 the same origin opens 7 days of home isolation
    arrival.put("arrivalDate", "2022-07-20");
    Api.Answer v9 = api.as("community").post("/api/v1/arrivals", arrival);
    assertThat(v9.status()).as(v9.body()).isEqualTo(201);
    assertThat(v9.json().get("reason").asString()).isEqualTo("MEDIUM_RISK_AREA_ARRIVAL");
    assertThat(v9.json().get("outcome").asString()).isEqualTo("ORDER_OPENED");
  }

  @Test
  void proposalsUseTheDaysOfTheSeededEditions() {
    // ed. 9: HIGH → MEDIUM on the 7th quiet day
    String seventh = designated("九版高风险", "HIGH");
    String sixth = designated("九版高风险", "HIGH");
    levelSince(seventh, LocalDate.of(2022, 7, 25), false);
    levelSince(sixth, LocalDate.of(2022, 7, 26), false);
    Map<String, String> v9 = proposed(LocalDate.of(2022, 8, 1));
    assertThat(v9).containsEntry(seventh, "MEDIUM").doesNotContainKey(sixth);
    JsonNode history = api.as("commander").get("/api/v1/risk-areas/" + seventh).json();
    assertThat(history.get("proposals").get(0).get("ruleSet").asString()).isEqualTo("V9");
    // 20 measures: HIGH → LOW on the 5th quiet day
    String fifth = designated("二十条高风险", "HIGH");
    String fourth = designated("二十条高风险", "HIGH");
    levelSince(fifth, LocalDate.of(2022, 11, 15), false);
    levelSince(fourth, LocalDate.of(2022, 11, 16), false);
    assertThat(proposed(LocalDate.of(2022, 11, 20))).containsEntry(fifth, "LOW").doesNotContainKey(fourth);
    // no rule set before the earliest edition
    Api.Answer early = api.as("commander").post("/api/v1/risk-areas/proposals?day=2020-02-01", "");
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.json().get("errors").get(0).get("field").asString()).isEqualTo("day");
    assertThat(early.body()).contains("V8", "2021-05-11");
  }

  @Test
  void anArrivalBeforeTheEarliestEditionIsRefusedNamingIt() {
    Api.Answer early = api.as("community").post("/api/v1/arrivals", MovementFixtures.arrival("太早来人",
        MovementFixtures.residentId(), MovementFixtures.COMMUNITY, LocalDate.of(2020, 2, 1)));
    assertThat(early.status()).isEqualTo(400);
    JsonNode error = early.json().get("errors").get(0);
    assertThat(error.get("field").asString()).isEqualTo("arrivalDate");
    assertThat(error.get("message").asString()).contains("2020-02-01", "V8", "2021-05-11");
  }

  /**
   * A city's own three-level edition in force today: MEDIUM areas may be designated, an arrival from
   * one gets the edition's regime, downgrades come after the edition's days. The edition is taken out
   * again afterwards (the orders it computed recomputed with V9, its areas and proposals removed), so
   * that the other tests find the seeded edition in force.
   */
  @Test
  void underACityEditionWithThreeLevelsInForceTodayMediumAreasAndArrivalsWork() {
    String code = "CITY_" + System.nanoTime() % 1_000_000_000L;
    ObjectNode edition = QuarantineFixtures.ruleSetCopy(api, "V9", code, TODAY);
    edition.set("downgradeDays", Api.JSON.valueToTree(Map.of("highToMedium", 2, "mediumToLow", 4,
        "mediumToLowFromHigh", 1)));
    List<String> areas = new ArrayList<>();
    List<String> orders = new ArrayList<>();
    QuarantineFixtures.addRuleSet(api, edition);
    try {
      String medium = designated("本市中风险", "MEDIUM");
      areas.add(medium);
      String high = designated("本市高风险", "HIGH");
      areas.add(high);
      String fromHigh = designated("本市由高降中", "MEDIUM");
      areas.add(fromHigh);
      levelSince(high, TODAY.minusDays(2), false);
      levelSince(medium, TODAY.minusDays(3), false);
      levelSince(fromHigh, TODAY.minusDays(1), true);
      Map<String, String> first = proposed(TODAY);
      assertThat(first).containsEntry(high, "MEDIUM").containsEntry(fromHigh, "LOW").doesNotContainKey(medium);
      levelSince(medium, TODAY.minusDays(4), false);
      assertThat(proposed(TODAY)).containsEntry(medium, "LOW");
      assertThat(api.as("commander").get("/api/v1/risk-areas/" + high).json().get("proposals").get(0)
          .get("ruleSet").asString()).isEqualTo(code);

      Map<String, Object> body = MovementFixtures.arrival("本市中风险来人", MovementFixtures.residentId(),
          MovementFixtures.COMMUNITY, TODAY);
      body.put("originLevel", "MEDIUM");
      Api.Answer arrival = api.as("community").post("/api/v1/arrivals", body);
      assertThat(arrival.status()).as(arrival.body()).isEqualTo(201);
      assertThat(arrival.json().get("ruleSet").asString()).isEqualTo(code);
      assertThat(arrival.json().get("reason").asString()).isEqualTo("MEDIUM_RISK_AREA_ARRIVAL");
      orders.add(arrival.json().get("orderId").asString());
      JsonNode order = api.as("community").get("/api/v1/quarantine/orders/" + orders.get(0)).json();
      assertThat(order.get("ruleSet").asString()).isEqualTo(code);
      assertThat(order.get("phases").get(0).get("regime").asString()).isEqualTo("HOME_ISOLATION");
      assertThat(order.get("plannedEndDate").asString()).isEqualTo(TODAY.plusDays(7).toString());
    } finally {
      orders.forEach(id -> api.as("commander").post("/api/v1/quarantine/orders/" + id + "/recompute",
          Map.of("ruleSet", "V9")));
      // proposals the edition made (for other tests' areas too) go with it
      jdbc.sql("delete from risk_area_event where kind = 'PROPOSED' and detail = :code").param("code", code).update();
      jdbc.sql("delete from risk_area_proposal where rule_set = :code").param("code", code).update();
      jdbc.sql("delete from quarantine_reason_rule where rule_set_code = :code").param("code", code).update();
      jdbc.sql("delete from quarantine_rule_set where code = :code").param("code", code).update();
      for (String area : areas) {
        for (String table : List.of("risk_area_event", "risk_area_proposal")) {
          jdbc.sql("delete from " + table + " where area_id = :id::uuid").param("id", area).update();
        }
        jdbc.sql("delete from risk_area where id = :id::uuid").param("id", area).update();
      }
    }
    assertThat(designate("中风险小区", "MEDIUM").status()).isEqualTo(400);
  }
}
