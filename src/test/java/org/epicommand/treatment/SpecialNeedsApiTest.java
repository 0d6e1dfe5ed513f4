package org.epicommand.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.treatment.TreatmentFixtures.PASSWORD;
import static org.epicommand.treatment.TreatmentFixtures.fields;
import static org.epicommand.treatment.TreatmentFixtures.user;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.epicommand.lockdown.LockdownFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The special-needs ledger: field-level 400, 404 outside, 409 twice, reads audited, the need shown on a
 * medical-service request, and a sealed area's register reading the same ledger (served first).
 */
@EpiCommandTest
class SpecialNeedsApiTest {

  static final String URL = "/api/v1/special-needs";
  static final String PLACE = "990101001004";
  static final AtomicInteger SEQUENCE = new AtomicInteger(300);

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void theLedgerKeepsVulnerablePeopleAndEveryRegisterReadsIt() {
    Api.Caller commander = api.as("commander");
    JsonNode person = People.resident("透析患者" + SEQUENCE.incrementAndGet(), PLACE)
        .at("台账路" + System.nanoTime() % 100_000 + "号").register(api);
    String personId = person.get("id").asString();

    Api.Answer bad = commander.post(URL, Map.of("need", "SWIMMING", "phone", "12"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(fields(bad)).containsExactlyInAnyOrder("personId", "need", "phone");
    assertThat(fields(commander.post(URL, Map.of("personId", personId, "need", "PREGNANCY"))))
        .containsExactly("dueDate");

    Map<String, Object> entry = new HashMap<>(Map.of("personId", personId, "need", "DIALYSIS", "careProvider",
        "市第一医院肾内科", "phone", "13800006666"));
    Api.Answer added = commander.post(URL, entry);
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    String id = added.json().get("id").asString();
    assertThat(added.json().get("address").asString()).startsWith("台账路");
    Api.Answer twice = commander.post(URL, entry);
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("existingId").asString()).isEqualTo(id);

    long reads = jdbc.sql("select count(*) from audit_event where subject_type = 'SPECIAL_NEEDS' and action = 'READ'")
        .query(Long.class).single();
    JsonNode ledger = commander.get(URL + "?jurisdiction=" + PLACE).json();
    assertThat(ledger.valueStream().filter(e -> e.get("id").asString().equals(id)).findFirst().orElseThrow()
        .get("careProvider").asString()).isEqualTo("市第一医院肾内科");
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'SPECIAL_NEEDS' and action = 'READ'")
        .query(Long.class).single()).as("the read is audited").isEqualTo(reads + 1);
    assertThat(commander.get("/treatment/special-needs?jurisdiction=" + PLACE, "text/html").body())
        .contains("市第一医院肾内科");

    Api.Answer request = commander.post("/api/v1/medical-requests", Map.of("personId", personId, "need",
        "DIALYSIS", "urgency", "URGENT", "channel", "COMMUNITY", "phone", "13800006666"));
    assertThat(request.status()).as(request.body()).isEqualTo(201);
    assertThat(request.json().get("specialNeeds").valueStream().map(JsonNode::asString).toList())
        .containsExactly("DIALYSIS");

    // a sealed area over the community: its register is the ledger, the household is served first
    JsonNode area = LockdownFixtures.area(api, "台账小区", PLACE, true);
    String areaPath = "/api/v1/lockdown/areas/" + area.get("id").asString();
    assertThat(api.as("commander").get(areaPath + "/vulnerable").json().valueStream()
        .map(v -> v.get("id").asString()).toList()).contains(id);
    JsonNode served = commander.post(areaPath + "/requests", Map.of("householdId",
        person.get("householdId").asString(), "need", "GROCERIES")).json();
    assertThat(served.get("priority").asBoolean()).isTrue();

    Api.Caller other = api.as(user(api, "MEDICAL_OFFICER", DemoPlaces.OTHER_DISTRICT), PASSWORD);
    assertThat(other.post(URL, entry).status()).as("a person outside").isEqualTo(404);
    assertThat(other.get(URL + "?jurisdiction=" + PLACE).status()).isEqualTo(404);
    assertThat(other.post(URL + "/" + id + "/remove", "{}").status()).isEqualTo(404);

    assertThat(commander.post(URL + "/" + id + "/remove", "{}").json().get("state").asString()).isEqualTo("REMOVED");
    Api.Answer again = commander.post(URL + "/" + id + "/remove", "{}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("currentState").asString()).isEqualTo("REMOVED");
    assertThat(commander.get(URL + "?jurisdiction=" + PLACE).json().valueStream()
        .map(e -> e.get("id").asString()).toList()).doesNotContain(id);
  }
}
