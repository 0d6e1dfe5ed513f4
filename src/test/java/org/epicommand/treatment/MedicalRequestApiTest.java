package org.epicommand.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.treatment.TreatmentFixtures.fields;

import java.util.Map;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Medical-service requests: filed by a community worker, moved on by the medical group, each illegal move 409. */
@EpiCommandTest
class MedicalRequestApiTest {

  static final String REQUESTS = "/api/v1/medical-requests";

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  private static Map<String, Object> request(String personId, String phone) {
    java.util.HashMap<String, Object> body = new java.util.HashMap<>();
    body.put("personId", personId);
    body.put("need", "DIALYSIS");
    body.put("urgency", "EMERGENCY");
    body.put("channel", "COMMUNITY");
    body.put("phone", phone);
    body.put("context", "居家隔离，每周三次透析");
    return body;
  }

  @Test
  void aRequestIsFiledAcceptedDispatchedAndServedAndEachIllegalMoveIsRefused() {
    String person = CaseFixtures.person(api, "透析" + System.nanoTime() % 10_000, CaseFixtures.COMMUNITY);
    String outside = CaseFixtures.person(api, "外区" + System.nanoTime() % 10_000, CaseFixtures.OTHER_DISTRICT_COMMUNITY);
    Api.Caller community = api.as("community");

    Api.Answer noPhone = community.post(REQUESTS, request(person, " "));
    assertThat(noPhone.status()).isEqualTo(400);
    assertThat(fields(noPhone)).containsExactly("phone");
    assertThat(jdbc.sql("select count(*) from treatment_medical_request where person_id = ?::uuid").param(person)
        .query(Long.class).single()).isZero();
    assertThat(community.post(REQUESTS, request(outside, "13800138000")).status()).isEqualTo(404);

    Api.Answer filed = community.post(REQUESTS, request(person, "13800138000"));
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    String id = filed.json().get("id").asString();
    assertThat(filed.json().get("status").asString()).isEqualTo("REQUESTED");
    assertThat(filed.json().get("phone").asString()).as("masked for the community worker").isNotEqualTo("13800138000");
    assertThat(filed.json().get("overdue").asBoolean()).isFalse();
    assertThat(community.post(REQUESTS + "/" + id + "/accept", "{}").status()).isEqualTo(403);

    Api.Caller commander = api.as("commander");
    assertThat(commander.get(REQUESTS + "/" + id).json().get("phone").asString()).isEqualTo("13800138000");
    assertThat(commander.post(REQUESTS + "/" + id + "/accept", "{}").json().get("status").asString())
        .isEqualTo("ACCEPTED");
    Api.Answer early = commander.post(REQUESTS + "/" + id + "/serve", "{}");
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().get("currentState").asString()).isEqualTo("ACCEPTED");
    jdbc.sql(
        "update treatment_medical_request set requested_at = requested_at - interval '31 minutes' where id = ?::uuid")
        .param(id).update();
    JsonNode late = commander.get(REQUESTS + "?open=true&size=500").json().get("items").valueStream()
        .filter(r -> r.get("id").asString().equals(id)).findFirst().orElseThrow();
    assertThat(late.get("overdue").asBoolean()).as("an emergency not dispatched within 30 minutes").isTrue();

    Api.Answer noVehicle = commander.post(REQUESTS + "/" + id + "/dispatch", Map.of("hospitalCode", "H-DD01"));
    assertThat(noVehicle.status()).as("a dispatch names its closed-loop vehicle").isEqualTo(400);
    assertThat(noVehicle.json().get("errors").get(0).get("field").asString()).isEqualTo("vehicle");
    assertThat(commander.get(REQUESTS + "/" + id).json().get("status").asString()).isEqualTo("ACCEPTED");
    Api.Answer dispatched = commander.post(REQUESTS + "/" + id + "/dispatch", Map.of("hospitalCode", "H-DD01",
        "vehicle", "浙A12345 闭环转运车"));
    assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
    assertThat(dispatched.json().get("hospitalCode").asString()).isEqualTo("H-DD01");
    assertThat(dispatched.json().get("vehicle").asString()).isEqualTo("浙A12345 闭环转运车");
    assertThat(commander.post(REQUESTS + "/" + id + "/serve", "{}").json().get("status").asString())
        .isEqualTo("SERVED");
    Api.Answer cancel = commander.post(REQUESTS + "/" + id + "/cancel", "{}");
    assertThat(cancel.status()).isEqualTo(409);
    assertThat(cancel.json().get("currentState").asString()).isEqualTo("SERVED");
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'MEDICAL_REQUEST' and subject_id = ?"
        + " and action <> 'READ'").param(id).query(Long.class).single()).as("filed and three moves").isEqualTo(4);
  }
}
