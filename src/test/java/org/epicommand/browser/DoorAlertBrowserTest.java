package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.epicommand.quarantine.QuarantineFixtures;
import org.epicommand.quarantine.internal.doors.DoorEventSubscriber;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The community worker's door screen on a phone: an opening published over MQTT appears by itself. */
@EpiCommandTest
class DoorAlertBrowserTest {

  @Autowired
  Api api;
  @Autowired
  DoorEventSubscriber subscriber;

  @Test
  void theCommunityWorkerSeesADoorAlertAppearAndAcknowledgesAndResolvesIt() {
    String name = "门磁浏览" + UUID.randomUUID().toString().substring(0, 4);
    String personId = QuarantineFixtures.person(api, name, QuarantineFixtures.COMMUNITY);
    String orderId = QuarantineFixtures.open(api, personId, "CLOSE_CONTACT",
        LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), "TEN_MEASURES")
        .get("id").asString();
    String device = "door-" + UUID.randomUUID();
    Api.Answer bound = api.as("community").post("/api/v1/quarantine/door-sensors",
        Map.of("deviceId", device, "orderId", orderId));
    assertThat(bound.status()).isEqualTo(201);
    byte[] password = bound.json().get("mqttPassword").asString().getBytes(StandardCharsets.UTF_8);
    await().atMost(Duration.ofSeconds(15)).until(subscriber::subscribed);

    try (BrowserContext context = Browser.context(true)) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "community");
      page.navigate(api.baseUrl() + "/quarantine/alerts/doors");
      assertThat(page.locator("h1").textContent()).isEqualTo("门磁告警");
      Locator card = page.locator("[data-testid=door-alert]").filter(new Locator.FilterOptions().setHasText(name));
      assertThat(card.count()).isZero();

      Mqtt5BlockingClient sensor = Mqtt5Client.builder().identifier("browser-sensor-" + UUID.randomUUID())
          .serverHost(subscriber.host()).serverPort(subscriber.port()).buildBlocking();
      sensor.connectWith().simpleAuth().username(device).password(password).applySimpleAuth().send();
      long sent = System.nanoTime();
      sensor.publishWith().topic("epicommand/doors/" + device).qos(MqttQos.AT_LEAST_ONCE)
          .payload(("{\"event\":\"OPEN\",\"at\":\"" + Instant.now() + "\"}").getBytes(StandardCharsets.UTF_8)).send();
      sensor.disconnect();
      // no reload: the screen polls every 3 s
      card.waitFor(new Locator.WaitForOptions().setTimeout(10_000));
      long millis = Duration.ofNanos(System.nanoTime() - sent).toMillis();
      assertThat(millis).as("on screen after %d ms", millis).isLessThan(8_000);
      assertThat(card.textContent()).contains("未报备开门").contains(device);
      assertThat(card.getAttribute("data-state")).isEqualTo("OPEN");
      // fits a phone: nothing wider than the screen
      assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")).isTrue();
      Browser.screenshot(page, "door-alert-phone");

      card.locator("[data-testid=door-acknowledge]").click();
      page.waitForCondition(() -> "ACKNOWLEDGED".equals(card.getAttribute("data-state")));
      assertThat(card.locator("[data-testid=door-alert-state]").textContent()).contains("已确认").contains("community");
      Browser.screenshot(page, "door-alert-acknowledged");

      card.locator("[data-testid=door-note]").fill("已电话核实，本人取外卖后已回屋");
      card.locator("[data-testid=door-resolve]").click();
      page.waitForCondition(() -> card.count() == 0);
    }
    String state = api.as("community").get("/api/v1/quarantine/alerts?state=RESOLVED&kind=DOOR_OPENED&size=500")
        .json().get("items").valueStream().filter(a -> a.get("orderId").asString().equals(orderId))
        .map(a -> a.get("state").asString() + ":" + a.get("note").asString()).findFirst().orElse("none");
    assertThat(state).isEqualTo("RESOLVED:已电话核实，本人取外卖后已回屋");
  }
}
