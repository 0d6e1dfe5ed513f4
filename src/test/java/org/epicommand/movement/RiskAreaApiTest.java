package org.epicommand.movement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@EpiCommandTest
class RiskAreaApiTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  /** Moves the first day of the area's present level back, as if it had been designated {@code days} ago. */
  private void designatedDaysAgo(String id, int days) {
    jdbc.sql("update risk_area set level_since = :day where id = :id::uuid").param("day", TODAY.minusDays(days))
        .param("id", id).update();
  }

  private JsonNode designate(String name, String level) {
    Api.Answer answer = api.as("commander").post("/api/v1/risk-areas",
        Map.of("name", name, "level", level, "jurisdictionCode", DemoPlaces.COMMUNITY, "boundary", "幸福小区 1-3 栋"));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json();
  }

  @Test
  void levelsFollowTheRuleSetInForceToday() {
    // the ten measures (in force since 2022-12-07) follow the 20 measures: HIGH and LOW only
    Api.Answer medium = api.as("commander").post("/api/v1/risk-areas",
        Map.of("name", "中风险小区", "level", "MEDIUM", "jurisdictionCode", DemoPlaces.COMMUNITY));
    assertThat(medium.status()).isEqualTo(400);
    assertThat(medium.json().get("errors").get(0).get("field").asString()).isEqualTo("level");
    JsonNode high = designate("高风险楼栋" + System.nanoTime(), "HIGH");
    assertThat(high.get("level").asString()).isEqualTo("HIGH");
    assertThat(high.get("designatedAt").asString()).isNotBlank();
    assertThat(high.get("lastNewCaseDate").isNull()).isTrue();
    assertThat(high.get("proposedLevel").isNull()).isTrue();
    assertThat(high.has("jurisdictionCode")).isTrue();
  }

  @Test
  void anInfectionFoundUnderControlDoesNotMoveTheLastNewCaseDate() {
    JsonNode area = designate("管控发现" + System.nanoTime(), "HIGH");
    String id = area.get("id").asString();
    JsonNode after = api.as("commander").post("/api/v1/risk-areas/" + id + "/new-infections",
        Map.of("date", TODAY.toString(), "foundUnderControl", true)).json();
    assertThat(after.get("lastNewCaseDate").isNull()).isTrue();
    after = api.as("commander").post("/api/v1/risk-areas/" + id + "/new-infections",
        Map.of("date", TODAY.minusDays(1).toString(), "foundUnderControl", false)).json();
    assertThat(after.get("lastNewCaseDate").asString()).isEqualTo(TODAY.minusDays(1).toString());
    JsonNode history = api.as("district").get("/api/v1/risk-areas/" + id).json();
    assertThat(history.get("events").findValuesAsString("kind"))
        .containsExactly("DESIGNATED", "NEW_INFECTION_UNDER_CONTROL", "NEW_INFECTION");
  }

  @Test
  void aProposalIsMadeOnItsDayAndApprovedWithANotice() {
    String id = designate("降级小区" + System.nanoTime(), "HIGH").get("id").asString();
    // designated 4 days ago: under the 20-measure family HIGH → LOW is due on day 5, not yet
    designatedDaysAgo(id, 4);
    Api.Answer early = api.as("commander").post("/api/v1/risk-areas/proposals?day=" + TODAY, "");
    assertThat(early.json().findValuesAsString("id")).doesNotContain(id);
    assertThat(api.as("commander").post("/api/v1/risk-areas/" + id + "/approve", Map.of("notice", "解除")).status())
        .isEqualTo(409);
    // never ahead of the day
    assertThat(api.as("commander").post("/api/v1/risk-areas/proposals?day=" + TODAY.plusDays(1), "").status())
        .isEqualTo(400);
    designatedDaysAgo(id, 5);
    Api.Answer due = api.as("commander").post("/api/v1/risk-areas/proposals?day=" + TODAY, "");
    assertThat(due.json().findValuesAsString("id")).contains(id);
    JsonNode listed = api.as("community").get("/api/v1/risk-areas?level=HIGH").json();
    JsonNode mine = null;
    for (JsonNode area : listed) {
      if (area.get("id").asString().equals(id)) {
        mine = area;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.get("proposedLevel").asString()).isEqualTo("LOW");
    // only the command office approves
    assertThat(api.as("district").post("/api/v1/risk-areas/" + id + "/approve", Map.of("notice", "x")).status())
        .isEqualTo(403);
    assertThat(api.as("commander").post("/api/v1/risk-areas/" + id + "/approve", Map.of("notice", " ")).status())
        .isEqualTo(400);
    JsonNode approved = api.as("commander").post("/api/v1/risk-areas/" + id + "/approve",
        Map.of("notice", "经研究，该区域自今日起调整为低风险区。")).json();
    assertThat(approved.get("level").asString()).isEqualTo("LOW");
    assertThat(approved.get("proposedLevel").isNull()).isTrue();
    JsonNode history = api.as("commander").get("/api/v1/risk-areas/" + id).json();
    assertThat(history.get("proposals").get(0).get("state").asString()).isEqualTo("APPROVED");
    assertThat(history.get("proposals").get(0).get("notice").asString()).contains("低风险区");
    assertThat(history.get("events").findValuesAsString("kind")).containsExactly("DESIGNATED", "PROPOSED", "APPROVED");
    // approving twice: nothing open any more
    assertThat(api.as("commander").post("/api/v1/risk-areas/" + id + "/approve", Map.of("notice", "再次")).status())
        .isEqualTo(409);
  }

  @Test
  void aNewInfectionWithdrawsTheOpenProposal() {
    String id = designate("复燃小区" + System.nanoTime(), "HIGH").get("id").asString();
    designatedDaysAgo(id, 6);
    api.as("commander").post("/api/v1/risk-areas/proposals", "");
    api.as("commander").post("/api/v1/risk-areas/" + id + "/new-infections", Map.of("date", TODAY.toString()));
    JsonNode history = api.as("commander").get("/api/v1/risk-areas/" + id).json();
    assertThat(history.get("proposals").get(0).get("state").asString()).isEqualTo("WITHDRAWN");
    assertThat(history.get("area").get("proposedLevel").isNull()).isTrue();
  }

  @Test
  void aLocalCaseReportedInTheAreaRestartsItsCountButOneFoundUnderControlDoesNot() {
    String community = DemoPlaces.NEIGHBOUR;
    Api.Answer created = api.as("commander").post("/api/v1/risk-areas",
        Map.of("name", "病例联动小区" + System.nanoTime(), "level", "HIGH", "jurisdictionCode", community));
    String id = created.json().get("id").asString();
    String today = org.epicommand.quarantine.QuarantineFixtures.today().toString();
    api.as("cdc").post("/api/v1/cases", Map.of("personId",
        org.epicommand.quarantine.QuarantineFixtures.person(api, "管控中病例乙", community), "classification",
        "CONFIRMED", "onsetDate", today, "discoveryRoute", "UNDER_CONTROL", "imported", false));
    org.awaitility.Awaitility.await().pollDelay(java.time.Duration.ofSeconds(2))
        .atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
            api.as("commander").get("/api/v1/risk-areas/" + id).json().toString())
                .contains("NEW_INFECTION_UNDER_CONTROL"));
    assertThat(api.as("commander").get("/api/v1/risk-areas/" + id).json().toString()).doesNotContain(
        "\"lastNewCaseDate\":\"" + today);
    api.as("cdc").post("/api/v1/cases", Map.of("personId",
        org.epicommand.quarantine.QuarantineFixtures.person(api, "社会面病例甲", community), "classification",
        "CONFIRMED", "onsetDate", today, "discoveryRoute", "FEVER_CLINIC", "imported", false));
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        api.as("commander").get("/api/v1/risk-areas/" + id).json().toString())
        .contains("\"lastNewCaseDate\":\"" + today));
  }

  @Test
  void readersCannotDesignate() {
    assertThat(api.as("community").post("/api/v1/risk-areas",
        Map.of("name", "x", "level", "HIGH", "jurisdictionCode", DemoPlaces.COMMUNITY)).status()).isEqualTo(403);
    assertThat(api.as("lab").get("/api/v1/risk-areas").status()).isEqualTo(403);
  }
}
