package org.epicommand.quarantine.internal.doors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.epicommand.quarantine.QuarantineFixtures.COMMUNITY;
import static org.epicommand.quarantine.QuarantineFixtures.OTHER_DISTRICT_COMMUNITY;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.quarantine.QuarantineFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Door sensors end to end with the real embedded HiveMQ broker: a test client publishes as a sensor would, and
 * what the platform made of it is read back through the HTTP API.
 */
@EpiCommandTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DoorSensorMqttTest {

  @Autowired
  Api api;
  @Autowired
  DoorEventSubscriber subscriber;
  @Autowired
  DoorEventLog events;
  @Autowired
  SilentSensorWatch silentWatch;
  @Autowired
  MeterRegistry meters;
  @Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired
  DoorEventIntake intake;

  TestSensors sensors;

  @BeforeAll
  void connectATestSensor() {
    await().atMost(Duration.ofSeconds(15)).until(subscriber::subscribed);
    sensors = new TestSensors(api, subscriber);
  }

  @AfterAll
  void disconnect() {
    sensors.close();
  }

  @Test
  void anUndeclaredOpeningIsAnAlertThroughTheApiWithinFiveSeconds() {
    String orderId = homeIsolationOrder("门磁甲");
    String device = bind(orderId);
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    long sent = System.nanoTime();
    publish(device, "{\"event\":\"OPEN\",\"at\":\"" + at + "\"}");
    JsonNode alert = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
        .until(() -> doorAlert(orderId), node -> node != null);
    long millis = Duration.ofNanos(System.nanoTime() - sent).toMillis();
    assertThat(millis).isLessThan(5_000);
    assertThat(alert.get("kind").asString()).isEqualTo("DOOR_OPENED");
    assertThat(alert.get("personName").asString()).isEqualTo("门磁甲");
    assertThat(alert.get("state").asString()).isEqualTo("OPEN");
    assertThat(alert.get("detail").asString()).contains(device).contains("未报备");
    // the same message delivered twice (QoS 1) is still one alert
    publish(device, "{\"event\":\"OPEN\",\"at\":\"" + at + "\"}");
    await().atMost(Duration.ofSeconds(5)).until(() -> events.count(device) == 2);
    assertThat(doorAlerts(orderId)).hasSize(1);
    JsonNode listed = api.as("community").get("/api/v1/quarantine/door-sensors?orderId=" + orderId).json();
    assertThat(listed.get("items").get(0).get("deviceId").asString()).isEqualTo(device);
    assertThat(listed.get("items").get(0).get("lastEvent").asString()).isEqualTo("OPEN");
  }

  @Test
  void aDeclaredOpeningIsNoAlertButOneOutsideTheWindowIs() {
    String orderId = homeIsolationOrder("门磁乙");
    String device = bind(orderId);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Api.Answer declared = api.as("community").post("/api/v1/quarantine/orders/" + orderId + "/door-declarations",
        Map.of("from", now.minusSeconds(60).toString(), "minutes", 10));
    assertThat(declared.status()).as(declared.body()).isEqualTo(201);
    assertThat(declared.json().get("declaredBy").asString()).isEqualTo("community");
    publish(device, "{\"event\":\"OPEN\",\"at\":\"" + now + "\"}");
    publish(device, "{\"event\":\"CLOSE\",\"at\":\"" + now.plusSeconds(40) + "\"}");
    await().atMost(Duration.ofSeconds(5)).until(() -> events.count(device) == 2);
    assertThat(doorAlerts(orderId)).isEmpty();
    // five minutes before the declared window: an alert
    publish(device, "{\"event\":\"OPEN\",\"at\":\"" + now.minusSeconds(300) + "\"}");
    await().atMost(Duration.ofSeconds(5)).until(() -> doorAlerts(orderId).size() == 1);
  }

  @Test
  void garbageChangesNothingAndIsCountedByReason() {
    String orderId = homeIsolationOrder("门磁丙");
    String device = bind(orderId);
    publish(device, "{\"event\":\"CLOSE\",\"at\":\"" + Instant.now() + "\"}");
    await().atMost(Duration.ofSeconds(5)).until(() -> events.count(device) == 1);
    Map<String, String> garbage = Map.of(
        "not-json", "OPEN now!",
        "unknown-event", "{\"event\":\"SMASH\",\"at\":\"" + Instant.now() + "\"}",
        "bad-instant", "{\"event\":\"OPEN\",\"at\":\"yesterday\"}",
        "oversized", "{\"event\":\"OPEN\",\"at\":\"" + Instant.now() + "\",\"pad\":\"" + "x".repeat(2_000) + "\"}");
    for (Map.Entry<String, String> entry : garbage.entrySet()) {
      double before = rejected(entry.getKey());
      publish(device, entry.getValue());
      await().atMost(Duration.ofSeconds(5)).until(() -> rejected(entry.getKey()) == before + 1);
    }
    // a message of an unknown device that reached the platform anyway (an external broker) is counted, not stored
    double unknownBefore = rejected("unknown-device");
    assertThat(intake.accept("epicommand/doors/no-such-door-" + UUID.randomUUID(),
        ("{\"event\":\"OPEN\",\"at\":\"" + Instant.now() + "\"}").getBytes(StandardCharsets.UTF_8)).rejection())
        .isEqualTo(DoorEventIntake.Rejection.UNKNOWN_DEVICE);
    assertThat(rejected("unknown-device")).isEqualTo(unknownBefore + 1);

    assertThat(events.count(device)).isEqualTo(1);
    assertThat(doorAlerts(orderId)).isEmpty();
    JsonNode listed = api.as("community").get("/api/v1/quarantine/door-sensors?orderId=" + orderId).json();
    assertThat(listed.get("items").get(0).get("lastEvent").asString()).isEqualTo("CLOSE");
    // and the subscriber is still listening
    publish(device, "{\"event\":\"OPEN\",\"at\":\"" + Instant.now() + "\"}");
    await().atMost(Duration.ofSeconds(5)).until(() -> doorAlerts(orderId).size() == 1);
    assertThat(meters.find("epicommand.doors.accepted").tag("event", "OPEN").counter().count()).isPositive();
  }

  @Test
  void aSilentSensorIsOneAlertPerSilence() {
    String orderId = homeIsolationOrder("门磁丁");
    String device = bind(orderId);
    Instant now = Instant.now();
    silentWatch.check(now.plus(Duration.ofMinutes(29)));
    assertThat(alerts(orderId, "SENSOR_SILENT")).isEmpty();
    silentWatch.check(now.plus(Duration.ofMinutes(31)));
    assertThat(alerts(orderId, "SENSOR_SILENT")).hasSize(1);
    silentWatch.check(now.plus(Duration.ofMinutes(40)));
    assertThat(alerts(orderId, "SENSOR_SILENT")).hasSize(1);
    assertThat(api.as("community").get("/api/v1/quarantine/door-sensors?orderId=" + orderId).json()
        .get("items").get(0).get("silent").asBoolean()).isTrue();
    // a heartbeat ends the silence; the next one alerts again
    publish(device, "{\"event\":\"HEARTBEAT\",\"at\":\"" + now.plusSeconds(1) + "\"}");
    await().atMost(Duration.ofSeconds(5)).until(() -> events.count(device) == 1);
    assertThat(api.as("community").get("/api/v1/quarantine/door-sensors?orderId=" + orderId).json()
        .get("items").get(0).get("silent").asBoolean()).isFalse();
    silentWatch.check(now.plus(Duration.ofMinutes(45)));
    // the second silence counts on the alert still open for the half-day (a new one only across a half-day)
    assertThat(alerts(orderId, "SENSOR_SILENT").stream().mapToInt(a -> a.get("repeats").asInt()).sum()).isEqualTo(2);
  }

  @Test
  void sixOpeningsInEightMinutesAreOneAlertWithACountAndTheOrdersEndClosesIt() {
    String orderId = homeIsolationOrder("门磁频报");
    String device = bind(orderId);
    // six undeclared openings inside the current half-day (city zone), within the last 8 minutes
    java.time.ZonedDateTime local = Instant.now().atZone(java.time.ZoneId.of("Asia/Shanghai"));
    Instant halfStart = local.toLocalDate().atTime(local.getHour() < 12 ? java.time.LocalTime.MIDNIGHT
        : java.time.LocalTime.NOON).atZone(local.getZone()).toInstant();
    Instant last = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusMillis(10);
    Instant first = last.minus(Duration.ofMinutes(8)).isBefore(halfStart) ? halfStart.plusMillis(1)
        : last.minus(Duration.ofMinutes(8));
    long step = Duration.between(first, last).toMillis() / 5;
    for (int i = 0; i < 6; i++) {
      publish(device, "{\"event\":\"OPEN\",\"at\":\"" + (i == 5 ? last : first.plusMillis(step * i)) + "\"}");
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> events.count(device) == 6);
    List<JsonNode> alerts = doorAlerts(orderId);
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).get("repeats").asInt()).isEqualTo(6);
    assertThat(Instant.parse(alerts.get(0).get("lastAt").asString())).isEqualTo(last);
    // a repeat delivered again (QoS 1) is not counted twice
    publish(device, "{\"event\":\"OPEN\",\"at\":\"" + last + "\"}");
    await().atMost(Duration.ofSeconds(5)).until(() -> events.count(device) == 7);
    assertThat(doorAlerts(orderId).get(0).get("repeats").asInt()).isEqualTo(6);

    // the order ends as 转为病例: nothing stays open on it
    Api.Answer ended = api.as("district").post("/api/v1/quarantine/orders/" + orderId + "/end",
        Map.of("state", "BECAME_CASE", "note", "核酸阳性"));
    assertThat(ended.status()).as(ended.body()).isEqualTo(200);
    assertThat(doorAlerts(orderId)).isEmpty();
    JsonNode resolved = api.as("community").get("/api/v1/quarantine/alerts?kind=DOOR_OPENED&state=RESOLVED&size=500")
        .json().get("items");
    JsonNode closed = null;
    for (JsonNode alert : resolved) {
      if (alert.get("orderId").asString().equals(orderId)) {
        closed = alert;
      }
    }
    assertThat(closed).isNotNull();
    assertThat(closed.get("resolvedBy").asString()).isEqualTo("platform");
    assertThat(closed.get("note").asString()).isEqualTo("ORDER_ENDED BECAME_CASE");
    List<String> statuses = new ArrayList<>();
    ended.json().get("tests").forEach(t -> statuses.add(t.get("status").asString()));
    assertThat(statuses).doesNotContain("SCHEDULED").contains("CANCELLED");
    JsonNode order = api.as("community").get("/api/v1/quarantine/orders/" + orderId).json();
    order.get("tests").forEach(t -> {
      if (t.get("status").asString().equals("CANCELLED")) {
        assertThat(t.get("note").asString()).isEqualTo("ORDER_ENDED BECAME_CASE");
      }
    });
  }

  @Test
  void bindingFollowsJurisdictionAndOneSensorPerOpenOrder() {
    String orderId = homeIsolationOrder("门磁戊");
    String otherOrder = homeIsolationOrder("门磁己");
    String device = bind(orderId);
    // a second sensor for the same order, the same sensor for another open order: 409
    assertThat(api.as("community").post("/api/v1/quarantine/door-sensors",
        Map.of("deviceId", "door-" + UUID.randomUUID(), "orderId", orderId)).status()).isEqualTo(409);
    assertThat(api.as("community").post("/api/v1/quarantine/door-sensors",
        Map.of("deviceId", device, "orderId", otherOrder)).status()).isEqualTo(409);
    // binding again to the same order changes nothing
    assertThat(api.as("community").post("/api/v1/quarantine/door-sensors",
        Map.of("deviceId", device, "orderId", orderId)).status()).isEqualTo(201);
    // an order of another district is not there for the community worker
    String foreign = QuarantineFixtures.open(api, QuarantineFixtures.person(api, "门磁庚", OTHER_DISTRICT_COMMUNITY),
        "CLOSE_CONTACT", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), "TEN_MEASURES").get("id").asString();
    assertThat(api.as("community").post("/api/v1/quarantine/door-sensors",
        Map.of("deviceId", "door-" + UUID.randomUUID(), "orderId", foreign)).status()).isEqualTo(404);
    assertThat(api.as("community").post("/api/v1/quarantine/orders/" + foreign + "/door-declarations",
        Map.of("from", Instant.now().toString(), "minutes", 5)).status()).isEqualTo(404);
    Api.Answer badDevice = api.as("community").post("/api/v1/quarantine/door-sensors",
        Map.of("deviceId", "door/with/slashes", "orderId", orderId));
    assertThat(badDevice.status()).isEqualTo(400);
    assertThat(badDevice.body()).contains("deviceId");
    Api.Answer badMinutes = api.as("community").post("/api/v1/quarantine/orders/" + orderId + "/door-declarations",
        Map.of("from", Instant.now().toString(), "minutes", 0));
    assertThat(badMinutes.status()).isEqualTo(400);
    assertThat(badMinutes.body()).contains("minutes");
    Api.Answer late = api.as("community").post("/api/v1/quarantine/orders/" + orderId + "/door-declarations",
        Map.of("from", Instant.now().minus(Duration.ofHours(2)).toString(), "minutes", 5));
    assertThat(late.status()).isEqualTo(400);
    assertThat(late.body()).contains("from");
    // unbound, the device may serve the other order
    assertThat(api.as("community").delete("/api/v1/quarantine/door-sensors/" + device).status()).isEqualTo(204);
    assertThat(api.as("community").get("/api/v1/quarantine/door-sensors?orderId=" + orderId).json().get("items"))
        .isEmpty();
    assertThat(api.as("community").delete("/api/v1/quarantine/door-sensors/" + device).status()).isEqualTo(404);
    assertThat(api.as("community").post("/api/v1/quarantine/door-sensors",
        Map.of("deviceId", device, "orderId", otherOrder)).status()).isEqualTo(201);
  }

  @Test
  void eventsLandInThePartitionOfTheDayTheyArrived() {
    String orderId = homeIsolationOrder("门磁辛");
    String device = bind(orderId);
    publish(device, "{\"event\":\"HEARTBEAT\",\"at\":\"" + Instant.now() + "\"}");
    await().atMost(Duration.ofSeconds(5)).until(() -> events.count(device) == 1);
    String partition = jdbc.sql("select tableoid::regclass::text from quarantine_door_event where device_id = :d")
        .param("d", device).query(String.class).single();
    LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
    assertThat(partition).isEqualTo("quarantine_door_event_" + today.toString().replace("-", ""));
    // maintenance creates the days ahead once
    LocalDate later = today.plusDays(40);
    assertThat(events.ensurePartitions(later)).isEqualTo(9);
    assertThat(events.ensurePartitions(later)).isZero();
  }

  /** A figure for docs/performance.md: door events stored per second through broker, subscriber and database. */
  @Test
  void aBurstOfEventsIsAllStored() {
    List<String> devices = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      devices.add(bind(homeIsolationOrder("门磁批量" + i)));
    }
    int perDevice = 500;
    long started = System.nanoTime();
    for (int n = 0; n < perDevice; n++) {
      String at = Instant.now().toString();
      for (String device : devices) {
        publish(device, "{\"event\":\"HEARTBEAT\",\"at\":\"" + at + "\"}");
      }
    }
    long published = System.nanoTime();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
        .until(() -> devices.stream().mapToLong(events::count).sum() == (long) perDevice * devices.size());
    double seconds = (System.nanoTime() - started) / 1e9;
    double rate = perDevice * devices.size() / seconds;
    System.out.printf("door events: %d stored in %.2f s (%.0f/s; publishing took %.2f s)%n",
        perDevice * devices.size(), seconds, rate, (published - started) / 1e9);
    assertThat(rate).isGreaterThan(100);
  }

  String homeIsolationOrder(String name) {
    String personId = QuarantineFixtures.person(api, name, COMMUNITY);
    // TEN_MEASURES: close contacts in 5 days of home isolation
    return QuarantineFixtures.open(api, personId, "CLOSE_CONTACT", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")),
        "TEN_MEASURES").get("id")
        .asString();
  }

  String bind(String orderId) {
    return sensors.bind(orderId).deviceId();
  }

  void publish(String device, String payload) {
    assertThat(sensors.publish(device, payload).getError()).isEmpty();
  }

  double rejected(String reason) {
    return meters.find("epicommand.doors.rejected").tag("reason", reason).counter().count();
  }

  JsonNode doorAlert(String orderId) {
    List<JsonNode> alerts = doorAlerts(orderId);
    return alerts.isEmpty() ? null : alerts.get(0);
  }

  List<JsonNode> doorAlerts(String orderId) {
    return alerts(orderId, "DOOR_OPENED");
  }

  List<JsonNode> alerts(String orderId, String kind) {
    Api.Answer answer = api.as("community").get("/api/v1/quarantine/alerts?kind=" + kind + "&size=500");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    List<JsonNode> found = new ArrayList<>();
    answer.json().get("items").forEach(item -> {
      if (item.get("orderId").asString().equals(orderId)) {
        found.add(item);
      }
    });
    return found;
  }
}
