package org.epicommand.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.epicommand.treatment.TreatmentFixtures.PASSWORD;
import static org.epicommand.treatment.TreatmentFixtures.caseWith;
import static org.epicommand.treatment.TreatmentFixtures.hospital;
import static org.epicommand.treatment.TreatmentFixtures.user;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The rules with numbers: the expert-team clock (one alert after 2 h, clock-driven), the capacity gap
 * against the SEIR projection in a fixed scenario, and the {@code hospitals} import (row errors with
 * their lines, the same file again changes nothing).
 */
@EpiCommandTest
class TreatmentRulesTest {

  @Autowired
  Api api;
  @Autowired
  ExpertTeams teams;
  @Autowired
  JdbcClient jdbc;

  @Test
  void aSevereCaseWithoutATeamRaisesOneAlertAfterTwoHours() {
    String caseId = caseWith(api, "990101001004", "SEVERE");
    await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
        "select count(*) from treatment_case_expert where case_id = ?::uuid").param(caseId).query(Long.class)
            .single() == 1);
    OffsetDateTime since = jdbc.sql("select needed_since from treatment_case_expert where case_id = ?::uuid")
        .param(caseId).query(OffsetDateTime.class).single();
    assertThat(teams.sweep(since.toInstant().plus(Duration.ofMinutes(119)))).doesNotContain(caseId);
    assertThat(teams.sweep(since.toInstant().plus(Duration.ofMinutes(121)))).contains(caseId);
    assertThat(teams.sweep(since.toInstant().plus(Duration.ofHours(5)))).as("one alert only").doesNotContain(caseId);
    JsonNode waiting = api.as("commander").get("/api/v1/expert-teams/waiting").json();
    assertThat(waiting.valueStream().filter(w -> w.get("caseId").asString().equals(caseId)).findFirst().orElseThrow()
        .get("alertedAt").isNull()).isFalse();
    await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
        "select count(*) from notification where kind = 'EXPERT_TEAM_OVERDUE'").query(Long.class).single() > 0);

    Api.Answer badTeam = api.as("commander").post("/api/v1/expert-teams", Map.of("name", "", "jurisdictionCode",
        DemoPlaces.DISTRICT, "members", List.of()));
    assertThat(badTeam.status()).isEqualTo(400);
    Api.Answer team = api.as("commander").post("/api/v1/expert-teams", Map.of("name",
        "专家组" + TreatmentFixtures.code(""), "jurisdictionCode", DemoPlaces.DISTRICT, "members",
        List.of(Map.of("name", "赵医生", "speciality", "重症医学"))));
    assertThat(team.status()).as(team.body()).isEqualTo(201);
    Api.Answer notMember = api.as("commander").put("/api/v1/cases/" + caseId + "/expert-team", Map.of("teamId",
        team.json().get("id").asString(), "leadExpert", "钱医生"));
    assertThat(notMember.status()).isEqualTo(400);
    Api.Answer assigned = api.as("commander").put("/api/v1/cases/" + caseId + "/expert-team", Map.of("teamId",
        team.json().get("id").asString(), "leadExpert", "赵医生"));
    assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
    assertThat(assigned.json().get("leadExpert").asString()).isEqualTo("赵医生");
    assertThat(api.as("commander").get("/api/v1/expert-teams/waiting").json().valueStream()
        .map(w -> w.get("caseId").asString())).doesNotContain(caseId);
  }

  @Test
  void aSevereCaseThatDiesOrIsExcludedNoLongerWaitsForATeam() {
    String died = caseWith(api, "990101001004", "CRITICAL");
    String excluded = org.epicommand.cases.CaseFixtures.caseOf(api, "疑似重症" + TreatmentFixtures.code(""),
        "990101001004", "SUSPECTED", "2026-10-30");
    assertThat(api.as("cdc").post("/api/v1/cases/" + excluded + "/severity", Map.of("severity", "SEVERE")).status())
        .isEqualTo(200);
    await().atMost(Duration.ofSeconds(15)).until(() -> waiting(died) && waiting(excluded));
    OffsetDateTime since = jdbc.sql("select max(needed_since) from treatment_case_expert where case_id in (?::uuid,"
        + " ?::uuid)").params(died, excluded).query(OffsetDateTime.class).single();

    Api.Answer death = api.as("cdc").post("/api/v1/cases/" + died + "/outcome", Map.of("outcome", "DIED"));
    assertThat(death.status()).as(death.body()).isEqualTo(200);
    Api.Answer exclusion = api.as("cdc").post("/api/v1/cases/" + excluded + "/reclassify", Map.of("classification",
        "EXCLUDED", "reason", "复核排除"));
    assertThat(exclusion.status()).as(exclusion.body()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(15)).until(() -> !waiting(died) && !waiting(excluded));

    assertThat(teams.sweep(since.toInstant().plus(Duration.ofMinutes(121)))).doesNotContain(died, excluded);
    assertThat(api.as("commander").get("/api/v1/expert-teams/waiting").json().valueStream()
        .map(w -> w.get("caseId").asString())).doesNotContain(died, excluded);
  }

  private boolean waiting(String caseId) {
    return jdbc.sql("select count(*) from treatment_case_expert where case_id = ?::uuid and team_id is null")
        .param(caseId).query(Long.class).single() == 1;
  }

  @Test
  void theCapacityGapIsTheProjectionsPeakMinusActiveAndActivatableBeds() {
    String district = user(api, "COMMANDER", "990106");
    Api.Caller commander = api.as(district, PASSWORD);
    hospital(commander, "DESIGNATED", "ACTIVE", "990106", "GENERAL", 30, "ICU", 5);
    hospital(commander, "BACKUP", "STANDBY", "990106", "GENERAL", 20);
    String stoodDown = hospital(commander, "SHELTER", "STOOD_DOWN", "990106", "SHELTER_BED", 400);
    String params = "district=990106&r=2.5&population=100000&initialExposed=50&initialInfectious=50&days=60"
        + "&hospitalShare=0.1&stayDays=10";
    JsonNode projection = commander.get("/api/v1/analytics/projection?" + params).json();
    Api.Answer answer = commander.get("/api/v1/treatment/capacity-gap?" + params);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode gap = answer.json();
    double peak = projection.get("peakBeds").asDouble();
    assertThat(peak).as("a scenario with a real gap").isGreaterThan(100);
    assertThat(gap.get("activeBeds").asInt()).isEqualTo(35);
    assertThat(gap.get("standbyActivatable").asInt()).isEqualTo(20);
    assertThat(gap.get("peakBeds").asDouble()).isEqualTo(peak);
    assertThat(gap.get("gap").asLong()).isEqualTo((long) Math.ceil(peak) - 35 - 20);
    int opens = -1;
    for (int d = 0; d < 60; d++) {
      double need = projection.get("hospitalBeds").get(d).asDouble();
      if (need > (d >= 1 ? 55 : 35)) {
        opens = d;
        break;
      }
    }
    assertThat(gap.get("gapOpensOn").asString()).isEqualTo(projection.get("dates").get(opens).asString());
    // a hospital stood down counts again once it is back on standby
    assertThat(commander.post("/api/v1/hospitals/" + stoodDown + "/standby", "{}").status()).isEqualTo(200);
    assertThat(commander.get("/api/v1/treatment/capacity-gap?" + params).json().get("standbyActivatable").asInt())
        .isEqualTo(420);
    Api.Answer bad = commander.get("/api/v1/treatment/capacity-gap?r=-1");
    assertThat(bad.status()).isEqualTo(400);
  }

  @Test
  void hospitalsArriveByFileWithBadRowsListedAndTheSameFileAgainChangesNothing() {
    String a = TreatmentFixtures.code("TI");
    String b = TreatmentFixtures.code("TI");
    String csv = "code,name,kind,jurisdictionCode,status,generalBeds,icuBeds,shelterBeds\n"
        + a + ",导入定点医院,定点,990104,在用,50,6,\n"
        + b + ",导入方舱医院,SHELTER,990104,,,,400\n"
        + TreatmentFixtures.code("TI") + ",类型不明医院,诊所,990104,,,,\n"
        + TreatmentFixtures.code("TI") + ",区划不明医院,定点,999999,,,,\n"
        + a + ",重复医院,定点,990104,,,,\n"
        + TreatmentFixtures.code("TI") + ",床位有误医院,定点,990104,,许多,,\n";
    JsonNode first = upload(csv);
    assertThat(first.get("rowsImported").asLong()).isEqualTo(2);
    assertThat(errors(first)).containsExactly("4:kind", "5:jurisdictionCode", "6:code", "7:generalBeds");
    JsonNode hospital = api.as("commander").get("/api/v1/hospitals/" + a).json();
    assertThat(hospital.get("status").asString()).isEqualTo("ACTIVE");
    assertThat(hospital.get("beds").valueStream().map(l -> l.get("type").asString() + "=" + l.get("total").asInt())
        .toList()).containsExactly("GENERAL=50", "ICU=6");
    assertThat(api.as("commander").get("/api/v1/hospitals/" + b).json().get("beds").get(0).get("total").asInt())
        .isEqualTo(400);
    long audited = audits(a);
    assertThat(audited).as("created and two bed lines").isEqualTo(3);

    JsonNode again = upload(csv);
    assertThat(again.get("rowsImported").asLong()).isEqualTo(2);
    assertThat(errors(again)).isEqualTo(errors(first));
    assertThat(audits(a)).as("the same rows again change nothing").isEqualTo(audited);
  }

  private long audits(String code) {
    return jdbc.sql("select count(*) from audit_event where subject_id = ?").param(code).query(Long.class).single();
  }

  private JsonNode upload(String csv) {
    Api.Answer answer = api.as("commander").upload("/api/v1/imports/hospitals?wait=true", "hospitals.csv",
        csv.getBytes(StandardCharsets.UTF_8));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("status").asString()).as(answer.body()).isEqualTo("DONE");
    return answer.json();
  }

  private static List<String> errors(JsonNode status) {
    return status.get("errors").valueStream().map(e -> e.get("row").asInt() + ":" + e.get("field").asString())
        .toList();
  }
}
