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

@EpiCommandTest
class PlatformPagesBrowserTest {

  @Autowired
  Api api;

  @Test
  void theLoginPageIsChineseByDefaultAndListsTheDemoAccounts() {
    try (BrowserContext context = Browser.context(false)) {
      Page page = context.newPage();
      page.navigate(api.baseUrl() + "/login");
      assertThat(page.title()).contains("登录").contains("疫情防控指挥平台");
      assertThat(page.locator("[data-testid=demo-accounts]").textContent()).contains("commander").contains("指挥部领导");
      Browser.screenshot(page, "login-zh");
      page.click("[data-testid=language-switch]");
      assertThat(page.locator("h2").first().textContent()).isEqualTo("Sign in");
      Browser.screenshot(page, "login-en");
    }
  }

  @Test
  void theDemoCityHasEverythingTheSetupPageAsksFor() {
    try (BrowserContext context = Browser.context(false)) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "admin");
      page.navigate(api.baseUrl() + "/admin/setup");
      assertThat(page.locator("[data-ready=false]").allTextContents()).isEmpty();
      assertThat(page.locator("[data-ready=true]").count()).isGreaterThanOrEqualTo(13);
      assertThat(page.locator("[data-testid=setup-complete]").textContent()).contains("全部就绪");
      assertThat(Integer.parseInt(page.locator("[data-testid='setup-setup.labs'] .badge").textContent()))
          .as("the demo's two labs, and those other tests added").isGreaterThanOrEqualTo(2);
      Browser.screenshot(page, "setup-demo");
    }
  }

  @Test
  void aWrongPasswordSaysSoOnTheLoginPage() {
    try (BrowserContext context = Browser.context(false)) {
      // from an address of its own: failed logins are counted per client address
      context.setExtraHTTPHeaders(java.util.Map.of("X-Forwarded-For", "192.0.2.4"));
      Page page = context.newPage();
      page.navigate(api.baseUrl() + "/login");
      page.fill("#username", "inspector");
      page.fill("#password", "not-the-password");
      page.click("button[type=submit]");
      assertThat(page.locator(".alert-danger").textContent()).contains("用户名或密码错误");
    }
  }

  @Test
  void anAdministratorBrowsesDivisionsUsersAndTheAuditTrail() {
    try (BrowserContext context = Browser.context(false)) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "admin");
      assertThat(page.locator("[data-testid=current-user]").textContent()).isEqualTo("admin");
      page.navigate(api.baseUrl() + "/jurisdictions?code=990100");
      assertThat(page.locator("[data-testid=jurisdiction-children] tbody tr").count()).isEqualTo(6);
      page.click("text=东湖区");
      assertThat(page.locator("[data-testid=breadcrumb]").textContent()).contains("滨江市").contains("东湖区");
      Browser.screenshot(page, "jurisdictions");
      page.navigate(api.baseUrl() + "/users");
      assertThat(page.locator("[data-testid=users]").textContent()).contains("commander").contains("community");
      Browser.screenshot(page, "users");
      page.navigate(api.baseUrl() + "/users/new");
      page.fill("#username", "browser-made");
      page.fill("#password", "short");
      Browser.chooseDivision(page, "jurisdictionCode", DemoPlaces.DISTRICT, "东湖区");
      page.check("#role-STREET_STAFF");
      page.click("form.card button[type=submit]");
      assertThat(page.locator("[data-field-error=password]").textContent()).contains("至少 10 位");
      Browser.screenshot(page, "user-form-error");
      page.fill("#password", "Browser2022ok");
      page.click("form.card button[type=submit]");
      assertThat(page.locator(".alert-success").textContent()).contains("已保存");
      assertThat(page.locator("#role-STREET_STAFF").isDisabled()).as("roles are the security administrator's")
          .isTrue();
    }
  }

  @Test
  void theAuditorReadsTheTrailAndTheSecurityAdministratorTheTemporaryRoles() {
    try (BrowserContext context = Browser.context(false)) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "auditor");
      page.navigate(api.baseUrl() + "/audit?subjectType=USER");
      assertThat(page.locator("[data-testid=audit-events]").textContent()).contains("新增");
      Browser.screenshot(page, "audit");
    }
    try (BrowserContext context = Browser.context(true)) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "security");
      page.navigate(api.baseUrl() + "/grants");
      assertThat(page.locator("[data-testid=grant-form]").isVisible()).isTrue();
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "grants-phone");
      page.click("[data-testid=current-user]");
      page.click("[data-testid=change-password]");
      page.waitForURL(url -> url.endsWith("/account/password"));
      assertThat(page.locator("h1").textContent()).isEqualTo("修改密码");
      Browser.screenshot(page, "change-password-phone");
    }
  }

  @Test
  void theLayoutFitsAPhone() {
    try (BrowserContext context = Browser.context(true)) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "admin");
      page.navigate(api.baseUrl() + "/jurisdictions?code=990101");
      assertThat(Browser.scrollWidth(page)).isLessThanOrEqualTo(375);
      Browser.screenshot(page, "jurisdictions-phone");
    }
  }

  @Test
  void aDistrictOfficersHomeShowsTheCardsOfTheirWorkOnAPhone() {
    try (BrowserContext context = Browser.context(true)) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "district");
      page.waitForSelector("[data-testid=widget-tracing]");
      page.waitForSelector("[data-testid=widget-quarantine]");
      page.waitForSelector("[data-testid=widget-movement]");
      page.waitForSelector("[data-testid=widget-labtest]");
      // the five work lists and the door alerts
      assertThat(page.locator("[data-testid=widget-quarantine] [data-testid^=tally-]").count()).isEqualTo(6);
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "home-district-phone");
    }
  }
}
