package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The command dashboard at desktop (1366×900) and phone (390×844) width, in Chinese and English. */
@EpiCommandTest
class DashboardBrowserTest {

  @Autowired
  Api api;

  @Test
  void theCommanderSeesTheDashboardWithChartsAndDrillsDownToADistrict() {
    try (BrowserContext context = Browser.context(1366, 900, false, "zh-CN")) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "commander");
      // the commander's home shows the day's figures in one card, with the way to the dashboard
      page.waitForSelector("[data-testid=widget-dashboard]");
      JsonNode figures = api.as("commander").get("/api/v1/analytics/dashboard").json();
      assertThat(page.locator("[data-testid='tally-an.kpi.localConfirmed'] div").first().textContent().strip())
          .isEqualTo(figures.get("today").get("localConfirmed").asString());
      page.click("[data-testid=widget-link-dashboard]");
      page.waitForURL(url -> url.endsWith("/analytics/dashboard"));
      page.waitForSelector("[data-testid=curve-onset][data-rendered]");
      assertThat(page.locator("[data-testid=kpi-local-confirmed]").textContent().strip())
          .isEqualTo(figures.get("today").get("localConfirmed").asString());
      assertThat(page.locator("[data-testid=kpi-under-management]").textContent().strip())
          .isEqualTo(figures.get("underManagement").asString());
      assertThat(page.locator("[data-testid=double-zero]").textContent())
          .contains(figures.get("societyZero").asBoolean() ? "社会面清零" : "社会面未清零");
      assertThat(page.locator("[data-testid=by-district] tbody tr").count()).isEqualTo(figures.get("districts").size());
      assertThat(page.locator("h2:has-text('按发病日期')").count()).isEqualTo(1);
      Browser.screenshot(page, "dashboard-desktop");

      page.selectOption("[data-testid=district-select]", DemoPlaces.DISTRICT);
      page.waitForURL(url -> url.contains("district=990101"));
      page.waitForSelector("[data-testid=curve-report][data-rendered]");
      JsonNode district = api.as("commander").get("/api/v1/analytics/dashboard?district=990101").json();
      assertThat(page.locator("[data-testid=district-name]").textContent()).contains(district.get("districtName")
          .asString());
      assertThat(page.locator("[data-testid=capacity] tbody tr, [data-testid=capacity] tr:not(:first-child)").count())
          .isGreaterThanOrEqualTo(1);
      Browser.screenshot(page, "dashboard-district");

      page.navigate(api.baseUrl() + "/analytics/dashboard?lang=en");
      page.waitForSelector("[data-testid=curve-report][data-rendered]");
      assertThat(page.locator("h1").first().textContent()).contains("Command dashboard");
      Browser.screenshot(page, "dashboard-desktop-en");
    }
  }

  @Test
  void atPhoneWidthTheDashboardFitsTheScreen() {
    try (BrowserContext context = Browser.context(390, 844, true, "zh-CN")) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "district");
      page.navigate(api.baseUrl() + "/analytics/dashboard");
      page.waitForSelector("[data-testid=curve-report][data-rendered]");
      Object width = page.evaluate("() => document.documentElement.scrollWidth");
      assertThat(((Number) width).intValue()).isLessThanOrEqualTo(390);
      assertThat(page.locator("[data-testid=district-select]").count()).isZero();
      assertThat(page.locator("[data-testid=district-name]").textContent()).contains(
          api.as("district").get("/api/v1/analytics/dashboard").json().get("districts").get(0).get("name").asString());
      Browser.screenshot(page, "dashboard-phone");
    }
  }
}
