package org.epicommand.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.epicommand.treatment.TreatmentFixtures.ADMISSIONS;
import static org.epicommand.treatment.TreatmentFixtures.HOSPITALS;
import static org.epicommand.treatment.TreatmentFixtures.PASSWORD;
import static org.epicommand.treatment.TreatmentFixtures.admission;
import static org.epicommand.treatment.TreatmentFixtures.caseWith;
import static org.epicommand.treatment.TreatmentFixtures.fields;
import static org.epicommand.treatment.TreatmentFixtures.hospital;
import static org.epicommand.treatment.TreatmentFixtures.user;

import java.time.Duration;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Hospitals, beds and admissions through HTTP: each lifecycle, each illegal move, the bad inputs of the specification.
 * */
@EpiCommandTest
class TreatmentApiTest {

  static final String COMMUNITY = "990101001003";

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  private long rows(String table, String code) {
    return jdbc.sql("select count(*) from " + table + " where " + (table.equals("treatment_hospital") ? "code"
        : "hospital_code") + " = ?").param(code).query(Long.class).single();
  }

  @Test
  void aHospitalIsCreatedWithBedsActivatedAndStoodDownAndBadInputStoresNothing() {
    Api.Caller commander = api.as("commander");
    String code = TreatmentFixtures.code("TH");
    Api.Answer bad = commander.post(HOSPITALS, Map.of("code", code, "name", "", "kind", "BACKUP",
        "jurisdictionCode", "999999", "activationLeadHours", -1));
    assertThat(bad.status()).as(bad.body()).isEqualTo(400);
    assertThat(fields(bad)).containsExactlyInAnyOrder("name", "jurisdictionCode", "activationLeadHours");
    assertThat(rows("treatment_hospital", code)).isZero();

    Api.Answer created = commander.post(HOSPITALS, Map.of("code", code, "name", " 备用医院甲 ", "kind", "BACKUP",
        "jurisdictionCode", "990103", "phone", "0571-88001234"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("name").asString()).isEqualTo("备用医院甲");
    assertThat(created.json().get("status").asString()).as("a backup starts on standby").isEqualTo("STANDBY");
    assertThat(created.json().get("activationLeadHours").asInt()).isEqualTo(48);
    Api.Answer again = commander.post(HOSPITALS, Map.of("code", code, "name", "又一个", "kind", "SHELTER",
        "jurisdictionCode", "990103"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("existingId").asString()).isEqualTo(code);

    Api.Answer negative = commander.put(HOSPITALS + "/" + code + "/beds/ICU", Map.of("total", -1));
    assertThat(negative.status()).isEqualTo(400);
    assertThat(fields(negative)).containsExactly("total");
    Api.Answer tooMany = commander.put(HOSPITALS + "/" + code + "/beds/ICU", Map.of("total", 5, "outOfService", 6));
    assertThat(fields(tooMany)).containsExactly("outOfService");
    assertThat(rows("treatment_bed", code)).isZero();
    JsonNode beds = commander.put(HOSPITALS + "/" + code + "/beds/ICU", Map.of("total", 10, "outOfService", 2)).json();
    assertThat(beds.get("beds").get(0).get("total").asInt()).isEqualTo(10);
    assertThat(beds.get("beds").get(0).get("outOfService").asInt()).isEqualTo(2);
    assertThat(beds.get("beds").get(0).get("occupied").asInt()).isZero();

    Api.Answer standDown = commander.post(HOSPITALS + "/" + code + "/stand-down", "{}");
    assertThat(standDown.status()).isEqualTo(409);
    assertThat(standDown.json().get("currentState").asString()).isEqualTo("STANDBY");
    assertThat(commander.post(HOSPITALS + "/" + code + "/activate", "{}").json().get("status").asString())
        .isEqualTo("ACTIVATING");
    assertThat(commander.post(HOSPITALS + "/" + code + "/activate", "{}").json().get("status").asString())
        .isEqualTo("ACTIVE");
    Api.Answer active = commander.post(HOSPITALS + "/" + code + "/activate", "{}");
    assertThat(active.status()).isEqualTo(409);
    assertThat(active.json().get("currentState").asString()).isEqualTo("ACTIVE");
    assertThat(commander.post(HOSPITALS + "/" + code + "/stand-down", "{}").json().get("status").asString())
        .isEqualTo("STOOD_DOWN");
    Api.Answer stoodDown = commander.post(HOSPITALS + "/" + code + "/activate", "{}");
    assertThat(stoodDown.status()).as("back on standby first").isEqualTo(409);
    assertThat(stoodDown.json().get("currentState").asString()).isEqualTo("STOOD_DOWN");
    assertThat(stoodDown.json().get("detail").asString()).contains("恢复备用");
    assertThat(commander.post(HOSPITALS + "/" + code + "/standby", "{}").json().get("status").asString())
        .isEqualTo("STANDBY");
    Api.Answer standbyAgain = commander.post(HOSPITALS + "/" + code + "/standby", "{}");
    assertThat(standbyAgain.status()).isEqualTo(409);
    assertThat(standbyAgain.json().get("currentState").asString()).isEqualTo("STANDBY");
    assertThat(commander.post(HOSPITALS + "/" + code + "/activate", "{}").json().get("status").asString())
        .isEqualTo("ACTIVATING");
    long audited = jdbc.sql("select count(*) from audit_event where subject_type = 'HOSPITAL' and subject_id = ?")
        .param(code).query(Long.class).single();
    assertThat(audited).as("created, beds, five status moves").isEqualTo(7);
  }

  @Test
  void admissionTransferAndDeathRecordTheCaseOutcomeAndRefuseIllegalMoves() {
    Api.Caller commander = api.as("commander");
    String designated = hospital(commander, "DESIGNATED", "ACTIVE", DemoPlaces.DISTRICT, "GENERAL", 5, "ICU", 2);
    String shelter = hospital(commander, "SHELTER", "ACTIVE", DemoPlaces.DISTRICT, "SHELTER_BED", 5);
    String standby = hospital(commander, "BACKUP", "STANDBY", DemoPlaces.DISTRICT, "GENERAL", 5);
    String caseId = caseWith(api, COMMUNITY, "MODERATE");

    Api.Answer toStandby = commander.post(ADMISSIONS, admission(caseId, standby, "GENERAL", "就近"));
    assertThat(toStandby.status()).isEqualTo(409);
    assertThat(toStandby.json().get("currentState").asString()).isEqualTo("STANDBY");
    Api.Answer noType = commander.post(ADMISSIONS, admission("x", designated, null, null));
    assertThat(fields(noType)).containsExactlyInAnyOrder("caseId", "bedType");

    Api.Answer admitted = commander.post(ADMISSIONS, admission(caseId, designated, "GENERAL", null));
    assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);
    String stay = admitted.json().get("id").asString();
    assertThat(admitted.json().get("status").asString()).isEqualTo("ADMITTED");
    JsonNode report = commander.get("/api/v1/cases/" + caseId).json();
    assertThat(report.get("outcome").asString()).isEqualTo("DESIGNATED_HOSPITAL");
    assertThat(report.get("hospital").asString()).isEqualTo(designated);
    assertThat(commander.get(HOSPITALS + "/" + designated).json().get("beds").get(0).get("occupied").asInt())
        .isEqualTo(1);

    Api.Answer twice = commander.post(ADMISSIONS, admission(caseId, shelter, "SHELTER_BED", "转方舱"));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("existingId").asString()).isEqualTo(stay);

    Api.Answer noReason = commander.post(ADMISSIONS + "/" + stay + "/transfer",
        admission(null, shelter, "SHELTER_BED", null));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(fields(noReason)).containsExactly("reason");
    Api.Answer moved = commander.post(ADMISSIONS + "/" + stay + "/transfer",
        admission(null, shelter, "SHELTER_BED", "症状好转，转方舱"));
    assertThat(moved.status()).as(moved.body()).isEqualTo(201);
    assertThat(moved.json().get("transferredFrom").asString()).isEqualTo(stay);
    assertThat(commander.get(ADMISSIONS + "/" + stay).json().get("status").asString()).isEqualTo("TRANSFERRED");
    assertThat(commander.get("/api/v1/cases/" + caseId).json().get("outcome").asString()).isEqualTo("SHELTER_HOSPITAL");
    assertThat(commander.get(HOSPITALS + "/" + designated).json().get("beds").get(0).get("occupied").asInt())
        .isZero();

    String second = moved.json().get("id").asString();
    Api.Answer discharge = commander.post(ADMISSIONS + "/" + second + "/discharge", "{}");
    assertThat(discharge.status()).as("the discharge rule of cases passes through").isEqualTo(409);
    assertThat(discharge.json().get("currentState").asString()).isEqualTo("SHELTER_HOSPITAL");
    assertThat(commander.post(ADMISSIONS + "/" + second + "/death", "{}").json().get("status").asString())
        .isEqualTo("DIED");
    assertThat(commander.get("/api/v1/cases/" + caseId).json().get("outcome").asString()).isEqualTo("DIED");
    Api.Answer after = commander.post(ADMISSIONS + "/" + second + "/discharge", "{}");
    assertThat(after.status()).isEqualTo(409);
    assertThat(after.json().get("currentState").asString()).isEqualTo("DIED");
  }

