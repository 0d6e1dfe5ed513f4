package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.epicommand.labtest.LabtestFixtures.RESULTS_HEADER;
import static org.epicommand.labtest.LabtestFixtures.TUBES_HEADER;
import static org.epicommand.labtest.LabtestFixtures.persons;
import static org.epicommand.labtest.LabtestFixtures.tubeRows;
import static org.epicommand.labtest.LabtestFixtures.upload;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.labtest.LabtestFixtures.Member;
import org.epicommand.quarantine.QuarantineFixtures;
import org.epicommand.quarantine.internal.doors.DoorEventSubscriber;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every role's home in Chromium: the community worker on a phone works a retest and a door alert from
 * the cards of their home; each role's home at 390 and 1366 px (screenshots in target/screenshots).
 */
@EpiCommandTest
class HomeBrowserTest {

  static final String COMMUNITY = QuarantineFixtures.COMMUNITY;
  static final List<String> ROLES = List.of("commander", "cdc", "district", "community", "lab", "site", "inspector",
      "admin", "security", "auditor");

  @Autowired
  Api api;
  @Autowired
  DoorEventSubscriber subscriber;

  @Test
  void aCommunityWorkerOnAPhoneWorksARetestAndADoorAlertFromTheirHome() {
    // a positive pool puts one of the community's residents on the retest list
    String tag = Long.toString(System.nanoTime() % 1_000_000_000L);
    Member retested = persons(api, 1, COMMUNITY).get(0);
    String pool = "HP" + tag;
    upload(api, "lab", "tubes", TUBES_HEADER + tubeRows(pool, "POOL_5", List.of(retested), "S" + COMMUNITY,
        "2022-11-21T08:00:00+08:00"));
    upload(api, "lab", "results", RESULTS_HEADER + pool + ",POSITIVE,24.0,25.5,LAB01,2022-11-21T15:00:00+08:00\n");
    // a person isolated at home whose door opens undeclared
    String name = "首页门磁" + UUID.randomUUID().toString().substring(0, 4);
    String personId = QuarantineFixtures.person(api, name, COMMUNITY);
    String orderId = QuarantineFixtures.open(api, personId, "CLOSE_CONTACT", QuarantineFixtures.today(),
        "TEN_MEASURES").get("id").asString();
    String device = "door-" + UUID.randomUUID();
    Api.Answer bound = api.as("community").post("/api/v1/quarantine/door-sensors",
        Map.of("deviceId", device, "orderId", orderId));
    assertThat(bound.status()).isEqualTo(201);
    await().atMost(Duration.ofSeconds(15)).until(subscriber::subscribed);
    open(device, bound.json().get("mqttPassword").asString());
    await().atMost(Duration.ofSeconds(10)).until(() -> api.as("community")
        .get("/api/v1/quarantine/alerts?kind=DOOR_OPENED&size=500").body().contains(orderId));

    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "community");
      // the community worker lands on their home, not on the person list
      assertThat(page.url()).isEqualTo(api.baseUrl() + "/");
      page.waitForSelector("[data-testid=widget-labtest]");
      page.waitForSelector("[data-testid=widget-quarantine]");
      page.waitForSelector("[data-testid=widget-movement]");
      assertThat(figure(page, "home.widget.labtest.retests")).isPositive();
      int doors = figure(page, "home.widget.quarantine.doors");
      assertThat(doors).isPositive();
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "home-community-work-390");

      // the door alert: from the card to the door screen, acknowledged and resolved there
      page.click("[data-testid='tally-home.widget.quarantine.doors']");
      page.waitForURL(url -> url.endsWith("/quarantine/alerts/doors"));
      Locator card = page.locator("[data-testid=door-alert]").filter(new Locator.FilterOptions().setHasText(name));
      card.waitFor();
      card.locator("[data-testid=door-acknowledge]").click();
      page.waitForCondition(() -> "ACKNOWLEDGED".equals(card.getAttribute("data-state")));
      card.locator("[data-testid=door-note]").fill("已上门核实，本人在家");
      card.locator("[data-testid=door-resolve]").click();
      page.waitForCondition(() -> card.count() == 0);
      page.click("a.navbar-brand");
      page.waitForURL(url -> url.equals(api.baseUrl() + "/"));
      page.waitForSelector("[data-testid=widget-quarantine]");
      assertThat(figure(page, "home.widget.quarantine.doors")).as("one door alert fewer").isEqualTo(doors - 1);

      // the retest: from the card to the list, where the person is found and opened
      page.click("[data-testid='tally-home.widget.labtest.retests']");
      page.waitForURL(url -> url.contains("/labtest/retests"));
      Locator row = page.locator("[data-person='" + retested.personId() + "']");
      for (int i = 0; i < 40 && row.count() == 0; i++) {
        page.click("[data-testid=pager-next]");
        page.waitForLoadState();
      }
      assertThat(row.locator("[data-testid=retest-pool]").textContent()).isEqualTo(pool);
      row.locator("[data-testid=retest-name]").click();
      page.waitForURL(url -> url.endsWith("/persons/" + retested.personId()));
      Browser.screenshot(page, "home-community-retest-person-390");
    }
    // the single-tube retest comes back negative: the person leaves the list the card counts
    String single = "HS" + tag;
    upload(api, "lab", "tubes", TUBES_HEADER + tubeRows(single, "SINGLE", List.of(retested), "S" + COMMUNITY,
        "2022-11-22T08:00:00+08:00"));
    upload(api, "lab", "results", RESULTS_HEADER + single + ",NEGATIVE,,,LAB01,2022-11-22T15:00:00+08:00\n");
    assertThat(retestsOf("community")).doesNotContain(retested.personId());
  }

  @Test
  void everyRoleHasAHomeOfItsOwnAtBothWidths() {
    for (String role : ROLES) {
      for (int width : new int[] {390, 1366}) {
        try (BrowserContext context = width < 500 ? Browser.phone() : Browser.context(1366, 860, false, "zh-CN")) {
          Page page = context.newPage();
          Browser.login(page, api.baseUrl(), role);
          assertThat(page.url()).as(role + " lands home").isEqualTo(api.baseUrl() + "/");
          page.waitForSelector("[data-testid=home-cards]");
          page.waitForFunction("() => document.querySelectorAll('.home-card-loading').length === 0");
          int cards = page.locator("[data-testid=home-cards] > .card").count();
          assertThat(cards).as(role + " has cards of their own work").isPositive();
          assertThat(Browser.scrollWidth(page)).as(role + " at " + width).isLessThanOrEqualTo(width);
          if (width > 500) {
            int height = ((Number) page.evaluate("document.documentElement.scrollHeight")).intValue();
            // under two and a half screens of the 860-px window: the commander's home holds a card per working
            // group (fifteen, two to a row, each a few figures high)
            assertThat(height).as(role + "'s home is no long page").isLessThan(2100);
            assertThat(page.locator(".app-nav a.nav-link.active").count()).as("one active entry").isEqualTo(1);
          }
          Browser.screenshot(page, "home-" + role + "-" + width);
        }
      }
    }
  }

  /** The sensor reports an opening with the credentials the platform gave it when it was bound. */
  private void open(String device, String password) {
    Mqtt5BlockingClient sensor = Mqtt5Client.builder().identifier("home-sensor-" + UUID.randomUUID())
        .serverHost(subscriber.host()).serverPort(subscriber.port()).buildBlocking();
    sensor.connectWith().simpleAuth().username(device).password(password.getBytes(StandardCharsets.UTF_8))
        .applySimpleAuth().send();
    sensor.publishWith().topic("epicommand/doors/" + device).qos(MqttQos.AT_LEAST_ONCE)
        .payload(("{\"event\":\"OPEN\",\"at\":\"" + Instant.now() + "\"}").getBytes(StandardCharsets.UTF_8)).send();
    sensor.disconnect();
  }

  private String retestsOf(String user) {
    StringBuilder all = new StringBuilder();
    for (int page = 0; page < 20; page++) {
      var answer = api.as(user).get("/api/v1/retests?jurisdiction=" + COMMUNITY + "&size=500&page=" + page).json();
      all.append(answer.get("items").toString());
      if (!answer.get("hasMore").asBoolean()) {
        break;
      }
    }
    return all.toString();
  }

  /** The figure of a home card's tally (100+ counts as 100). */
  static int figure(Page page, String key) {
    String text = page.locator("[data-testid='tally-" + key + "'] div").first().textContent().strip();
    return Integer.parseInt(text.replace("+", ""));
  }

  static int scrollWidth(Page page) {
    return ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
  }
}
