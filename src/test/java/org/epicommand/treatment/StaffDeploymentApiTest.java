package org.epicommand.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.treatment.TreatmentFixtures.fields;
import static org.epicommand.treatment.TreatmentFixtures.hospital;

import java.util.HashMap;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Staff deployments through HTTP: planning, the lifecycle, illegal moves, bad input, scope and audit. */
@EpiCommandTest
class StaffDeploymentApiTest {

  static final String URL = "/api/v1/staff-deployments";

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void aDeploymentIsPlannedArrivesAndReturnsAndIllegalMovesAre409() {
    Api.Caller commander = api.as("commander");
    String from = hospital(commander, "GENERAL", "ACTIVE", "990101");
    String to = hospital(commander, "SHELTER", "ACTIVE", "990103", "SHELTER_BED", 100);

    Api.Answer bad = commander.post(URL, Map.of("headcount", 0, "targetHospitalCode", to, "startsOn", "2026-11-10",
        "endsOn", "2026-11-01"));
    assertThat(bad.status()).as(bad.body()).isEqualTo(400);
    assertThat(fields(bad)).containsExactlyInAnyOrder("staffKind", "headcount", "sourceHospitalCode", "endsOn");
    Api.Answer same = commander.post(URL, body("NURSE", 5, to, null, to));
    assertThat(fields(same)).containsExactly("sourceHospitalCode");
    Api.Answer unknown = commander.post(URL, body("NURSE", 5, "NO-SUCH", null, to));
    assertThat(fields(unknown)).containsExactly("sourceHospitalCode");
    assertThat(commander.post(URL, body("NURSE", 5, from, null, "NO-SUCH")).status()).isEqualTo(404);

    Api.Answer planned = commander.post(URL, body("NURSE", 30, from, null, to));
    assertThat(planned.status()).as(planned.body()).isEqualTo(201);
    String id = planned.json().get("id").asString();
    assertThat(planned.json().get("status").asString()).isEqualTo("PLANNED");
    assertThat(planned.json().get("sourceHospitalName").asString()).isEqualTo("测试医院" + from);
    assertThat(planned.json().get("headcount").asInt()).isEqualTo(30);

    Api.Answer early = commander.post(URL + "/" + id + "/recall", "{}");
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().get("currentState").asString()).isEqualTo("PLANNED");
    assertThat(early.json().get("detail").asString()).contains("PLANNED");
    assertThat(commander.post(URL + "/" + id + "/deploy", "{}").json().get("status").asString())
        .isEqualTo("DEPLOYED");
    String team = commander.post(URL, body("DOCTOR", 12, null, "省援助医疗队第一批", to)).json().get("id").asString();
    commander.post(URL + "/" + team + "/deploy", "{}");
    String page = commander.get("/treatment", "text/html").body();
    assertThat(page).contains("data-testid=\"staff-" + to + "\">");
    assertThat(page.substring(page.indexOf("data-testid=\"staff-" + to))).contains("支援医护 42 人");
    Api.Answer cancel = commander.post(URL + "/" + id + "/cancel", "{}");
    assertThat(cancel.status()).isEqualTo(409);
    assertThat(cancel.json().get("currentState").asString()).isEqualTo("DEPLOYED");
    JsonNode back = commander.post(URL + "/" + id + "/recall", "{}").json();
    assertThat(back.get("status").asString()).isEqualTo("RETURNED");
    assertThat(back.get("returnedAt").isNull()).isFalse();

    JsonNode list = commander.get(URL + "?hospital=" + to).json();
    assertThat(list.get("items").valueStream().map(d -> d.get("id").asString()).toList())
        .as("open ones first").containsExactly(team, id);
    assertThat(list.get("items").get(0).get("sourceTeam").asString()).isEqualTo("省援助医疗队第一批");
    long audited = jdbc.sql("select count(*) from audit_event where subject_type = 'STAFF_DEPLOYMENT'"
        + " and subject_id = ?").param(id).query(Long.class).single();
    assertThat(audited).as("planned, deployed, returned").isEqualTo(3);