  @Test
  void aFullHospitalRefusesNamingItsOccupancyAndSuggestsTheStandbyHospital() {
    String district = user(api, "COMMANDER", "990105");
    Api.Caller commander = api.as(district, PASSWORD);
    String icu = hospital(commander, "DESIGNATED", "ACTIVE", "990105", "ICU", 1);
    String backup = hospital(commander, "BACKUP", "STANDBY", "990105", "ICU", 10);
    String first = caseWith(api, "990105001001", "CRITICAL");
    String second = caseWith(api, "990105001001", "SEVERE");
    assertThat(commander.post(ADMISSIONS, admission(first, icu, "ICU", null)).status()).isEqualTo(201);
    Api.Answer full = commander.post(ADMISSIONS, admission(second, icu, "ICU", null));
    assertThat(full.status()).as(full.body()).isEqualTo(409);
    assertThat(full.json().get("occupied").asInt()).isEqualTo(1);
    assertThat(full.json().get("usable").asInt()).isEqualTo(1);
    assertThat(full.json().get("detail").asString()).contains("1/1").contains("测试医院" + backup);
    assertThat(full.json().get("suggestedHospital").asString()).isEqualTo(backup);
    assertThat(full.json().get("suggestedHospitalStatus").asString()).isEqualTo("STANDBY");
    assertThat(jdbc.sql("select count(*) from treatment_admission where case_id = ?::uuid").param(second)
        .query(Long.class).single()).isZero();
  }

