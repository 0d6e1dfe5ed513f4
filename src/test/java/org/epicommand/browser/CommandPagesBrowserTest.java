package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Clock;
import java.time.LocalDate;
import org.epicommand.command.DailyReporting;
import org.epicommand.notification.Notice;
import org.epicommand.notification.Notifications;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@EpiCommandTest
class CommandPagesBrowserTest {

  @Autowired
  Api api;
  @Autowired
  DailyReporting reporting;
  @Autowired
  Clock clock;
  @Autowired
  Notifications notifications;

  @Test
  void aDistrictFilesAZeroReportOnAPhone() {
    LocalDate yesterday = LocalDate.now(clock).minusDays(1);
    // yesterday's report is due today at 10:00: on time it is a zero report, after that it is late
    boolean late = clock.instant().isAfter(reporting.deadline(reporting.template(null), yesterday));
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "district");
      page.navigate(api.baseUrl() + "/command/reports/file");
      assertThat(page.locator("h1").textContent()).isEqualTo("日报填报");
      assertThat(page.locator("section").textContent()).contains("东湖区");
      // the zero-report button fits the phone's width
      assertThat(page.locator("[data-testid=zero-report]").boundingBox().width).isLessThanOrEqualTo(390);
      Browser.screenshot(page, "command-report-file-phone");

