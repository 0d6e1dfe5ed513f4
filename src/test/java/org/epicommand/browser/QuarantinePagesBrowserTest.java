package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.SelectOption;
import java.util.Map;
import org.epicommand.quarantine.QuarantineFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The quarantine pages in Chromium: the site manager's phone, the personal phone page, the desk and sites. */
@EpiCommandTest
class QuarantinePagesBrowserTest {

  @Autowired
  Api api;

  /** A phone of 390 × 844 CSS pixels (the brief's target), touch, Chinese. */
  private static BrowserContext phone() {
    return Browser.get().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("zh-CN")
        .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2));
  }

  private static int scrollWidth(Page page) {
    return ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
  }

  @Test
  void aSiteManagerOnAPhoneChecksAPersonInAndRecordsAHealthCheck() {
    String code = "PH" + System.nanoTime() % 1_000_000_000L;
    String siteId = QuarantineFixtures.site(api, code, 201, 206);
    String name = "手机入住" + System.nanoTime() % 100_000;
    String person = QuarantineFixtures.person(api, name, QuarantineFixtures.COMMUNITY);
    JsonNode order = QuarantineFixtures.open(api, person, "CLOSE_CONTACT", QuarantineFixtures.today().minusDays(1), "V9");
    assertThat(order.get("state").asString()).isEqualTo("PENDING_TRANSFER");
    String orderId = order.get("id").asString();
    String roomId = QuarantineFixtures.room(api, siteId, "203");

    try (BrowserContext context = phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "site");
      page.navigate(api.baseUrl() + "/quarantine/sites/" + siteId);
      assertThat(page.locator("[data-testid=site-name]").textContent()).isEqualTo("测试隔离点" + code);
      assertThat(page.locator("[data-room='203']").getAttribute("data-state")).isEqualTo("FREE");
      assertThat(scrollWidth(page)).as("no sideways scrolling on the phone").isLessThanOrEqualTo(390);
      Browser.screenshot(page, "quarantine-site-phone-before");

      page.selectOption("#check-in-order", new SelectOption().setValue(orderId));
      page.selectOption("#check-in-room", new SelectOption().setValue(roomId));
      page.click("[data-testid=check-in]");
      page.waitForSelector("[data-testid=notice]");
      assertThat(page.locator("[data-testid=notice]").textContent()).isEqualTo("已入住");
      assertThat(page.locator("[data-room='203']").getAttribute("data-state")).isEqualTo("OCCUPIED");
      assertThat(page.locator("[data-room='203'] [data-testid=occupant]").textContent()).isEqualTo(name);

      page.click("[data-testid=health-203] summary");
      page.fill("[data-room='203'] input[name=temperature]", "36.8");
      page.check("[data-room='203'] input[name=symptoms][value=COUGH]");
      Browser.screenshot(page, "quarantine-site-phone-health-form");
      page.click("[data-room='203'] button[type=submit]");
      page.waitForSelector("[data-testid=notice]");
      assertThat(page.locator("[data-testid=notice]").textContent()).isEqualTo("健康监测已记录");
      assertThat(scrollWidth(page)).isLessThanOrEqualTo(390);
      Browser.screenshot(page, "quarantine-site-phone-after");
    }
    JsonNode placed = api.as("commander").get("/api/v1/quarantine/orders/" + orderId).json();
    assertThat(placed.get("state").asString()).isEqualTo("ACTIVE");
    assertThat(placed.get("siteId").asString()).isEqualTo(siteId);
    JsonNode check = api.as("commander").get("/api/v1/quarantine/orders/" + orderId + "/health-checks").json().get(0);
    assertThat(check.get("temperature").asString()).isEqualTo("36.8");
    assertThat(check.get("symptoms").get(0).asString()).isEqualTo("COUGH");
    assertThat(check.get("reportedBy").asString()).isEqualTo("STAFF");
  }

  @Test
  void thePersonReportsOnTheirPhoneAndAnExpiredLinkSaysSo() {
    String name = "本人填报" + System.nanoTime() % 100_000;
    String person = QuarantineFixtures.person(api, name, QuarantineFixtures.COMMUNITY);
    String orderId = QuarantineFixtures.open(api, person, "HIGH_RISK_AREA_ARRIVAL",
        QuarantineFixtures.today().minusDays(1), "TWENTY_MEASURES").get("id").asString();
    String token = api.as("commander").post("/api/v1/quarantine/orders/" + orderId + "/health-link", Map.of()).json()
        .get("token").asString();

    try (BrowserContext context = phone()) {
      Page page = context.newPage();
      Response opened = page.navigate(api.baseUrl() + "/public/h/" + token);
      assertThat(opened.status()).isEqualTo(200);
      assertThat(page.locator("[data-testid=self-name]").textContent()).isEqualTo(name);
      assertThat(page.locator("[data-testid=self-members]").textContent()).contains("未填报");
      assertThat(page.locator("[data-testid=self-submit]").boundingBox().height).as("a large touch target")
          .isGreaterThanOrEqualTo(48);
      assertThat(scrollWidth(page)).isLessThanOrEqualTo(390);
      Browser.screenshot(page, "quarantine-self-phone");

      page.fill("#self-temperature", "60");
      page.click("[data-testid=self-submit]");
      assertThat(page.locator("[data-field-error=temperature]").textContent()).contains("34", "43", "℃");
      page.fill("#self-temperature", "36.5");
      page.click("[data-testid=self-submit]");
      page.waitForSelector("[data-testid=self-thanks]");
      assertThat(page.locator("[data-testid=self-members]").textContent()).contains("已填报");
      Browser.screenshot(page, "quarantine-self-phone-thanks");

      api.as("commander").post("/api/v1/quarantine/orders/" + orderId + "/end", Map.of("state", "TRANSFERRED_OUT"));
      Response dead = page.navigate(api.baseUrl() + "/public/h/" + token);
      assertThat(dead.status()).isEqualTo(404);
      assertThat(page.locator("[data-testid=link-invalid] h1").textContent()).isEqualTo("链接已失效");
      assertThat(page.content()).doesNotContain(name);
      Browser.screenshot(page, "quarantine-self-phone-expired");
    }
    JsonNode check = api.as("commander").get("/api/v1/quarantine/orders/" + orderId + "/health-checks").json().get(0);
    assertThat(check.get("temperature").asString()).isEqualTo("36.5");
    assertThat(check.get("reportedBy").asString()).isEqualTo("SELF");
  }

  @Test
  void theDeskAndTheSitesWithTheCapacityChartOnADesktop() {
    QuarantineFixtures.site(api, "DK" + System.nanoTime() % 1_000_000_000L, 1, 30);
    String person = QuarantineFixtures.person(api, "工作台浏览" + System.nanoTime() % 100_000, QuarantineFixtures.COMMUNITY);
    QuarantineFixtures.open(api, person, "CLOSE_CONTACT", QuarantineFixtures.today().minusDays(1), "V9");
    try (BrowserContext context = Browser.context(false)) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "commander");
      page.navigate(api.baseUrl() + "/quarantine");
      assertThat(page.locator("[data-testid=work-lists] .card").count()).isEqualTo(5);
      assertThat(page.locator("[data-testid=count-AWAITING_TRANSFER] .value").textContent().strip()).isNotEqualTo("0");
      assertThat(page.locator("[data-testid=orders] tbody tr").count()).isGreaterThan(0);
      Browser.screenshot(page, "quarantine-desk");

      page.click("[data-testid=quarantine-subnav] >> text=隔离点");
      page.waitForSelector("#capacity-chart[data-rendered=true] canvas");
      assertThat(page.locator("[data-testid=capacity] tbody tr").count()).isGreaterThan(0);
      Browser.screenshot(page, "quarantine-sites");
    }
  }
}
