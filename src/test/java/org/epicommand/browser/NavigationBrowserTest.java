package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The menu in Chromium: grouped by work area, a search that filters it from the keyboard, exactly one
 * active entry, a drawer on the phone; error pages keep it.
 */
@EpiCommandTest
class NavigationBrowserTest {

  @Autowired
  Api api;

  @Test
  void aCommanderFindsAPageThroughTheMenuSearch() {
    try (BrowserContext context = Browser.context(1366, 860, false, "zh-CN")) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "commander");
      Locator groups = page.locator(".app-nav details.nav-group");
      assertThat(groups.locator("summary").allTextContents()).containsExactly("指挥调度", "流调溯源", "隔离管控",
          "核酸检测", "监测预警", "疫苗接种", "医疗救治", "人员流动", "社区防控", "复工复产", "物资保障", "督查督导", "统计分析",
          "系统管理");
      assertThat(page.locator(".app-nav details.nav-group[open]").count()).as("on the home page all groups fold")
          .isZero();
      // "/" jumps to the search; typing filters; Enter opens the first match
      page.keyboard().press("/");
      assertThat((Boolean) page.evaluate("document.activeElement.matches('[data-testid=nav-search]')")).isTrue();
      page.keyboard().type("门磁");
      Locator shown = page.locator(".app-nav a.nav-link:not([hidden])");
      assertThat(shown.allTextContents()).containsExactly("门磁告警");
      assertThat(page.locator(".app-nav details.nav-group:not([hidden])").count()).isEqualTo(1);
      Browser.screenshot(page, "menu-search-1366");
      page.keyboard().press("Enter");
      page.waitForURL(url -> url.endsWith("/quarantine/alerts/doors"));
      assertThat(page.locator(".app-nav a.nav-link.active").allTextContents()).containsExactly("门磁告警");
      assertThat(page.locator(".app-nav details.nav-group[open]").locator("summary").allTextContents())
          .containsExactly("隔离管控");

      // a hint word finds its entry too, and ↓ then Enter follows it from the keyboard
      page.fill("[data-testid=nav-search]", "零报告");
      assertThat(shown.allTextContents()).containsExactly("日报填报");
      page.keyboard().press("ArrowDown");
      page.keyboard().press("Enter");
      page.waitForURL(url -> url.endsWith("/command/reports/file"));
      // /command/reports/file lies under /command/reports too: only the longer entry is active
      assertThat(page.locator(".app-nav a.nav-link.active").allTextContents()).containsExactly("日报填报");

      page.fill("[data-testid=nav-search]", "没有这一项");
      assertThat(shown.count()).isZero();
      assertThat(page.locator("[data-testid=nav-search-empty]").isVisible()).isTrue();
      page.keyboard().press("Escape");
      assertThat(shown.count()).isGreaterThan(30);
    }
  }

  @Test
  void onAPhoneTheMenuIsADrawerWithItsSearch() {
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "commander");
      assertThat(page.locator("[data-testid=nav-search]").isVisible()).as("folded away on a phone").isFalse();
      page.click(".navbar-toggler");
      page.waitForSelector("#sidebar.show");
      page.locator("[data-testid=nav-search]").waitFor();
      page.waitForTimeout(400); // the drawer slides in
      page.fill("[data-testid=nav-search]", "隔离");
      Locator shown = page.locator(".app-nav a.nav-link:not([hidden])");
      assertThat(shown.allTextContents()).contains("隔离管控");
      Browser.screenshot(page, "menu-search-390");
      shown.filter(new Locator.FilterOptions().setHasText("隔离管控")).first().click();
      page.waitForURL(url -> url.endsWith("/quarantine"));
      assertThat(page.locator("h1").first().isVisible()).isTrue();
    }
  }

  @Test
  void aPageThatDoesNotExistKeepsTheMenuAndTheSignOut() {
    try (BrowserContext context = Browser.context(1366, 860, false, "zh-CN")) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "community");
      var answer = page.navigate(api.baseUrl() + "/quarantine/orders/00000000-0000-0000-0000-000000000000");
      assertThat(answer.status()).isEqualTo(404);
      assertThat(page.locator("[data-testid=error-page]").textContent()).contains("404");
      assertThat(page.locator(".app-nav a.nav-link").count()).isGreaterThan(5);
      assertThat(page.locator("form[action='/logout'] button").isVisible()).isTrue();
      Browser.screenshot(page, "error-404-in-layout");
      page.navigate(api.baseUrl() + "/no/such/page");
      assertThat(page.locator(".app-nav").count()).isEqualTo(1);
      page.navigate(api.baseUrl() + "/audit");
      assertThat(page.locator("[data-testid=error-page]").textContent()).contains("403");
      assertThat(page.locator(".app-nav").count()).isEqualTo(1);
    }
  }
}
