package org.epicommand.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.quarantine.QuarantineFixtures.COMMUNITY;
import static org.epicommand.quarantine.QuarantineFixtures.open;
import static org.epicommand.quarantine.QuarantineFixtures.person;
import static org.epicommand.quarantine.QuarantineFixtures.today;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@EpiCommandTest
class HealthCheckApiTest {

  @Autowired
  Api api;
  @Autowired
  HealthChecks healthChecks;

  /** A V9 secondary contact exposed two days ago: tests on days 1, 4, 7 — none today. */
  String order(String name, String address) {
    return open(api, person(api, name, COMMUNITY, address), "SECONDARY_CONTACT", today().minusDays(2), "V9")
        .get("id").asString();
  }

  String token(String orderId) {
    Api.Answer link = api.as("community").post("/api/v1/quarantine/orders/" + orderId + "/health-link", Map.of());
    assertThat(link.status()).isEqualTo(201);
    assertThat(link.json().get("path").asString()).startsWith("/public/h/");
    return link.json().get("token").asString();
  }

  List<JsonNode> alerts(String orderId, String kind) {
    JsonNode page = api.as("community").get("/api/v1/quarantine/alerts?size=500&kind=" + kind).json();
    return java.util.stream.StreamSupport.stream(page.get("items").spliterator(), false)
        .filter(a -> a.get("orderId").asString().equals(orderId)).toList();
  }

  @Test
  void aFeverFromStaffRaisesAnAlertAndARetestToday() {
    String orderId = order("发热甲", "发热路1号");
    Api.Answer check = api.as("community").post("/api/v1/quarantine/orders/" + orderId + "/health-checks",
        Map.of("temperature", 37.8, "symptoms", List.of("COUGH")));
    assertThat(check.status()).as(check.body()).isEqualTo(201);
    assertThat(check.json().get("reportedBy").asString()).isEqualTo("STAFF");
    assertThat(alerts(orderId, "FEVER")).hasSize(1);
    assertThat(alerts(orderId, "SYMPTOMS")).hasSize(1);
    JsonNode order = api.as("community").get("/api/v1/quarantine/orders/" + orderId).json();
    assertThat(order.get("tests")).anySatisfy(t -> {
      assertThat(t.get("extra").asBoolean()).isTrue();
      assertThat(t.get("date").asString()).isEqualTo(today().toString());
      assertThat(t.get("note").asString()).isEqualTo("FEVER");
    });
    // a normal check raises nothing new
    api.as("community").post("/api/v1/quarantine/orders/" + orderId + "/health-checks", Map.of("temperature", 36.6));
    assertThat(alerts(orderId, "FEVER")).hasSize(1);
  }

  @Test
  void impossibleTemperaturesAreFieldErrors() {
    String orderId = order("体温乙", "体温路2号");
    for (Object temperature : List.of(60, 20.5, 36.55, "warm")) {
      Api.Answer answer = api.as("community").post("/api/v1/quarantine/orders/" + orderId + "/health-checks",
          Map.of("temperature", temperature));
      assertThat(answer.status()).as(String.valueOf(temperature)).isEqualTo(400);
    }
    Api.Answer none = api.as("community").post("/api/v1/quarantine/orders/" + orderId + "/health-checks", Map.of());
    assertThat(none.json().get("errors").get(0).get("field").asString()).isEqualTo("temperature");
  }

  @Test
  void thePersonalLinkReportsWithoutLoginAndAHouseholdHeadReportsForDependants() {
    String address = "同户健康路" + UUID.randomUUID().toString().substring(0, 6) + "号";
    String head = order("户主丙", address);
    String child = order("户员丁", address);
    String token = token(head);
    JsonNode link = api.anonymous().get("/api/v1/public/health-links/" + token).json();
    assertThat(link.get("personName").asString()).isEqualTo("户主丙");
    assertThat(link.get("members")).extracting(m -> m.get("personName").asString())
        .containsExactlyInAnyOrder("户主丙", "户员丁");
    Api.Answer self = api.anonymous().post("/api/v1/public/health-links/" + token + "/health-checks",
        Map.of("temperature", 36.5));
    assertThat(self.status()).as(self.body()).isEqualTo(201);
    assertThat(self.json().get("reportedBy").asString()).isEqualTo("SELF");
    Api.Answer forChild = api.anonymous().post("/api/v1/public/health-links/" + token + "/health-checks",
        Map.of("temperature", 36.7, "forOrderId", child));
    assertThat(forChild.json().get("reportedBy").asString()).isEqualTo("HOUSEHOLD");
    assertThat(api.as("community").get("/api/v1/quarantine/orders/" + child + "/health-checks").json())
        .anySatisfy(c -> assertThat(c.get("reportedBy").asString()).isEqualTo("HOUSEHOLD"));
    // a stranger's order cannot be reported through this link
    String stranger = order("外人戊", "外人路5号");
    assertThat(api.anonymous().post("/api/v1/public/health-links/" + token + "/health-checks",
        Map.of("temperature", 36.7, "forOrderId", stranger)).status()).isEqualTo(400);
    // the 60 °C report is refused here too
    assertThat(api.anonymous().post("/api/v1/public/health-links/" + token + "/health-checks",
        Map.of("temperature", 60)).status()).isEqualTo(400);
  }

