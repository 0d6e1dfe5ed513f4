package org.epicommand.lockdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The volunteer (志愿者) through HTTP: linked to a pool entry by their account, they see their own shifts
 * and the requests assigned to them (address, need, phone), check in once and mark deliveries; another
 * person's shift or request does not exist for them (404), a wrong move is 409 naming the state, and the
 * registry and the staff lists are closed to them (403).
 */
@EpiCommandTest
class VolunteerApiTest {

  static final String PASSWORD = "Volunteer2022xyz";

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  Clock clock;

  /** A volunteer account at {@code community}; its username. */
  static String volunteer(Api api, String community) {
    String username = "vol" + System.nanoTime() % 1_000_000;
    Api.Answer created = api.as("admin").post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
        "roles", List.of("VOLUNTEER"), "jurisdictionCode", community));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return username;
  }

  @Test
  void aVolunteerSeesAndWorksOffTheirOwnTasksOnly() {
    String username = volunteer(api, LockdownFixtures.COMMUNITY);
    Api.Caller me = api.as(username, PASSWORD);
    LocalDate today = LocalDate.now(clock);

    // linking: an unknown or non-volunteer account is a 400 on username; one account, one pool entry
    Map<String, Object> worker = new HashMap<>(Map.of("name", "志愿者小周", "phone", LockdownFixtures.phone(),
        "source", "VOLUNTEER", "availableFrom", today.toString(), "username", "community"));
    assertThat(LockdownFixtures.fields(api.as("community").post("/api/v1/lockdown/workers", worker)))
        .containsExactly("username");
    Api.Answer empty = me.get("/api/v1/lockdown/my");
    assertThat(empty.status()).as(empty.body()).isEqualTo(200);
    assertThat(empty.json().get("shifts").size()).isZero();
    worker.put("username", username);
    Api.Answer registered = api.as("community").post("/api/v1/lockdown/workers", worker);
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    assertThat(registered.json().get("username").asString()).isEqualTo(username);
    worker.put("phone", LockdownFixtures.phone());
    Api.Answer twice = api.as("community").post("/api/v1/lockdown/workers", worker);
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("existingId").asString()).isEqualTo(registered.json().get("id").asString());

    JsonNode area = LockdownFixtures.area(api, "志愿小区", LockdownFixtures.COMMUNITY, true);
    String areaPath = "/api/v1/lockdown/areas/" + area.get("id").asString();
    String post = api.as("community").post(areaPath + "/posts", Map.of("kind", "DELIVERY", "name", "配送点"))
        .json().get("id").asString();
    OffsetDateTime start = OffsetDateTime.now(clock).minusHours(1);
    String shift = api.as("community").post("/api/v1/lockdown/posts/" + post + "/shifts", Map.of("workerId",
        registered.json().get("id").asString(), "startsAt", start.toString(), "endsAt", start.plusHours(8).toString()))
        .json().get("id").asString();
    String other = LockdownFixtures.worker(api, "别的志愿者");
    String otherShift = api.as("community").post("/api/v1/lockdown/posts/" + post + "/shifts", Map.of("workerId",
        other, "startsAt", start.toString(), "endsAt", start.plusHours(8).toString())).json().get("id").asString();

    JsonNode mine = me.get("/api/v1/lockdown/my").json();
    assertThat(mine.get("name").asString()).isEqualTo("志愿者小周");
    assertThat(mine.get("shifts").valueStream().map(s -> s.get("id").asString()).toList()).containsExactly(shift);
    assertThat(mine.get("shifts").get(0).get("postName").asString()).isEqualTo("配送点");
    assertThat(mine.get("shifts").get(0).get("areaName").asString()).isEqualTo(area.get("name").asString());

    Api.Answer checkedIn = me.post("/api/v1/lockdown/my/shifts/" + shift + "/check-in", "");
    assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(200);
    assertThat(checkedIn.json().get("checkedInAt").isNull()).isFalse();
    Api.Answer again = me.post("/api/v1/lockdown/my/shifts/" + shift + "/check-in", "");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("detail").asString()).contains("ASSIGNED");
    assertThat(me.post("/api/v1/lockdown/my/shifts/" + otherShift + "/check-in", "").status()).isEqualTo(404);
    assertThat(api.as("community").get(areaPath + "/shifts").json().valueStream()
        .filter(s -> s.get("id").asString().equals(otherShift)).findFirst().orElseThrow().get("checkedInAt").isNull())
        .isTrue();

    // a request assigned to the volunteer: address, need and phone; delivered once
    String address = "志愿路" + System.nanoTime() % 100_000 + "号";
    String household = LockdownFixtures.household(api, "送达户", address, LockdownFixtures.COMMUNITY);
    String request = api.as("community").post(areaPath + "/requests", Map.of("householdId", household, "need",
        "GROCERIES", "detail", "米、面", "phone", "13800005678")).json().get("id").asString();
    String notMine = api.as("community").post(areaPath + "/requests", Map.of("householdId", household, "need",
        "GARBAGE")).json().get("id").asString();
    api.as("community").post("/api/v1/lockdown/requests/" + request + "/assign", Map.of("assignee", username));
    api.as("community").post("/api/v1/lockdown/requests/" + notMine + "/assign", Map.of());
    JsonNode deliveries = me.get("/api/v1/lockdown/my").json().get("deliveries");
    assertThat(deliveries.size()).isEqualTo(1);
    assertThat(deliveries.get(0).get("address").asString()).isEqualTo(address);
    assertThat(deliveries.get(0).get("phone").asString()).isEqualTo("13800005678");
    assertThat(deliveries.get(0).get("need").asString()).isEqualTo("GROCERIES");
    assertThat(deliveries.get(0).has("householdId")).as("no registry reference").isFalse();

    assertThat(me.post("/api/v1/lockdown/my/requests/" + notMine + "/deliver", Map.of()).status()).isEqualTo(404);
    Api.Answer delivered = me.post("/api/v1/lockdown/my/requests/" + request + "/deliver", Map.of("note", "放门口"));
    assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
    assertThat(delivered.json().get("state").asString()).isEqualTo("DELIVERED");
    Api.Answer deliveredTwice = me.post("/api/v1/lockdown/my/requests/" + request + "/deliver", Map.of());
    assertThat(deliveredTwice.status()).isEqualTo(409);
    assertThat(deliveredTwice.json().get("detail").asString()).contains("DELIVERED");
    assertThat(me.get("/api/v1/lockdown/my").json().get("deliveries").size()).isZero();
    assertThat(jdbc.sql("select count(*) from audit_event where username = ? and subject_id = ?")
        .params(username, request).query(Long.class).single()).isEqualTo(1);

    // never a registry record, never the staff lists
    assertThat(me.get("/api/v1/persons?name=送达户").status()).isEqualTo(403);
    assertThat(me.get("/api/v1/persons/" + household + "/household").status()).isEqualTo(403);
    assertThat(me.get("/api/v1/lockdown/requests").status()).isEqualTo(403);
    assertThat(me.get("/api/v1/lockdown/workers").status()).isEqualTo(403);
    assertThat(api.as("community").get("/api/v1/lockdown/my").status()).isEqualTo(403);
  }

  @Test
  void aVolunteerOutsideTheAreaSeesNothingOfIt() {
    String username = volunteer(api, LockdownFixtures.OTHER_DISTRICT_COMMUNITY);
    JsonNode area = LockdownFixtures.area(api, "外区小区", LockdownFixtures.COMMUNITY, true);
    String household = LockdownFixtures.household(api, "外区户", "外区路1号", LockdownFixtures.COMMUNITY);
    String request = api.as("community").post("/api/v1/lockdown/areas/" + area.get("id").asString() + "/requests",
        Map.of("householdId", household, "need", "PET")).json().get("id").asString();
    api.as("community").post("/api/v1/lockdown/requests/" + request + "/assign", Map.of("assignee", username));
    Api.Caller me = api.as(username, PASSWORD);
    assertThat(me.get("/api/v1/lockdown/my").json().get("deliveries").size()).isZero();
    assertThat(me.post("/api/v1/lockdown/my/requests/" + request + "/deliver", Map.of()).status()).isEqualTo(404);
  }
}