    Api.Caller other = api.as(TreatmentFixtures.user(api, "MEDICAL_OFFICER", "990101"), TreatmentFixtures.PASSWORD);
    assertThat(other.get(URL + "/" + id).status()).as("another district's hospital").isEqualTo(404);
    assertThat(other.post(URL + "/" + team + "/recall", "{}").status()).isEqualTo(404);
    assertThat(other.post(URL, body("NURSE", 5, from, null, to)).status()).isEqualTo(404);
    assertThat(commander.post(URL + "/" + "not-a-uuid" + "/deploy", "{}").status()).isEqualTo(404);
  }

  @Test
  void aHospitalOperatorReadsOnlyTheDeploymentsOfTheirOwnHospital() {
    Api.Caller commander = api.as("commander");
    String own = hospital(commander, "DESIGNATED", "ACTIVE", "990101");
    String other = hospital(commander, "DESIGNATED", "ACTIVE", "990101");
    String mine = commander.post(URL, body("NURSE", 4, null, "市援助队", own)).json().get("id").asString();
    String theirs = commander.post(URL, body("DOCTOR", 6, null, "市援助队", other)).json().get("id").asString();
    String operator = TreatmentFixtures.user(api, "HOSPITAL_OPERATOR", "990101");
    assertThat(api.as("admin").post("/api/v1/treatment/hospital-staff/" + own, Map.of("username", operator))
        .status()).isEqualTo(201);

    Api.Caller staff = api.as(operator, TreatmentFixtures.PASSWORD);
    assertThat(staff.get(URL + "/" + theirs).status()).as("another hospital's deployment").isEqualTo(404);
    assertThat(staff.get(URL + "/" + mine).json().get("headcount").asInt()).isEqualTo(4);
    JsonNode list = staff.get(URL + "?size=200").json();
    assertThat(list.get("items").valueStream().map(d -> d.get("targetHospitalCode").asString()).distinct()
        .toList()).containsExactly(own);
    assertThat(staff.get(URL + "?hospital=" + other).status()).isEqualTo(404);
    assertThat(commander.get(URL + "/" + theirs).status()).as("the commander sees both").isEqualTo(200);
  }

  @Test
  void aDeploymentNamesItsWorkersUpToItsHeadcount() {
    Api.Caller commander = api.as("commander");
    String to = hospital(commander, "DESIGNATED", "ACTIVE", "990101");
    String id = commander.post(URL, body("NURSE", 1, null, "点名医疗队", to)).json().get("id").asString();
    String heads = commander.post(URL, body("DOCTOR", 3, null, "点名医疗队", to)).json().get("id").asString();
    String nurse = org.epicommand.lockdown.LockdownFixtures.household(api, "护士甲", "点名路1号", "990101001004");
    String personId = jdbc.sql("select id::text from person where household_id = ?::uuid").param(nurse)
        .query(String.class).single();
    String other = jdbc.sql("select id::text from person where household_id = ?::uuid").param(
        org.epicommand.lockdown.LockdownFixtures.household(api, "护士乙", "点名路2号", "990101001004"))
        .query(String.class).single();

    Api.Answer bad = commander.post(URL + "/" + id + "/workers", Map.of("role", "PILOT"));
    assertThat(fields(bad)).containsExactlyInAnyOrder("personId", "role");
    Api.Answer named = commander.post(URL + "/" + id + "/workers", Map.of("personId", personId, "role", "NURSE"));
    assertThat(named.status()).as(named.body()).isEqualTo(201);
    assertThat(named.json().get("name").asString()).isEqualTo("护士甲");
    Api.Answer full = commander.post(URL + "/" + id + "/workers", Map.of("personId", other, "role", "NURSE"));
    assertThat(full.status()).isEqualTo(409);
    assertThat(full.json().get("currentState").asString()).isEqualTo("1");
    assertThat(commander.get(URL + "/" + id + "/workers").json().valueStream().map(w -> w.get("personId")
        .asString()).toList()).containsExactly(personId);
    assertThat(commander.get(URL + "/" + heads + "/workers").json().size()).as("headcount only stays valid")
        .isZero();
    assertThat(commander.post(URL + "/" + heads + "/deploy", "{}").status()).isEqualTo(200);
    commander.post(URL + "/" + id + "/cancel", "{}");
    Api.Answer cancelled = commander.post(URL + "/" + id + "/workers", Map.of("personId", other, "role", "NURSE"));
    assertThat(cancelled.status()).isEqualTo(409);
    assertThat(cancelled.json().get("currentState").asString()).isEqualTo("CANCELLED");
  }

  @Test
  void aNamedWorkerIsTakenOffAndTheirPlaceCountsAgain() {
    Api.Caller commander = api.as("commander");
    String to = hospital(commander, "DESIGNATED", "ACTIVE", "990101");
    String id = commander.post(URL, body("NURSE", 1, null, "撤下医疗队", to)).json().get("id").asString();
    String first = org.epicommand.support.People.resident("撤下甲", "990101001003").id(api);
    String second = org.epicommand.support.People.resident("撤下乙", "990101001003").id(api);
    assertThat(commander.post(URL + "/" + id + "/workers", Map.of("personId", first, "role", "NURSE")).status())
        .isEqualTo(201);
    assertThat(commander.post(URL + "/" + id + "/workers", Map.of("personId", second, "role", "NURSE")).status())
        .as("full").isEqualTo(409);

    Api.Answer ended = commander.post(URL + "/" + id + "/workers/" + first + "/end", "{}");
    assertThat(ended.status()).as(ended.body()).isEqualTo(200);
    assertThat(ended.json().get("endedAt").isNull()).isFalse();
    assertThat(commander.post(URL + "/" + id + "/workers/" + first + "/end", "{}").status())
        .as("not named any more").isEqualTo(404);
    assertThat(commander.post(URL + "/" + id + "/workers/not-a-person/end", "{}").status()).isEqualTo(404);
    assertThat(api.as("hospital").post(URL + "/" + id + "/workers/" + second + "/end", "{}").status())
        .isEqualTo(403);
    Api.Answer again = commander.post(URL + "/" + id + "/workers", Map.of("personId", second, "role", "NURSE"));
    assertThat(again.status()).as("the place counts again").isEqualTo(201);
    JsonNode workers = commander.get(URL + "/" + id + "/workers").json();
    assertThat(workers.valueStream().map(w -> w.get("personId").asString() + ":" + w.get("endedAt").isNull())
        .toList()).containsExactly(second + ":true", first + ":false");
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'STAFF_DEPLOYMENT' and subject_id = ?"
        + " and detail like '%ended'").param(id).query(Long.class).single()).isEqualTo(1L);
  }

  private static Map<String, Object> body(String kind, int count, String source, String team, String target) {
    Map<String, Object> body = new HashMap<>();
    body.put("staffKind", kind);
    body.put("headcount", count);
    body.put("sourceHospitalCode", source);
    body.put("sourceTeam", team);
    body.put("targetHospitalCode", target);
    body.put("startsOn", "2026-11-10");
    body.put("endsOn", "2026-11-30");
    return body;
  }
}
