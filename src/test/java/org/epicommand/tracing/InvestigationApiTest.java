package org.epicommand.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.epicommand.cases.CaseFixtures.COMMUNITY;
import static org.epicommand.cases.CaseFixtures.body;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Investigations through HTTP: opened by the case report, deadlines, assignment, guarded moves, overdue lists. */
@EpiCommandTest
class InvestigationApiTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void aReportedCaseGetsAnInvestigationWithDeadlinesFromTheReportAndMovesOnlyOneStepAtATime() {
    String caseId = CaseFixtures.caseOf(api, "流调病例", COMMUNITY, "CONFIRMED", "2022-09-01");
    await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from investigation where case_id = :c")
        .param("c", UUID.fromString(caseId)).query(Long.class).single() == 1);
    OffsetDateTime reportedAt = OffsetDateTime.parse(api.as("cdc").get("/api/v1/cases/" + caseId).json()
        .get("reportedAt").asString());
    JsonNode investigation = api.as("cdc").get("/api/v1/cases/" + caseId + "/investigation").json();
    String id = investigation.get("id").asString();
    assertThat(investigation.get("state").asString()).isEqualTo("ASSIGNED");
    assertThat(investigation.get("caseLabel").asString()).isEqualTo("流调病例");
    assertThat(OffsetDateTime.parse(investigation.get("coreDueAt").asString())).isEqualTo(reportedAt.plusHours(4));
    assertThat(OffsetDateTime.parse(investigation.get("reportDueAt").asString())).isEqualTo(reportedAt.plusHours(24));
    assertThat(investigation.get("windowStart").asString()).isEqualTo("2022-08-28");
    assertThat(investigation.get("ruleSet").asString()).isEqualTo("V9");
    assertThat(investigation.get("coreOverdue").asBoolean()).isFalse();

    assertThat(api.as("cdc").post("/api/v1/cases/" + caseId + "/investigation", body()).status()).isEqualTo(409);
    Api.Answer unknown = api.as("cdc").post("/api/v1/investigations/" + id + "/assign", body("investigator", "lab"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(api.as("commander").post("/api/v1/investigations/" + id + "/assign", body("investigator", "cdc"))
        .json().get("investigator").asString()).isEqualTo("cdc");
    assertThat(api.as("cdc").get("/api/v1/investigations/mine?size=500").json().get("items").findValuesAsString("id"))
        .contains(id);
    assertThat(api.as("commander").get("/api/v1/investigations/mine?size=500").json().get("items")
        .findValuesAsString("id")).doesNotContain(id);

    Api.Answer skip = api.as("cdc").post("/api/v1/investigations/" + id + "/transition", body("state", "COMPLETE"));
    assertThat(skip.status()).isEqualTo(409);
    assertThat(skip.json().get("currentState").asString()).isEqualTo("ASSIGNED");
    assertThat(skip.json().get("detail").asString()).contains("ASSIGNED");
    for (String state : new String[] {"CORE_DONE", "COMPLETE", "REVIEWED"}) {
      Api.Answer moved = api.as("cdc").post("/api/v1/investigations/" + id + "/transition", body("state", state));
      assertThat(moved.status()).as(moved.body()).isEqualTo(200);
      assertThat(moved.json().get("state").asString()).isEqualTo(state);
    }
    Api.Answer back = api.as("cdc").post("/api/v1/investigations/" + id + "/transition", body("state", "CORE_DONE"));
    assertThat(back.status()).isEqualTo(409);
    assertThat(back.json().get("currentState").asString()).isEqualTo("REVIEWED");
    assertThat(api.as("community").post("/api/v1/investigations/" + id + "/transition", body("state", "CORE_DONE"))
        .status()).isEqualTo(403);
  }

  @Test
  void overdueListsShowInvestigationsPastTheirCoreOrReportDeadline() {
    String late = CaseFixtures.caseOf(api, "超时病例", COMMUNITY, "CONFIRMED", "2022-09-02");
    String id = api.as("cdc").get("/api/v1/cases/" + late + "/investigation").json().get("id").asString();
    // five hours have passed since the report
    jdbc.sql(
        "update investigation set core_due_at = now() - interval '1 hour', report_due_at = now() + interval '19 hours'"
        + " where id = :id").param("id", UUID.fromString(id)).update();
    assertThat(api.as("commander").get("/api/v1/investigations?overdue=CORE&size=500").json().get("items")
        .findValuesAsString("id")).contains(id);
    assertThat(api.as("commander").get("/api/v1/investigations?overdue=REPORT&size=500").json().get("items")
        .findValuesAsString("id")).doesNotContain(id);
    assertThat(api.as("commander").get("/api/v1/investigations/" + id).json().get("coreOverdue").asBoolean()).isTrue();
    api.as("cdc").post("/api/v1/investigations/" + id + "/transition", body("state", "CORE_DONE"));
    assertThat(api.as("commander").get("/api/v1/investigations?overdue=CORE&size=500").json().get("items")
        .findValuesAsString("id")).doesNotContain(id);
    assertThat(api.as("commander").get("/api/v1/investigations?overdue=SOON").status()).isEqualTo(400);
  }

  @Test
  void trajectoryEntriesKeepPlaceTimesAndTransport() {
    String caseId = CaseFixtures.caseOf(api, "轨迹病例", COMMUNITY, "CONFIRMED",
        LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1).toString());
    String id = api.as("cdc").get("/api/v1/cases/" + caseId + "/investigation").json().get("id").asString();
    Api.Answer added = api.as("cdc").post("/api/v1/investigations/" + id + "/trajectory", body("place", "高铁G101",
        "fromAt", "2026-11-20T08:00:00+08:00", "toAt", "2026-11-20T12:30:00+08:00", "activity", "乘车",
        "transportMode", "TRAIN", "transportNumber", "G101", "seat", "05车12F"));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    Api.Answer bad = api.as("cdc").post("/api/v1/investigations/" + id + "/trajectory", body("fromAt",
        "2026-11-20T08:00:00+08:00", "toAt", "2026-11-20T07:00:00+08:00"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("place", "toAt");
    JsonNode entries = api.as("district").get("/api/v1/investigations/" + id + "/trajectory").json();
    assertThat(entries.size()).isEqualTo(1);
    assertThat(entries.get(0).get("seat").asString()).isEqualTo("05车12F");
    assertThat(entries.get(0).get("transportMode").asString()).isEqualTo("TRAIN");
    assertThat(OffsetDateTime.parse(entries.get(0).get("toAt").asString()))
        .isEqualTo(OffsetDateTime.parse("2026-11-20T12:30:00+08:00"));
  }
}
