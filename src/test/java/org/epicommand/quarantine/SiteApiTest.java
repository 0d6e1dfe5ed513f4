package org.epicommand.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.quarantine.QuarantineFixtures.COMMUNITY;
import static org.epicommand.quarantine.QuarantineFixtures.open;
import static org.epicommand.quarantine.QuarantineFixtures.person;
import static org.epicommand.quarantine.QuarantineFixtures.room;
import static org.epicommand.quarantine.QuarantineFixtures.site;
import static org.epicommand.quarantine.QuarantineFixtures.today;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@EpiCommandTest
class SiteApiTest {

  @Autowired
  Api api;

  static String code() {
    return "S" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void fiftyConcurrentCheckInsForTheLastFreeRoomLetExactlyOneIn() throws Exception {
    String siteId = site(api, code(), 1, 1);
    String roomId = room(api, siteId, "1");
    List<String> orderIds = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      orderIds.add(open(api, person(api, "争房" + i, COMMUNITY), "CLOSE_CONTACT", today().minusDays(1),
          "TWENTY_MEASURES").get("id").asString());
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(50);
    List<Future<Integer>> answers = new ArrayList<>();
    for (String orderId : orderIds) {
      answers.add(pool.submit(() -> {
        start.await();
        return api.as("site").post("/api/v1/quarantine/orders/" + orderId + "/check-in", Map.of("roomId", roomId))
            .status();
      }));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> answer : answers) {
      statuses.add(answer.get());
    }
    pool.shutdown();
    assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(49);
    JsonNode rooms = api.as("site").get("/api/v1/quarantine/sites/" + siteId + "/rooms").json();
    assertThat(rooms.get(0).get("state").asString()).isEqualTo("OCCUPIED");
    assertThat(rooms.get(0).get("occupants")).hasSize(1);
  }

  @Test
  void aHouseholdSharesOneRoomButAnotherHouseholdCannotJoinIt() {
    String siteId = site(api, code(), 201, 202);
    String roomId = room(api, siteId, "201");
    String address = "同户路" + UUID.randomUUID().toString().substring(0, 6) + "号";
    String mother = open(api, person(api, "同户母", COMMUNITY, address), "CLOSE_CONTACT", today().minusDays(1), "V9")
        .get("id").asString();
    String child = open(api, person(api, "同户子", COMMUNITY, address), "CLOSE_CONTACT", today().minusDays(1), "V9")
        .get("id").asString();
    String stranger = open(api, person(api, "外户人", COMMUNITY), "CLOSE_CONTACT", today().minusDays(1), "V9")
        .get("id").asString();
    assertThat(checkIn(mother, roomId).status()).isEqualTo(200);
    Api.Answer joined = checkIn(child, roomId);
    assertThat(joined.status()).isEqualTo(200);
    assertThat(joined.json().get("state").asString()).isEqualTo("ACTIVE");
    Api.Answer refused = checkIn(stranger, roomId);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(checkIn(mother, room(api, siteId, "202")).status()).as("already placed").isEqualTo(409);
  }

  @Test
  void releaseFromTheSiteNeedsTheLastDayAndANegativeTestThenHomeMonitoringGoesOn() {
    String siteId = site(api, code(), 301, 302);
    String roomId = room(api, siteId, "301");
    // V9 close contact, last exposure 7 days ago: the centralized phase ends today, the day-7 test is today
    JsonNode order = open(api, person(api, "解除甲", COMMUNITY), "CLOSE_CONTACT", today().minusDays(7), "V9");
    String id = order.get("id").asString();
    assertThat(order.get("state").asString()).isEqualTo("PENDING_TRANSFER");
    assertThat(checkIn(id, roomId).status()).isEqualTo(200);
    String path = "/api/v1/quarantine/orders/" + id;
    Api.Answer early = api.as("site").post(path + "/site-release", Map.of());
    assertThat(early.status()).as("day-7 test has no result").isEqualTo(409);
    JsonNode dayEight = order.get("tests").get(4);
    assertThat(dayEight.get("date").asString()).isEqualTo(today().toString());
    Api.Answer bad = api.as("site").post(path + "/tests/" + dayEight.get("id").asString() + "/result",
        Map.of("result", "MAYBE"));
    assertThat(bad.status()).isEqualTo(400);
    Api.Answer negative = api.as("site").post(path + "/tests/" + dayEight.get("id").asString() + "/result",
        Map.of("result", "NEGATIVE"));
    assertThat(negative.status()).as(negative.body()).isEqualTo(200);
    Api.Answer released = api.as("site").post(path + "/site-release", Map.of());
    assertThat(released.status()).as(released.body()).isEqualTo(200);
    assertThat(released.json().get("state").asString()).isEqualTo("ACTIVE");
    assertThat(released.json().get("currentRegime").asString()).isEqualTo("HOME_MONITORING");
    assertThat(released.json().get("phases").get(0).get("status").asString()).isEqualTo("DONE");
    JsonNode rooms = api.as("site").get("/api/v1/quarantine/sites/" + siteId + "/rooms?state=DISINFECTING").json();
    assertThat(rooms).extracting(r -> r.get("number").asString()).containsExactly("301");
    // the home phase runs until day 10: the order cannot be released yet
    Api.Answer final1 = api.as("community").post(path + "/release", Map.of());
    assertThat(final1.status()).isEqualTo(409);
    // the disinfected room is free again
    assertThat(api.as("site").post("/api/v1/quarantine/rooms/" + roomId + "/state", Map.of("state", "FREE"))
        .json().get("state").asString()).isEqualTo("FREE");
    assertThat(api.as("site").post("/api/v1/quarantine/rooms/" + roomId + "/state", Map.of("state", "OCCUPIED"))
        .status()).isEqualTo(409);
  }

  @Test
  void aTenMeasuresOrderIsReleasedOnANegativeDayFiveTest() {
    JsonNode order = open(api, person(api, "十条甲", COMMUNITY), "CLOSE_CONTACT", today().minusDays(5),
        "TEN_MEASURES");
    String path = "/api/v1/quarantine/orders/" + order.get("id").asString();
    assertThat(order.get("state").asString()).isEqualTo("ACTIVE");
    assertThat(api.as("community").post(path + "/release", Map.of()).status()).isEqualTo(409);
    String test = order.get("tests").get(0).get("id").asString();
    api.as("community").post(path + "/tests/" + test + "/result", Map.of("result", "NEGATIVE"));
    Api.Answer released = api.as("community").post(path + "/release", Map.of());
    assertThat(released.status()).as(released.body()).isEqualTo(200);
    assertThat(released.json().get("state").asString()).isEqualTo("RELEASED");
  }

  @Test
  void aPositiveResultRaisesAnAlertVisibleToTheCommunity() {
    JsonNode order = open(api, person(api, "阳性甲", COMMUNITY), "SECONDARY_CONTACT", today().minusDays(1), "V9");
    String path = "/api/v1/quarantine/orders/" + order.get("id").asString();
    String test = order.get("tests").get(0).get("id").asString();
    assertThat(api.as("community").post(path + "/tests/" + test + "/result", Map.of("result", "POSITIVE")).status())
        .isEqualTo(200);
    JsonNode alerts = api.as("community").get("/api/v1/quarantine/alerts?kind=POSITIVE_RESULT&size=500").json();
    assertThat(alerts.get("items")).anySatisfy(a -> {
      assertThat(a.get("orderId").asString()).isEqualTo(order.get("id").asString());
      assertThat(a.get("personName").asString()).isEqualTo("阳性甲");
    });
    assertThat(api.as("community").post(path + "/tests/" + test + "/result", Map.of("result", "NEGATIVE")).status())
        .as("a result is final").isEqualTo(409);
  }

  @Test
  void capacityShowsEachDistrictAgainstTwentyRoomsPerTenThousandResidents() {
    JsonNode capacity = api.as("commander").get("/api/v1/quarantine/capacity").json();
    assertThat(capacity).hasSize(6);
    JsonNode first = capacity.get(0);
    assertThat(first.get("jurisdictionCode").asString()).isEqualTo(DemoPlaces.DISTRICT);
    long population = first.get("population").asLong();
    assertThat(population).isEqualTo(api.as("commander").get("/api/v1/jurisdictions/990101").json()
        .get("population").asLong()).isPositive();
    assertThat(first.get("required").asLong()).isEqualTo((population * 20 + 9_999) / 10_000);
    assertThat(first.get("meetsStandard").asBoolean()).isEqualTo(first.get("rooms").asInt() >= first.get("required")
        .asLong());
  }

  private Api.Answer checkIn(String orderId, String roomId) {
    return api.as("site").post("/api/v1/quarantine/orders/" + orderId + "/check-in", Map.of("roomId", roomId));
  }
}