      page.click("[data-testid=zero-report]");
      page.waitForSelector("[data-testid=saved]");
      assertThat(page.locator("[data-testid=saved]").textContent()).contains(late ? "迟报" : "零报告");
      assertThat(page.locator("[data-testid=filed]").textContent()).contains("district");
      assertThat(page.locator("[data-testid=zero-report]").count()).isZero();
      Browser.screenshot(page, "command-report-zero-filed-phone");
    }
    String status = null;
    for (var row : api.as("commander").get("/api/v1/daily-reports/completeness?date=" + yesterday).json()) {
      if (row.get("unitCode").asString().equals(DemoPlaces.DISTRICT)) {
        status = row.get("status").asString();
      }
    }
    assertThat(status).isEqualTo(late ? "LATE" : "ZERO");
  }

  @Test
  void theCommanderSeesTheMatrixTheTaskInboxAndTheDutyOnTheHomePage() {
    notifications.send(Notice.toUsers(java.util.List.of("commander"), "TASK_OVERDUE", "浏览器测试通知", null, null));
    try (BrowserContext context = Browser.context(false)) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "commander");
      page.waitForSelector("[data-testid=duty-today]");
      // the layout's unread badge, fetched by htmx
      page.waitForSelector("[data-testid=unread-count]");
      assertThat(Integer.parseInt(page.locator("[data-testid=unread-count]").textContent().replace("+", "")))
          .isPositive();
      assertThat(page.locator("[data-testid=duty-today]").textContent()).contains("指挥部办公室");
      page.navigate(api.baseUrl() + "/command/reports");
      assertThat(page.locator("[data-testid=report-matrix] tbody tr").count()).isGreaterThanOrEqualTo(13);
      assertThat(page.locator("[data-testid=report-matrix] td.status-SUBMITTED").count()).isPositive();
      Browser.screenshot(page, "command-report-matrix");
      String name = "浏览器模板 " + java.util.UUID.randomUUID().toString().substring(0, 6);
      page.navigate(api.baseUrl() + "/command/reports/templates");
      page.fill("#name", name);
      page.fill("#deadline", "09:30");
      page.fill("#fields", "visits|走访户数|INTEGER\nnote|备注|TEXT");
      page.click("form[action$='/command/reports/templates'] button[type=submit]");
      page.waitForSelector(".alert-success");
      assertThat(page.locator("[data-testid=template]").filter(new Locator.FilterOptions().setHasText(name))
          .textContent()).contains("走访户数").contains("09:30");
      page.navigate(api.baseUrl() + "/command");
      assertThat(page.locator("section").textContent()).contains("综合协调组").contains("复工复产组");
      Browser.screenshot(page, "command-overview");
    }
  }

  @Test
  void theOfficeCreatesAStreetUnitAddsAMemberCorrectsAndRetiresItOnTheUnitPage() {
    String code = "B-" + java.util.UUID.randomUUID().toString().substring(0, 6);
    try (BrowserContext context = Browser.context(false)) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "commander");
      page.navigate(api.baseUrl() + "/command/units");
      assertThat(page.locator("[data-testid=unit-group][data-kind=WORKING_GROUP]").textContent()).contains("综合协调组");
      page.click("[data-testid=unit-create] summary");
      page.fill("#code", code);
      page.fill("#name", "浏览器街道");
      page.selectOption("#kind", "STREET");
      Browser.chooseDivision(page, "jurisdictionCode", DemoPlaces.OTHER_DISTRICT, "西山区");
      page.click("[data-testid=create-unit]");
      // a county code for a street: the field says why
      assertThat(page.locator("[data-field-error=jurisdictionCode]").textContent()).contains("层级");
      Browser.chooseDivision(page, "jurisdictionCode", "990102005",
          api.as("commander").get("/api/v1/jurisdictions/990102005").json().get("name").asString());
      page.click("[data-testid=create-unit]");
      page.waitForURL(url -> url.endsWith("/command/units/" + code));
      assertThat(page.locator("[data-testid=unit-name]").textContent()).isEqualTo("浏览器街道");

      page.fill("#username", "district");
      page.click("[data-testid=add-member]");
      page.waitForSelector("[data-testid=members] [data-member=district]");
      page.fill("[data-testid=unit-edit] #name", "浏览器街道（更名）");
      page.click("[data-testid=save-unit]");
      page.waitForSelector("[data-testid=saved]");
      assertThat(page.locator("[data-testid=unit-name]").textContent()).isEqualTo("浏览器街道（更名）");
      Browser.screenshot(page, "command-unit");

      page.click("[data-testid=retire-unit]");
      page.waitForSelector("[data-testid=unit-retired]");
      assertThat(page.locator("[data-testid=add-member]").count()).as("a retired unit takes no members").isZero();
      page.navigate(api.baseUrl() + "/command/units");
      assertThat(page.locator("[data-unit=" + code + "]").textContent()).contains("浏览器街道（更名）")
          .contains("撤销");
      Browser.screenshot(page, "command-units");
    }
  }

  @Test
  void aWeekOfDutyIsEnteredInOneGridOnAPhone() {
    String code = "R-" + java.util.UUID.randomUUID().toString().substring(0, 6);
    assertThat(api.as("commander").post("/api/v1/command/units", java.util.Map.of("code", code, "name", "值班网格单位",
        "kind", "DEPARTMENT")).status()).isEqualTo(201);
    LocalDate monday = LocalDate.now(clock).with(java.time.DayOfWeek.MONDAY);
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "commander");
      page.navigate(api.baseUrl() + "/command/duty/roster?unit=" + code + "&period=week&start=" + monday);
      assertThat(page.locator(".roster-line").count()).isEqualTo(7);
      page.fill("#defaultPhone", "0571-86660000");
      for (int i = 0; i < 6; i++) {
        page.fill("[name=leader_" + i + "]", "带班" + i);
        page.fill("[name=staff_" + i + "]", "值班" + i);
      }
      page.fill("[name=phone_2]", "0571-86662222");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "command-duty-roster-phone");
      page.click("[data-testid=save-roster]");
      page.waitForSelector("[data-testid=saved]");
      assertThat(page.locator("[data-testid=saved]").textContent()).contains("6");
      assertThat(page.inputValue("[name=leader_5]")).isEqualTo("带班5");
      assertThat(page.inputValue("[name=leader_6]")).isEmpty();
      Browser.screenshot(page, "command-duty-roster-saved-phone");

      // a half-filled line is named, and nothing of that save lands
      page.fill("[name=leader_6]", "带班6");
      page.click("[data-testid=save-roster]");
      page.waitForSelector("[data-field-error=staff_6]");
      page.navigate(api.baseUrl() + "/command/duty/roster?unit=" + code + "&period=month&start=" + monday);
      assertThat(page.locator(".roster-line").count()).isEqualTo(monday.lengthOfMonth());
    }
    var roster = api.as("commander").get("/api/v1/command/units/" + code + "/duty?from=" + monday + "&to="
        + monday.plusDays(6)).json();
    assertThat(roster.size()).isEqualTo(6);
    assertThat(roster.get(0).get("phone").asString()).isEqualTo("0571-86660000");
    assertThat(roster.get(2).get("phone").asString()).isEqualTo("0571-86662222");
  }
}
