package org.epicommand.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.supervision.ProblemLifecycleApiTest.fields;
import static org.epicommand.supervision.SupervisionFixtures.png;
import static org.epicommand.supervision.SupervisionFixtures.today;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Plans (one theme per day), accountability, the public naming list, good practices and the scorecard. */
@EpiCommandTest
class PlansAndAccountabilityApiTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void aDayHasOnePlanAndEveryTargetGetsAPlannedVisit() {
    String day = SupervisionFixtures.freshDay().toString();
    Map<String, Object> body = Map.of("date", day, "theme", "冷链仓库消杀", "team", List.of("inspector", "commander"),
        "targets", List.of(DemoPlaces.COMMUNITY, "990101002", DemoPlaces.COMMUNITY), "startTime", "14:30");
    Api.Answer created = api.as("commander").post("/api/v1/inspections/plans", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode plan = created.json();
    assertThat(plan.get("team").toString()).isEqualTo("[\"commander\",\"inspector\"]");
    assertThat(plan.get("visits").size()).as("duplicates dropped").isEqualTo(2);
    assertThat(plan.get("visits").get(0).get("plannedAt").asString()).isEqualTo(day + "T14:30:00+08:00");
    Api.Answer again = api.as("inspector").post("/api/v1/inspections/plans", body);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("existingId").asString()).isEqualTo(plan.get("id").asString());

