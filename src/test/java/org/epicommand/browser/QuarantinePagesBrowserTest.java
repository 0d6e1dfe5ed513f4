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

  /** Submits a form and waits until the page it leads to has loaded completely. */
  @SuppressWarnings("deprecation")
  private static void submit(Page page, Runnable click) {
    page.waitForNavigation(click);
    page.waitForLoadState();
  }


  @Test
  void aSiteManagerOnAPhoneChecksAPersonInAndRecordsAHealthCheck() {
    String code = "PH" + System.nanoTime() % 1_000_000_000L;
    String siteId = QuarantineFixtures.site(api, code, 201, 206);
    String name = "手机入住" + System.nanoTime() % 100_000;
    String person = QuarantineFixtures.person(api, name, QuarantineFixtures.COMMUNITY);
    JsonNode order = QuarantineFixtures.open(api, person, "CLOSE_CONTACT", QuarantineFixtures.today().minusDays(1),
        "V9");
    assertThat(order.get("state").asString()).isEqualTo("PENDING_TRANSFER");
    String orderId = order.get("id").asString();
    String roomId = QuarantineFixtures.room(api, siteId, "203");

    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "site");
      page.navigate(api.baseUrl() + "/quarantine/sites/" + siteId);
      assertThat(page.locator("[data-testid=site-name]").textContent()).isEqualTo("测试隔离点" + code);
      assertThat(page.locator("[data-room='203']").getAttribute("data-state")).isEqualTo("FREE");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "quarantine-site-phone-before");

      page.selectOption("#check-in-order", new SelectOption().setValue(orderId));
      page.selectOption("#check-in-room", new SelectOption().setValue(roomId));
      submit(page, () -> page.click("[data-testid=check-in]"));
      page.waitForSelector("[data-testid=notice]");
      assertThat(page.locator("[data-testid=notice]").textContent()).isEqualTo("已入住");
      assertThat(page.locator("[data-room='203']").getAttribute("data-state")).isEqualTo("OCCUPIED");
      assertThat(page.locator("[data-room='203'] [data-testid=occupant]").textContent()).isEqualTo(name);

      page.click("[data-testid=health-203] summary");
      page.fill("[data-room='203'] input[name=temperature]", "36.8");
      page.check("[data-room='203'] input[name=symptoms][value=COUGH]");
      Browser.screenshot(page, "quarantine-site-phone-health-form");
      submit(page, () -> page.click("[data-room='203'] button[type=submit]"));
      page.waitForSelector("[data-testid=notice]");
      assertThat(page.locator("[data-testid=notice]").textContent()).isEqualTo("健康监测已记录");
      Browser.fitsThePhone(page);
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

    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Response opened = page.navigate(api.baseUrl() + "/public/h/" + token);
      assertThat(opened.status()).isEqualTo(200);
      assertThat(page.locator("[data-testid=self-name]").textContent()).isEqualTo(name);
      assertThat(page.locator("[data-testid=self-members]").textContent()).contains("未填报");
      assertThat(page.locator("[data-testid=self-submit]").boundingBox().height).as("a large touch target")
          .isGreaterThanOrEqualTo(48);
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "quarantine-self-phone");

      page.fill("#self-temperature", "60");
      submit(page, () -> page.click("[data-testid=self-submit]"));
      assertThat(page.locator("[data-field-error=temperature]").textContent()).contains("34", "43", "℃");
      page.fill("#self-temperature", "36.5");
      submit(page, () -> page.click("[data-testid=self-submit]"));
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

  @Test
  void aCommanderOpensAnOrderRecordsAFeverHandlesTheAlertAndTransfersAPerson() {
    String name = "全流程" + System.nanoTime() % 100_000;
    String person = QuarantineFixtures.person(api, name, QuarantineFixtures.COMMUNITY);
    String code = "TR" + System.nanoTime() % 1_000_000_000L;
    String siteId = QuarantineFixtures.site(api, code, 301, 303);
    String room = QuarantineFixtures.room(api, siteId, "302");
    try (BrowserContext context = Browser.context(false)) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "commander");
      page.navigate(api.baseUrl() + "/quarantine/orders/new?personId=" + person);
      assertThat(page.locator("[data-testid=picker-chosen]").textContent()).contains(name);
      page.fill("#anchorDate", QuarantineFixtures.today().minusDays(1).toString());
      page.selectOption("#ruleSet", new SelectOption().setValue("V9"));
      submit(page, () -> page.click("[data-testid=open-order]"));
      page.waitForSelector("[data-testid=order-person]");
      assertThat(page.locator("[data-testid=order-person]").textContent()).isEqualTo(name);
      assertThat(page.locator("[data-testid=phases] li").count()).isEqualTo(2);
      String orderId = page.url().substring(page.url().lastIndexOf('/') + 1);

      submit(page, () -> page.click("[data-testid=issue-link]"));
      assertThat(page.locator("[data-testid=link-url]").inputValue()).matches("http://.*/public/h/[A-Za-z0-9_-]{43}");
      page.fill("#temperature", "38.2");
      submit(page, () -> page.click("[data-testid=health-form] button[type=submit]"));
      assertThat(page.locator("[data-testid=notice]").textContent()).isEqualTo("健康监测已记录");
      assertThat(page.locator("[data-testid=health-history] tbody tr").first().textContent()).contains("38.2");
      Browser.screenshot(page, "quarantine-order");

      page.navigate(api.baseUrl() + "/quarantine/alerts?kind=FEVER");
      String alert = "[data-kind=FEVER]:has(a:text('" + name + "'))";
      submit(page, () -> page.locator(alert + " [data-testid=acknowledge]").click());
      assertThat(page.locator(alert).getAttribute("data-state")).isEqualTo("ACKNOWLEDGED");
      Browser.screenshot(page, "quarantine-alerts");
      page.locator(alert + " input[name=note]").fill("已安排复核");
      submit(page, () -> page.locator(alert + " [data-testid=resolve]").click());
      assertThat(page.locator("[data-testid=notice]").textContent()).isEqualTo("告警已处置");
      assertThat(page.locator(alert).count()).isZero();

      page.navigate(api.baseUrl() + "/quarantine/trips");
      page.fill("#trip-vehicle", "滨A" + code.substring(2, 7));
      page.fill("#trip-driver", "王师傅");
      page.selectOption("#trip-site", new SelectOption().setValue(siteId));
      page.check("#w-" + orderId);
      submit(page, () -> page.click("[data-testid=plan-trip]"));
      assertThat(page.locator("[data-testid=notice]").textContent()).isEqualTo("转运已安排");
      String trip = "[data-trip]:has-text('" + "滨A" + code.substring(2, 7) + "')";
      submit(page, () -> page.locator(trip + " [data-testid=dispatch]").click());
      submit(page, () -> page.locator(trip + " [data-testid=pick-up]").click());
      submit(page, () -> page.locator(trip + " [data-testid=arrive]").click());
      page.locator(trip + " select[name='room." + orderId + "']").selectOption(new SelectOption().setValue(room));
      Browser.screenshot(page, "quarantine-trips");
      submit(page, () -> page.locator(trip + " [data-testid=trip-check-in]").click());
      assertThat(page.locator(trip).getAttribute("data-state")).isEqualTo("CHECKED_IN");
    }
    JsonNode order = api.as("commander").get("/api/v1/quarantine/orders?state=ACTIVE&jurisdiction="
        + QuarantineFixtures.COMMUNITY + "&size=500").json();
    boolean placed = false;
    for (JsonNode o : order.get("items")) {
      placed |= o.get("personId").asString().equals(person) && siteId.equals(o.get("siteId").asString());
    }
    assertThat(placed).as("checked in at the trip's site").isTrue();
  }

  @Test
  void theRuleSetsReadAsTablesAndAnAdministratorSeesTheForm() {
    try (BrowserContext context = Browser.context(false)) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "admin");
      page.navigate(api.baseUrl() + "/quarantine/rule-sets?base=V8");
      assertThat(page.locator("[data-rule-set=V9] tbody").textContent()).contains("集中隔离医学观察 7 天");
      // phases as rows of a regime (by its name) and days, no REGIME:days strings
      assertThat(page.locator("select[name='rules.CLOSE_CONTACT.phases[0].regime'] option:checked").textContent())
          .isEqualTo("集中隔离医学观察");
      assertThat(page.locator("input[name='rules.CLOSE_CONTACT.phases[0].days']").inputValue()).isEqualTo("14");
      assertThat(page.locator("select[name='rules.CLOSE_CONTACT.phases[1].regime']").inputValue())
          .isEqualTo("HOME_MONITORING");
      assertThat(page.locator("input[name='rules.CLOSE_CONTACT.phases[1].days']").inputValue()).isEqualTo("7");
      assertThat(page.locator("[data-testid=rule-set-form]").textContent()).doesNotContain("CENTRALIZED:");
      // ed. 8 has three levels: the steps of two levels are hidden, and shown when two levels are picked
      assertThat(page.locator("[data-rule-set=V9] [data-testid=rule-set-levels]").textContent())
          .contains("高、中、低三级", "高→中 7 天", "中→低（由高降中） 3 天");
      assertThat(page.locator("#rs-highToMedium").inputValue()).isEqualTo("7");
      assertThat(page.locator("#rs-highToLow").isVisible()).isFalse();
      page.selectOption("#rs-levels", "HIGH_LOW");
      assertThat(page.locator("#rs-highToLow").isVisible()).isTrue();
      assertThat(page.locator("#rs-highToMedium").isVisible()).isFalse();
      page.selectOption("#rs-levels", "HIGH_MEDIUM_LOW");
      Browser.screenshot(page, "quarantine-rule-sets");
    }
  }

  @Test
  void onTheOrderPageTheRoomsOfTheChosenSiteLoadAndACheckInFollows() {
    String code = "OD" + System.nanoTime() % 1_000_000_000L;
    String siteId = QuarantineFixtures.site(api, code, 401, 402);
    String person = QuarantineFixtures.person(api, "订单入住" + System.nanoTime() % 100_000, QuarantineFixtures.COMMUNITY);
    String orderId = QuarantineFixtures.open(api, person, "CLOSE_CONTACT", QuarantineFixtures.today().minusDays(1),
        "V9")
        .get("id").asString();
    String room = QuarantineFixtures.room(api, siteId, "402");
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "site");
      page.navigate(api.baseUrl() + "/quarantine/orders/" + orderId);
      assertThat(page.locator("[data-testid=end-form]").count()).as("a site manager ends no orders").isZero();
      page.selectOption("#check-in-site", new SelectOption().setValue(siteId));
      page.waitForSelector("#check-in-room option[value='" + room + "']", new Page.WaitForSelectorOptions()
          .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
      assertThat(page.locator("#check-in-room option").count()).isEqualTo(3);
      page.selectOption("#check-in-room", new SelectOption().setValue(room));
      submit(page, () -> page.click("[data-testid=check-in-form] button[type=submit]"));
      assertThat(page.locator("[data-testid=notice]").textContent()).isEqualTo("已入住");
      assertThat(page.locator("[data-testid=site-release]").count()).isEqualTo(1);
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "quarantine-order-phone-checked-in");
      page.onDialog(dialog -> dialog.accept());
      submit(page, () -> page.click("[data-testid=site-release]"));
      assertThat(page.locator("[data-testid=problem]").textContent()).isEqualTo("管控期限未满，不能解除");
    }
  }

  @Test
  void everyStaffPageFitsAPhone() {
    String siteId = QuarantineFixtures.site(api, "FT" + System.nanoTime() % 1_000_000_000L, 1, 12);
    String person = QuarantineFixtures.person(api, "手机页面" + System.nanoTime() % 100_000, QuarantineFixtures.COMMUNITY);
    String orderId = QuarantineFixtures.open(api, person, "CLOSE_CONTACT", QuarantineFixtures.today().minusDays(1),
        "V9")
        .get("id").asString();
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "commander");
      for (String path : java.util.List.of("/quarantine", "/quarantine/work/TESTS_DUE_TODAY", "/quarantine/orders/new",
          "/quarantine/orders/" + orderId, "/quarantine/sites", "/quarantine/sites/" + siteId, "/quarantine/alerts",
          "/quarantine/trips", "/quarantine/rule-sets")) {
        page.navigate(api.baseUrl() + path);
        assertThat(Browser.scrollWidth(page)).as(path).isLessThanOrEqualTo(390);
      }
      page.navigate(api.baseUrl() + "/quarantine");
      Browser.screenshot(page, "quarantine-desk-phone");
    }
  }
}
