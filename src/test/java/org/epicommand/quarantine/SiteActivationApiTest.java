package org.epicommand.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.quarantine.QuarantineFixtures.COMMUNITY;
import static org.epicommand.quarantine.QuarantineFixtures.open;
import static org.epicommand.quarantine.QuarantineFixtures.person;
import static org.epicommand.quarantine.QuarantineFixtures.today;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Standby sites: they count apart in the capacity standard, take nobody until activated, and are activated
 * only after every blocking item of the site standard has passed; every move names who and when.
 */
@EpiCommandTest
class SiteActivationApiTest {

  static final String SITES = "/api/v1/quarantine/sites";
  static final List<String> STANDARD = List.of("THREE_ZONES", "SINGLE_ROOMS", "CONTACTLESS", "STAFF_PPE",
      "TEMPERATURE", "ENVIRONMENT");

  @Autowired
  Api api;

  @Autowired
  JdbcClient jdbc;

  private JsonNode district() {
    return api.as("commander").get("/api/v1/quarantine/capacity").json().valueStream()
        .filter(d -> d.get("jurisdictionCode").asString().equals(DemoPlaces.DISTRICT)).findFirst().orElseThrow();
  }

  private String standbySite(String code) {
    Api.Answer created = api.as("commander").post(SITES, Map.of("code", code, "name", "备用酒店" + code,
        "jurisdictionCode", DemoPlaces.DISTRICT, "status", "STANDBY", "kind", "HOTEL", "owner", "滨江旅业公司",
        "activationLeadHours", 12));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("status").asString()).isEqualTo("STANDBY");
    assertThat(created.json().get("kind").asString()).isEqualTo("HOTEL");
    assertThat(created.json().get("activationLeadHours").asInt()).isEqualTo(12);
    String id = created.json().get("id").asString();
    assertThat(api.as("admin").post("/api/v1/quarantine/site-staff/" + id, Map.of("username", "site")).status())
        .isEqualTo(201);
    assertThat(api.as("site").post(SITES + "/" + id + "/rooms", Map.of("from", 1, "to", 3)).status()).isEqualTo(201);
    return id;
  }

  private String roomOf(String siteId) {
    return api.as("site").get(SITES + "/" + siteId + "/rooms").json().get(0).get("id").asString();
  }

  private Api.Answer move(String siteId, String status) {
    return api.as("site").post(SITES + "/" + siteId + "/status", Map.of("status", status));
  }

  @Test
  void aStandbySiteCountsApartTakesNobodyAndIsActivatedAfterItsStandardPassed() {
    JsonNode before = district();
    String id = standbySite("SB" + UUID.randomUUID().toString().substring(0, 8));
    JsonNode standby = district();
    assertThat(standby.get("standbyRooms").asInt()).isEqualTo(before.get("standbyRooms").asInt() + 3);
    assertThat(standby.get("activeRooms").asInt()).isEqualTo(before.get("activeRooms").asInt());
    assertThat(standby.get("meetsStandard").asBoolean())
        .isEqualTo(standby.get("activeRooms").asInt() >= standby.get("required").asLong());

    String order = open(api, person(api, "备用点人员", COMMUNITY), "CLOSE_CONTACT", today().minusDays(1), "V9")
        .get("id").asString();
    Api.Answer refused = api.as("site").post("/api/v1/quarantine/orders/" + order + "/check-in",
        Map.of("roomId", roomOf(id)));
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.json().get("currentState").asString()).isEqualTo("STANDBY");
    assertThat(refused.json().get("detail").asString()).contains("STANDBY");

    Api.Answer early = move(id, "ACTIVE");
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().get("currentState").asString()).isEqualTo("STANDBY");
    Api.Answer none = api.as("site").post(SITES + "/" + id + "/status", Map.of());
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
    assertThat(api.as("community").post(SITES + "/" + id + "/status", Map.of("status", "ACTIVATING")).status())
        .isEqualTo(403);

    Instant started = Instant.now();
    Api.Answer activating = move(id, "ACTIVATING");
    assertThat(activating.status()).as(activating.body()).isEqualTo(200);
    JsonNode activation = activating.json().get("activation");
    assertThat(activation.get("startedBy").asString()).isEqualTo("site");
    Instant startedAt = Instant.parse(activation.get("startedAt").asString());
    assertThat(Duration.between(started, startedAt).abs()).isLessThan(Duration.ofMinutes(1));
    assertThat(Instant.parse(activation.get("dueAt").asString())).isEqualTo(startedAt.plus(Duration.ofHours(12)));
    assertThat(activation.get("overdue").asBoolean()).isFalse();

    Api.Answer unmet = move(id, "ACTIVE");
    assertThat(unmet.status()).isEqualTo(409);
    assertThat(unmet.json().get("currentState").asString()).isEqualTo("ACTIVATING");
    assertThat(unmet.json().get("missing").valueStream().map(m -> m.get("field").asString()).toList())
        .containsExactlyInAnyOrderElementsOf(STANDARD);

    String standard = SITES + "/" + id + "/standard";
    Api.Answer noOutcome = api.as("site").post(standard + "/THREE_ZONES", Map.of("note", "x"));
    assertThat(noOutcome.status()).isEqualTo(400);
    assertThat(noOutcome.json().get("errors").get(0).get("field").asString()).isEqualTo("outcome");
    assertThat(api.as("site").post(standard + "/NO_SUCH_ITEM", Map.of("outcome", "PASS")).status()).isEqualTo(404);
    Api.Answer failed = api.as("site").post(standard + "/THREE_ZONES", Map.of("outcome", "FAIL",
        "note", "缓冲区未分隔", "raiseProblem", true));
    assertThat(failed.status()).as(failed.body()).isEqualTo(200);
    String problem = failed.json().get("results").get("THREE_ZONES").get("problemId").asString();
    assertThat(jdbc.sql("select unit_code from problem_item where id = cast(? as uuid)").param(problem)
        .query(String.class).single()).isEqualTo(DemoPlaces.DISTRICT);
    for (String item : STANDARD) {
      assertThat(api.as("site").post(standard + "/" + item, Map.of("outcome", "PASS")).status()).isEqualTo(200);
    }
    JsonNode checked = api.as("community").get(standard).json();
    assertThat(checked.get("template").get("code").asString()).isEqualTo("SITE_STANDARD");
    assertThat(checked.get("notPassed")).isEmpty();

    Api.Answer active = move(id, "ACTIVE");
    assertThat(active.status()).as(active.body()).isEqualTo(200);
    assertThat(active.json().get("status").asString()).isEqualTo("ACTIVE");
    assertThat(active.json().get("activation").get("activatedBy").asString()).isEqualTo("site");
    JsonNode after = district();
    assertThat(after.get("activeRooms").asInt()).isEqualTo(before.get("activeRooms").asInt() + 3);
    assertThat(after.get("standbyRooms").asInt()).isEqualTo(before.get("standbyRooms").asInt());
    Api.Answer placed = api.as("site").post("/api/v1/quarantine/orders/" + order + "/check-in",
        Map.of("roomId", roomOf(id)));
    assertThat(placed.status()).as(placed.body()).isEqualTo(200);

    Api.Answer closeActive = move(id, "CLOSED");
    assertThat(closeActive.status()).isEqualTo(409);
    assertThat(closeActive.json().get("currentState").asString()).isEqualTo("ACTIVE");
    assertThat(move(id, "SUSPENDED").status()).isEqualTo(200);
    String other = open(api, person(api, "暂停点人员", COMMUNITY), "CLOSE_CONTACT", today().minusDays(1), "V9")
        .get("id").asString();
    String freeRoom = api.as("site").get(SITES + "/" + id + "/rooms?state=FREE").json().get(0).get("id").asString();
    Api.Answer suspended = api.as("site").post("/api/v1/quarantine/orders/" + other + "/check-in",
        Map.of("roomId", freeRoom));
    assertThat(suspended.status()).isEqualTo(409);
    assertThat(suspended.json().get("currentState").asString()).isEqualTo("SUSPENDED");

    long audited = jdbc.sql("""
        select count(*) from audit_event where subject_type = 'QUARANTINE_SITE' and subject_id = ?
          and detail like 'status %'""").param(id).query(Long.class).single();
    assertThat(audited).as("three moves: activating, active, suspended").isEqualTo(3);
  }

  @Test
  void aNewSiteStartsActiveOrOnStandbyOnlyAndBadReadinessFieldsStoreNothing() {
    String code = "SB" + UUID.randomUUID().toString().substring(0, 8);
    Api.Answer bad = api.as("commander").post(SITES, Map.of("code", code, "name", "错误", "jurisdictionCode",
        DemoPlaces.DISTRICT,
        "status", "SUSPENDED", "activationLeadHours", 1000, "owner", "x".repeat(101)));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
        .containsExactlyInAnyOrder("status", "activationLeadHours", "owner");
    assertThat(jdbc.sql("select count(*) from quarantine_site where code = ?").param(code).query(Long.class).single())
        .isZero();
  }
}
