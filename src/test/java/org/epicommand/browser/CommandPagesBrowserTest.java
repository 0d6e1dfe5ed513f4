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
      if (row.get("unitCode").asString().equals("990101")) {
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
}
