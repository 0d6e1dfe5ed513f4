package org.epicommand.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The big screen's one request: the dashboard's figures, the district map for a shared screen and the focus. */
@EpiCommandTest
class BigScreenApiTest {

  @Autowired
  Api api;

  @Test
  void theKioskReadsTheDaysFiguresTheMapAndTheFocusInOneRequest() {
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      JsonNode screen = api.as("kiosk").get("/api/v1/screen").json();
      JsonNode dashboard = api.as("commander").get("/api/v1/analytics/dashboard").json();
      JsonNode today = dashboard.get("today");
      assertThat(screen.get("cases").get("local").asLong())
          .isEqualTo(today.get("localConfirmed").asLong() + today.get("localAsymptomatic").asLong());
      assertThat(screen.get("cases").get("society").asLong()).isEqualTo(
          today.get("localConfirmedSociety").asLong() + today.get("localAsymptomaticSociety").asLong());
      assertThat(screen.get("cases").get("societyZero").asBoolean()).isEqualTo(dashboard.get("societyZero")
          .asBoolean());
      assertThat(screen.get("underManagement").asLong()).isEqualTo(dashboard.get("underManagement").asLong());
      long rooms = dashboard.get("capacity").valueStream().mapToLong(c -> c.get("rooms").asLong()).sum();
      assertThat(screen.get("rooms").get("total").asLong()).isEqualTo(rooms);
    });
    JsonNode screen = api.as("kiosk").get("/api/v1/screen").json();
    assertThat(screen.get("areaName").asString()).isEqualTo("滨江市");
    assertThat(screen.get("map").get("areas").get("features").size()).isEqualTo(6);
    assertThat(screen.get("map").get("shared").asBoolean()).isTrue();
    assertThat(screen.get("districts").size()).isEqualTo(6);
    List<JsonNode> focus = screen.get("focus").valueStream().toList();
    assertThat(focus).allMatch(f -> f.get("localToday").asLong() > 0);
    for (int i = 1; i < focus.size(); i++) {
      assertThat(focus.get(i - 1).get("societyToday").asLong()).isGreaterThanOrEqualTo(focus.get(i).get("societyToday")
          .asLong());
    }
    JsonNode overdue = screen.get("overdue");
    assertThat(overdue.get("total").asLong()).isEqualTo(overdue.get("openAlerts").asLong()
        + overdue.get("awaitingTransfer").asLong() + overdue.get("missedChecks").asLong()
        + overdue.get("pushedNames").asLong() + overdue.get("tasks").asLong());
    assertThat(screen.get("pushed").get("pushed").asLong()).isGreaterThanOrEqualTo(screen.get("pushed").get("landed")
        .asLong());
    assertThat(screen.get("curve").get("days").size()).isEqualTo(BigScreen.CURVE_DAYS);
    assertThat(screen.get("overlays").get("places").size()).isPositive();
  }

  @Test
  void commandersOpenTheScreenTooAndTheKioskNothingElse() {
    assertThat(api.as("commander").get("/api/v1/screen").status()).isEqualTo(200);
    assertThat(api.as("district").get("/api/v1/screen").json().get("map").get("code").asString())
        .isEqualTo(DemoPlaces.DISTRICT);
    assertThat(api.as("lab").get("/api/v1/screen").status()).isEqualTo(403);
    assertThat(api.as("kiosk").get("/api/v1/analytics/dashboard").status()).isEqualTo(403);
    assertThat(api.as("kiosk").get("/api/v1/persons").status()).isEqualTo(403);
    assertThat(api.as("kiosk").get("/api/v1/cases").status()).isEqualTo(403);
  }
}
