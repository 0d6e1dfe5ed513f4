package org.epicommand.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The treatment clock: a request not dispatched within its urgency's limit publishes MedicalRequestOverdue once,
 * and the medical group (an emergency: the commanders too) finds it in the inbox.
 */
@EpiCommandTest
class MedicalRequestOverdueTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  MedicalRequests requests;

  private String file(String urgency) {
    String person = CaseFixtures.person(api, "超时" + System.nanoTime() % 10_000, CaseFixtures.COMMUNITY);
    Map<String, Object> body = new HashMap<>();
    body.put("personId", person);
    body.put("need", "DIALYSIS");
    body.put("urgency", urgency);
    body.put("channel", "HOTLINE");
    body.put("phone", "13800138000");
    Api.Answer filed = api.as("community").post("/api/v1/medical-requests", body);
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    return filed.json().get("id").asString();
  }

  private List<String> recipients(String id) {
    return jdbc.sql("select recipient from notification where kind = 'MEDICAL_REQUEST_OVERDUE' and link like ?"
        + " order by recipient").param("%" + id).query(String.class).list();
  }

  private Instant requestedAt(String id) {
    return jdbc.sql("select requested_at from treatment_medical_request where id = ?::uuid").param(id)
        .query(OffsetDateTime.class).single().toInstant();
  }

  @Test
  void anUrgentRequestNotDispatchedInFourHoursIsReportedOnceToTheMedicalGroup() {
    String officer = TreatmentFixtures.user(api, "MEDICAL_OFFICER", "990101");
    String urgent = file("URGENT");
    Instant at = requestedAt(urgent);
    assertThat(requests.sweep(at.plus(Duration.ofMinutes(239)))).doesNotContain(urgent);
    assertThat(requests.sweep(at.plus(Duration.ofMinutes(241)))).contains(urgent);
    assertThat(requests.sweep(at.plus(Duration.ofHours(9)))).as("once").doesNotContain(urgent);
    await().atMost(Duration.ofSeconds(15)).until(() -> recipients(urgent).contains(officer));
    assertThat(recipients(urgent)).as("not an emergency: not the commanders").doesNotContain("commander");
    assertThat(jdbc.sql("select title from notification where kind = 'MEDICAL_REQUEST_OVERDUE' and link like ?"
        + " limit 1").param("%" + urgent).query(String.class).single()).isEqualTo("加急医疗服务需求（透析）超过派单时限");

    String emergency = file("EMERGENCY");
    String served = file("EMERGENCY");
    api.as("commander").post("/api/v1/medical-requests/" + served + "/accept", "{}");
    api.as("commander").post("/api/v1/medical-requests/" + served + "/dispatch", Map.of("vehicle", "闭环转运车 3 号"));
    List<String> reported = requests.sweep(requestedAt(served).plus(Duration.ofMinutes(31)));
    assertThat(reported).contains(emergency).as("dispatched in time").doesNotContain(served);
    await().atMost(Duration.ofSeconds(15)).until(() -> recipients(emergency).contains("commander"));
  }
}