  @Test
  void outcomesRecordedOnTheCaseMoveTheAdmissions() {
    String designated = hospital(api.as("commander"), "DESIGNATED", "ACTIVE", DemoPlaces.DISTRICT, "GENERAL", 3);
    String caseId = caseWith(api, COMMUNITY, null);
    Api.Answer outcome = api.as("cdc").post("/api/v1/cases/" + caseId + "/outcome", Map.of("outcome",
        "DESIGNATED_HOSPITAL", "hospital", designated));
    assertThat(outcome.status()).as(outcome.body()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(15)).until(() -> api.as("commander")
        .get(ADMISSIONS + "?hospital=" + designated + "&open=true").json().get("items").size() == 1);
    api.as("cdc").post("/api/v1/cases/" + caseId + "/outcome", Map.of("outcome", "DIED"));
    await().atMost(Duration.ofSeconds(15)).until(() -> api.as("commander")
        .get(ADMISSIONS + "?hospital=" + designated + "&open=true").json().get("items").isEmpty());
    JsonNode stays = api.as("commander").get(ADMISSIONS + "?hospital=" + designated).json().get("items");
    assertThat(stays.get(0).get("status").asString()).isEqualTo("DIED");
  }

  @Test
  void aHospitalOperatorSeesOnlyTheirHospital() {
    Api.Caller commander = api.as("commander");
    String own = hospital(commander, "DESIGNATED", "ACTIVE", DemoPlaces.DISTRICT, "GENERAL", 3);
    String other = hospital(commander, "DESIGNATED", "ACTIVE", DemoPlaces.DISTRICT, "GENERAL", 3);
    String operator = user(api, "HOSPITAL_OPERATOR", DemoPlaces.CITY);
    Api.Answer notHolder = api.as("admin").post("/api/v1/treatment/hospital-staff/" + own,
        Map.of("username", "cdc"));
    assertThat(notHolder.status()).isEqualTo(400);
    Api.Answer bound = api.as("admin").post("/api/v1/treatment/hospital-staff/" + own,
        Map.of("username", operator));
    assertThat(bound.status()).as(bound.body()).isEqualTo(201);

    Api.Caller staff = api.as(operator, PASSWORD);
    JsonNode list = staff.get(HOSPITALS + "?size=500").json();
    assertThat(list.get("items").valueStream().map(h -> h.get("code").asString()).toList()).containsExactly(own);
    assertThat(staff.get(HOSPITALS + "/" + other).status()).isEqualTo(404);
    assertThat(staff.put(HOSPITALS + "/" + other + "/beds/GENERAL", Map.of("total", 9)).status()).isEqualTo(404);
    String caseId = caseWith(api, COMMUNITY, "MODERATE");
    assertThat(staff.post(ADMISSIONS, admission(caseId, other, "GENERAL", null)).status()).isEqualTo(404);
    Api.Answer admitted = staff.post(ADMISSIONS, admission(caseId, own, "GENERAL", null));
    assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);
    assertThat(staff.post(HOSPITALS + "/" + own + "/activate", "{}").status()).as("activation is the medical group's")
        .isEqualTo(403);
  }
}