  @Test
  void aForeignReplacedOrExpiredTokenIsNotFound() {
    String orderId = order("过期己", "过期路6号");
    String first = token(orderId);
    String second = token(orderId);
    assertThat(api.anonymous().get("/api/v1/public/health-links/" + second).status()).isEqualTo(200);
    assertThat(api.anonymous().get("/api/v1/public/health-links/" + first).status()).as("replaced").isEqualTo(404);
    assertThat(api.anonymous().get("/api/v1/public/health-links/" + "x".repeat(43)).status()).isEqualTo(404);
    assertThat(api.anonymous().get("/api/v1/public/health-links/abc").status()).isEqualTo(404);
    api.as("community").post("/api/v1/quarantine/orders/" + orderId + "/end", Map.of("state", "TRANSFERRED_OUT"));
    Api.Answer expired = api.anonymous().post("/api/v1/public/health-links/" + second + "/health-checks",
        Map.of("temperature", 36.5));
    assertThat(expired.status()).as("order ended").isEqualTo(404);
    assertThat(expired.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void aHalfDayWithoutACheckRaisesOneMissedCheckAlertAndARetest() {
    String orderId = order("漏报庚", "漏报路7号");
    Instant tomorrowMorning = today().plusDays(1).atTime(8, 0).atZone(java.time.ZoneId.of("Asia/Shanghai"))
        .toInstant();
    assertThat(healthChecks.raiseMissed(tomorrowMorning)).isPositive();
    healthChecks.raiseMissed(tomorrowMorning.plus(10, ChronoUnit.MINUTES));
    // today's afternoon, raised once though the job ran twice (an order opened before noon also
    // missed this morning's check: then that is the second alert)
    List<JsonNode> all = alerts(orderId, "MISSED_CHECK");
    List<JsonNode> missed = all.stream().filter(a -> a.get("detail").asString().equals(today() + "/PM")).toList();
    assertThat(missed).hasSize(1);
    boolean openedBeforeNoon = java.time.LocalTime.now(java.time.ZoneId.of("Asia/Shanghai"))
        .isBefore(java.time.LocalTime.NOON);
    assertThat(all).hasSize(openedBeforeNoon ? 2 : 1);
    JsonNode order = api.as("community").get("/api/v1/quarantine/orders/" + orderId).json();
    assertThat(order.get("tests")).anySatisfy(t -> {
      assertThat(t.get("note").asString()).isEqualTo("MISSED_CHECK");
      assertThat(t.get("date").asString()).isEqualTo(today().plusDays(1).toString());
    });
    // acknowledged, then resolved with a note; resolving again is refused
    String alertId = missed.get(0).get("id").asString();
    assertThat(api.as("community").post("/api/v1/quarantine/alerts/" + alertId + "/acknowledge", Map.of())
        .json().get("state").asString()).isEqualTo("ACKNOWLEDGED");
    assertThat(api.as("community").post("/api/v1/quarantine/alerts/" + alertId + "/resolve", Map.of()).status())
        .as("a note is required").isEqualTo(400);
    Api.Answer resolved = api.as("community").post("/api/v1/quarantine/alerts/" + alertId + "/resolve",
        Map.of("note", "电话联系，已补报"));
    assertThat(resolved.json().get("state").asString()).isEqualTo("RESOLVED");
    assertThat(resolved.json().get("resolvedBy").asString()).isEqualTo("community");
    assertThat(api.as("community").post("/api/v1/quarantine/alerts/" + alertId + "/resolve",
        Map.of("note", "again")).status()).isEqualTo(409);
  }
}