    Api.Answer invalid = api.as("inspector").post("/api/v1/inspections/plans", Map.of("date",
        today().minusDays(1).toString(), "theme", "", "team", List.of("nobody_" + UUID.randomUUID()),
        "targets", List.of(DemoPlaces.CITY, "12345")));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(fields(invalid)).containsExactlyInAnyOrder("date", "theme", "team[0]", "targets[0]", "targets[1]");
    assertThat(api.as("inspector").get("/api/v1/inspections/plans/" + plan.get("id").asString()).json()
        .get("theme").asString()).isEqualTo("冷链仓库消杀");
  }

  @Test
  void thePublicNamingListIsForEverySignedInUserWithoutIdentifiers() {
    String problem = SupervisionFixtures.assignedProblem(api, SupervisionFixtures.OTHER_COMMUNITY,
        "核酸采样点秩序混乱-" + UUID.randomUUID());
    String reason = "采样点秩序混乱，整改不力-" + UUID.randomUUID();
    Api.Answer recorded = api.as("inspector").post("/api/v1/supervision/accountability", Map.of(
        "kind", "PUBLIC_NAMING", "problemId", problem, "personName", "赵某", "personPosition", "社区主任",
        "reason", reason));
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    assertThat(recorded.json().get("unitCode").asString()).isEqualTo(SupervisionFixtures.OTHER_COMMUNITY);
    assertThat(api.as("inspector").get("/api/v1/supervision/accountability?problem=" + problem).json().get("items")
        .get(0).get("reason").asString()).isEqualTo(reason);
    String measure = recorded.json().get("id").asString();
    assertThat(api.as("auditor").get("/api/v1/audit?subjectId=" + measure).json().get("items").get(0)
        .get("action").asString()).isEqualTo("CREATE");

    Api.Answer naming = api.as("lab").get("/api/v1/supervision/public-naming?size=500");
    assertThat(naming.status()).isEqualTo(200);
    JsonNode entry = null;
    for (JsonNode item : naming.json().get("items")) {
      if (reason.equals(item.get("reason").asString())) {
        entry = item;
      }
    }
    assertThat(entry).isNotNull();
    List<String> names = new ArrayList<>();
    entry.propertyNames().forEach(names::add);
    assertThat(names).containsExactlyInAnyOrder("unitName", "personName", "personPosition", "reason", "decidedOn");
    assertThat(entry.get("personName").asString()).isEqualTo("赵某");
    assertThat(api.as("lab").get("/supervision/public-naming").body()).contains(reason).contains("赵某");
    assertThat(api.as("lab").get("/api/v1/supervision/accountability").status()).isEqualTo(403);

    Api.Answer talk = api.as("inspector").post("/api/v1/supervision/accountability", Map.of("kind", "TALK",
        "problemId", problem, "reason", "约谈-" + reason));
    assertThat(talk.status()).isEqualTo(201);
    assertThat(api.as("lab").get("/api/v1/supervision/public-naming?size=500").body()).doesNotContain("约谈-" + reason);
    Api.Answer bad = api.as("inspector").post("/api/v1/supervision/accountability", Map.of("unitCode",
        DemoPlaces.CITY));
    assertThat(fields(bad)).containsExactlyInAnyOrder("kind", "unitCode", "reason");
  }

  @Test
  void goodPracticesAreSharedWithEveryone() {
    String title = "快速核验通道-" + UUID.randomUUID();
    Api.Answer created = api.as("inspector").post("/api/v1/supervision/good-practices", Map.of("unitCode",
        "990101002", "title", title, "description", "扫码、测温、核验一次完成"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(api.as("community").get("/api/v1/supervision/good-practices?size=500").body()).contains(title);
    assertThat(api.as("community").post("/api/v1/supervision/good-practices", Map.of("unitCode", "990101002",
        "title", "x", "description", "y")).status()).isEqualTo(403);
  }

  @Test
  void theScorecardCountsAUnitsRecordByTheDocumentedFormula() {
    String unit = unusedCommunity();
    // one problem settled on time
    String onTime = SupervisionFixtures.assignedProblem(api, unit, "按期-" + UUID.randomUUID());
    settle(onTime);
    // one rejected once and still open past its deadline
    String late = SupervisionFixtures.assignedProblem(api, unit, "超期-" + UUID.randomUUID());
    String path = "/api/v1/problems/" + late;
    assertThat(api.as("district").post(path + "/start", "{}").status()).isEqualTo(200);
    api.as("district").upload(path + "/photos", "e.png", png(Color.GREEN));
    api.as("district").post(path + "/submit", "{}");
    api.as("inspector").post(path + "/reject", Map.of("note", "不清楚"));
    jdbc.sql("update problem_item set deadline = :d where id = :id").param("d", today().minusDays(1))
        .param("id", UUID.fromString(late)).update();
    api.as("inspector").post("/api/v1/supervision/accountability", Map.of("kind", "TALK", "problemId", late,
        "reason", "整改超期"));

    Api.Answer scorecard = api.as("commander").get("/api/v1/supervision/scorecard");
    assertThat(scorecard.status()).isEqualTo(200);
    JsonNode row = null;
    for (JsonNode r : scorecard.json()) {
      if (unit.equals(r.get("unitCode").asString())) {
        row = r;
      }
    }
    assertThat(row).as("a row for " + unit).isNotNull();
    assertThat(row.get("found").asInt()).isEqualTo(2);
    assertThat(row.get("closedOnTime").asInt()).isEqualTo(1);
    assertThat(row.get("overdue").asInt()).isEqualTo(1);
    assertThat(row.get("rejected").asInt()).isEqualTo(1);
    assertThat(row.get("accountability").asInt()).isEqualTo(1);
    // 100 − 2·2 + 2·1 − 5·1 − 3·1 − 10·1
    assertThat(row.get("score").asInt()).isEqualTo(80);
    assertThat(api.as("commander").get("/supervision/scorecard").body()).contains(unit).contains(">80<");
    assertThat(api.as("district").get("/api/v1/supervision/scorecard").status()).isEqualTo(403);
  }

  private void settle(String id) {
    String path = "/api/v1/problems/" + id;
    assertThat(api.as("district").post(path + "/start", "{}").status()).isEqualTo(200);
    api.as("district").upload(path + "/photos", "e.png", png(Color.GREEN));
    api.as("district").post(path + "/submit", "{}");
    assertThat(api.as("inspector").post(path + "/verify", "{}").status()).isEqualTo(200);
  }

  /** A community of the first district (so the district user acts for it) that no other test uses. */
  private String unusedCommunity() {
    List<String> codes = new ArrayList<>();
    for (JsonNode street : api.as("district").get("/api/v1/jurisdictions?parent=990101").json()) {
      if (!street.get("code").asString().equals(DemoPlaces.STREET)) {
        for (JsonNode community : api.as("district").get("/api/v1/jurisdictions?parent="
            + street.get("code").asString()).json()) {
          codes.add(community.get("code").asString());
        }
      }
    }
    for (int attempt = 0; attempt < 50; attempt++) {
      String code = codes.get(new Random().nextInt(codes.size()));
      long used = jdbc.sql("select count(*) from problem_item where unit_code = :c").param("c", code)
          .query(Long.class).single();
      if (used == 0) {
        return code;
      }
    }
    throw new IllegalStateException("no unused community");
  }
}
