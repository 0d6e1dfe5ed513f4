package org.epicommand.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.treatment.TreatmentFixtures.HOSPITALS;
import static org.epicommand.treatment.TreatmentFixtures.PASSWORD;
import static org.epicommand.treatment.TreatmentFixtures.fields;
import static org.epicommand.treatment.TreatmentFixtures.hospital;
import static org.epicommand.treatment.TreatmentFixtures.user;

import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Equipment reported like beds: bad counts, the shortages on the board, scope and audit. */
@EpiCommandTest
class EquipmentApiTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void equipmentIsReportedCheckedAndItsShortagesShowOnTheBoard() {
    Api.Caller commander = api.as("commander");
    String code = hospital(commander, "DESIGNATED", "ACTIVE", "990103", "ICU", 4);
    String url = HOSPITALS + "/" + code + "/equipment/";

    Api.Answer tooMany = commander.put(url + "VENTILATOR", Map.of("total", 2, "inUse", 3));
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(fields(tooMany)).containsExactly("inUse");
    Api.Answer negative = commander.put(url + "ECMO", Map.of("inUse", 0));
    assertThat(fields(negative)).containsExactly("total");
    assertThat(commander.put(url + "DEFIBRILLATOR", Map.of("total", 1)).status()).isEqualTo(400);
    assertThat(jdbc.sql("select count(*) from treatment_equipment where hospital_code = ?").param(code)
        .query(Long.class).single()).isZero();

    JsonNode set = commander.put(url + "VENTILATOR", Map.of("total", 5, "inUse", 5)).json();
    assertThat(set.get("equipment").get(0).get("type").asString()).isEqualTo("VENTILATOR");
    assertThat(set.get("equipment").get(0).get("total").asInt()).isEqualTo(5);
    assertThat(set.get("equipment").get(0).get("inUse").asInt()).isEqualTo(5);
    assertThat(commander.put(url + "ECMO", Map.of("total", 10, "inUse", 8)).status()).isEqualTo(200);
    assertThat(commander.put(url + "HIGH_FLOW_O2", Map.of("total", 10, "inUse", 2)).status()).isEqualTo(200);
    assertThat(shortages(commander, code)).containsExactly("VENTILATOR NONE_FREE", "ECMO HIGH_USE");

    commander.put(url + "VENTILATOR", Map.of("total", 3, "inUse", 1));
    assertThat(shortages(commander, code)).as("4 ICU beds, 3 ventilators")
        .containsExactly("ECMO HIGH_USE", "VENTILATOR BELOW_ICU");
    commander.put(url + "VENTILATOR", Map.of("total", 3, "inUse", 1));
    long audited = jdbc.sql("select count(*) from audit_event where subject_type = 'HOSPITAL' and subject_id = ?"
        + " and detail like 'equipment%'").param(code).query(Long.class).single();
    assertThat(audited).as("four changes; the same counts again change nothing").isEqualTo(4);

    String page = commander.get("/treatment", "text/html").body();
    assertThat(page).contains("data-testid=\"equipment-" + code + "-VENTILATOR\"")
        .contains("data-testid=\"shortages\"");
    assertThat(commander.get("/treatment/hospitals/" + code, "text/html").body()).contains("高流量氧疗仪");

    String operator = user(api, "HOSPITAL_OPERATOR", "990100");
    assertThat(api.as("admin").post("/api/v1/treatment/hospital-staff/" + hospital(commander, "DESIGNATED", "ACTIVE",
        "990103"), Map.of("username", operator)).status()).isEqualTo(201);
    assertThat(api.as(operator, PASSWORD).put(url + "ECMO", Map.of("total", 1)).status())
        .as("another hospital than the operator's").isEqualTo(404);
  }

  private static List<String> shortages(Api.Caller caller, String code) {
    JsonNode board = caller.get("/api/v1/treatment/board?jurisdiction=990103").json();
    return board.get("shortages").valueStream().filter(s -> s.get("hospitalCode").asString().equals(code))
        .map(s -> s.get("type").asString() + " " + s.get("reason").asString()).toList();
  }
}
