package org.epicommand.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.treatment.TreatmentFixtures.PASSWORD;
import static org.epicommand.treatment.TreatmentFixtures.caseWith;
import static org.epicommand.treatment.TreatmentFixtures.fields;
import static org.epicommand.treatment.TreatmentFixtures.user;

import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.CityTime;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A case's consultation log: only under an assigned team, field-level 400, scope, audit and the page. */
@EpiCommandTest
class ConsultationApiTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void aTeamRecordsItsConsultationsOnceItIsAssigned() {
    Api.Caller commander = api.as("commander");
    String caseId = caseWith(api, "990101001004", "CRITICAL");
    String url = "/api/v1/cases/" + caseId + "/consultations";

    Api.Answer noTeam = commander.post(url, Map.of("summary", "氧合指数下降"));
    assertThat(noTeam.status()).as(noTeam.body()).isEqualTo(409);
    assertThat(noTeam.json().get("currentState").asString()).isEqualTo("NO_TEAM");
    assertThat(noTeam.json().get("detail").asString()).contains("尚未指定专家组");

    Api.Answer team = commander.post("/api/v1/expert-teams", Map.of("name", "会诊组" + TreatmentFixtures.code(""),
        "jurisdictionCode", DemoPlaces.DISTRICT, "members", List.of(Map.of("name", "孙医生"))));
    assertThat(commander.put("/api/v1/cases/" + caseId + "/expert-team", Map.of("teamId",
        team.json().get("id").asString(), "leadExpert", "孙医生")).status()).isEqualTo(200);

    Api.Answer bad = commander.post(url, Map.of("date", CityTime.today().plusDays(3).toString(), "summary", " "));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(fields(bad)).containsExactlyInAnyOrder("date", "summary");
    assertThat(fields(commander.post(url, Map.of("date", "12/01", "summary", "x")))).containsExactly("date");

    Api.Answer first = commander.post(url, Map.of("date", CityTime.today().minusDays(1).toString(),
        "summary", "氧合指数下降，建议俯卧位通气", "plan", "俯卧位通气每日 12 小时"));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().get("teamName").asString()).startsWith("会诊组");
    Api.Answer second = commander.post(url, Map.of("summary", "病情稳定"));
    assertThat(second.json().get("date").asString()).isEqualTo(CityTime.today().toString());

    JsonNode log = commander.get(url).json();
    assertThat(log.valueStream().map(c -> c.get("summary").asString()).toList())
        .as("newest first").containsExactly("病情稳定", "氧合指数下降，建议俯卧位通气");
    long audited = jdbc.sql("select count(*) from audit_event where subject_type = 'CONSULTATION'"
        + " and subject_id = ?").param(caseId).query(Long.class).single();
    assertThat(audited).as("two lines recorded, one read").isEqualTo(3);

    String page = commander.get("/treatment/experts/cases/" + caseId, "text/html").body();
    assertThat(page).contains("俯卧位通气每日 12 小时").contains("孙医生");
    assertThat(commander.get("/treatment/experts", "text/html").body()).contains("data-case=\"" + caseId + "\"");

    Api.Caller other = api.as(user(api, "MEDICAL_OFFICER", DemoPlaces.OTHER_DISTRICT), PASSWORD);
    assertThat(other.post(url, Map.of("summary", "越权")).status()).as("another district's case").isEqualTo(404);
    assertThat(other.get(url).status()).isEqualTo(404);
  }
}
