package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard at 1280 and 390 px, the situation report page with its server-drawn charts, and a bulletin taken
 * from draft to the public page through the command office's pages.
 */
@EpiCommandTest
class ReportBrowserTest {

  @Autowired
  Api api;

  @Test
  void theDashboardAndTheSituationReportAtDesktopAndPhoneWidth() {
    JsonNode figures = api.as("commander").get("/api/v1/analytics/dashboard").json();
    for (int width : new int[] {1280, 390}) {
      boolean phone = width < 500;
      String suffix = phone ? "phone" : "desktop";
      try (BrowserContext context = Browser.context(width, phone ? 844 : 900, phone, "zh-CN")) {
        Page page = context.newPage();
        Browser.login(page, api.baseUrl(), "commander");
        page.navigate(api.baseUrl() + "/analytics/dashboard");
        page.waitForSelector("[data-testid=curve-report][data-rendered]");
        assertThat(Browser.scrollWidth(page)).isLessThanOrEqualTo(width);
        Browser.screenshot(page, "analytics-dashboard-" + width);

        page.navigate(api.baseUrl() + "/analytics/report");
        page.waitForSelector("[data-testid=report]");
        assertThat(page.locator("h1").first().textContent()).contains("疫情形势分析报告");
        assertThat(page.locator("[data-testid=n-local-confirmed]").textContent().strip())
            .isEqualTo(figures.get("today").get("localConfirmed").asString());
        for (String chart : new String[] {"chart-curve", "chart-rt"}) {
          Object loaded = page.evaluate("id => { const i = document.querySelector('[data-testid=' + id + ']');"
              + " return i.complete && i.naturalWidth > 0 && i.getBoundingClientRect().width > 0; }", chart);
          assertThat(loaded).as(chart).isEqualTo(true);
        }
        assertThat(String.join("|", page.locator("h2").allTextContents())).contains("一、疫情概况", "三、疫情曲线",
            "四、传播强度（Rt）", "五、重点地区", "六、隔离资源", "七、待办与逾期事项");
        assertThat(Browser.scrollWidth(page)).isLessThanOrEqualTo(width);
        assertThat(page.locator("[data-testid=report-pdf]").getAttribute("href"))
            .contains("/analytics/report.pdf?date=");
        Browser.screenshot(page, "analytics-report-" + suffix);
      }
    }
  }

  @Test
  void theCommandOfficeTakesABulletinFromDraftToThePublicPage() {
    LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1801 + Math.floorMod(System.nanoTime(), 20));
    try (BrowserContext context = Browser.context(1280, 900, false, "zh-CN")) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "commander");
      page.navigate(api.baseUrl() + "/analytics/bulletins");
      page.fill("#date", day.toString());
      page.click("[data-testid=bulletin-draft]");
      page.waitForURL(url -> url.endsWith("/analytics/bulletins/" + day));
      assertThat(page.locator("[data-testid=bulletin-state]").textContent()).contains("草稿");
      String text = page.inputValue("[data-testid=bulletin-text]");
      assertThat(text).startsWith(day.getMonthValue() + "月" + day.getDayOfMonth() + "日0—24时，全市新增本土确诊病例0例");
      page.fill("[data-testid=bulletin-text]", text + "请广大市民继续做好个人防护。");
      page.click("[data-testid=bulletin-save]");
      page.waitForSelector("[data-testid=done]");
      Browser.screenshot(page, "analytics-bulletin-draft");
    }
    // four eyes: another member of the command office approves and publishes
    try (BrowserContext context = Browser.context(1280, 900, false, "zh-CN")) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "office");
      page.navigate(api.baseUrl() + "/analytics/bulletins/" + day);
      page.click("[data-testid=bulletin-approve]");
      page.waitForSelector("[data-testid=bulletin-publish]");
      assertThat(page.locator("[data-testid=bulletin-state]").textContent()).contains("已审核");
      page.click("[data-testid=bulletin-publish]");
      page.waitForSelector("[data-testid=bulletin-public]");
      assertThat(page.locator("[data-testid=bulletin-state]").textContent()).contains("已发布");
    }
    try (BrowserContext context = Browser.context(390, 844, true, "zh-CN")) {
      Page page = context.newPage();
      page.navigate(api.baseUrl() + "/public/bulletins/" + day);
      assertThat(page.url()).doesNotContain("/login");
      assertThat(page.locator("[data-testid=public-bulletin]").textContent()).contains("请广大市民继续做好个人防护。");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "analytics-public-bulletin-phone");
      page.navigate(api.baseUrl() + "/public/bulletins");
      assertThat(page.locator("[data-testid=public-bulletin]").count()).isGreaterThanOrEqualTo(1);
      Browser.screenshot(page, "analytics-public-bulletins-phone");
    }
  }
}
