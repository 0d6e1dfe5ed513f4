package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.awt.Color;
import java.util.UUID;
import org.epicommand.supervision.SupervisionFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On a phone (390×844): the inspector starts an unannounced visit and records a finding with a
 * photo, assigns it; the community rectifies and uploads evidence; the inspector verifies and
 * closes it (对账销号).
 */
@EpiCommandTest
class SupervisionPagesBrowserTest {

  @Autowired
  Api api;

  @Test
  void anInspectorRecordsAFindingWithAPhotoTheUnitRectifiesAndTheInspectorVerifies() {
    String visit = SupervisionFixtures.plan(api, "手机走访-" + UUID.randomUUID(), SupervisionFixtures.COMMUNITY)
        .get("visits").get(0).get("id").asString();
    String description = "入口未设置扫码查验岗-" + UUID.randomUUID().toString().substring(0, 6);
    String problemUrl;
    try (BrowserContext inspector = Browser.phone()) {
      Page page = inspector.newPage();
      Browser.login(page, api.baseUrl(), "inspector");
      page.navigate(api.baseUrl() + "/supervision/visits/" + visit);
      com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("[data-testid=visit-state]"))
          .hasText("计划中"); // waits for the page after the post
      page.click("[data-testid=start-visit]");
      com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("[data-testid=visit-state]"))
          .hasText("进行中"); // waits for the page after the post
      page.selectOption("#category", "SCAN_AND_CHECK");
      page.selectOption("#severity", "MAJOR");
      page.fill("#description", description);
      page.fill("#deadline", SupervisionFixtures.today().plusDays(3).toString());
      page.setInputFiles("#photo", new FilePayload("现场.jpg", "image/jpeg", SupervisionFixtures.png(Color.RED)));
      Browser.screenshot(page, "supervision-phone-finding-form");
      page.click("[data-testid=save-finding]");
      page.waitForURL(url -> url.contains("/supervision/problems/"));
      problemUrl = page.url();
      com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("[data-testid=problem-state]"))
          .hasText("已发现"); // waits for the page after the post
      assertThat(page.locator("[data-testid=problem-description]").textContent()).isEqualTo(description);
      assertThat(page.locator("[data-testid=photos] img[data-kind=FINDING]").count()).isEqualTo(1);
      assertThat((Boolean) page.evaluate("() => document.querySelector('[data-testid=photos] img').naturalWidth > 0"))
          .as("the photo is served and shown").isTrue();
      page.click("[data-testid=assign]");
      com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("[data-testid=problem-state]"))
          .hasText("已交办"); // waits for the page after the post
      Browser.screenshot(page, "supervision-phone-finding-assigned");
    }
    try (BrowserContext community = Browser.phone()) {
      Page page = community.newPage();
      Browser.login(page, api.baseUrl(), "community");
      page.navigate(api.baseUrl() + "/supervision/problems");
      page.click("[data-problem-id] >> text=" + description);
      assertThat(page.url()).isEqualTo(problemUrl);
      page.click("[data-testid=start-rectifying]");
      com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("[data-testid=problem-state]"))
          .hasText("整改中"); // waits for the page after the post
      // submitting without evidence is refused with the current state named
      page.click("[data-testid=submit-evidence]");
      assertThat(page.locator("[data-testid=failure]").textContent()).contains("RECTIFYING");
      // a web page called .jpg is not a photo
      page.setInputFiles("#file", new FilePayload("整改后.jpg", "image/jpeg",
          "<html><body>not a photo</body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      page.click("[data-testid=upload-photo]");
      assertThat(page.locator("[data-testid=failure]").textContent()).contains("JPEG、PNG 或 WebP");
      assertThat(page.locator("[data-testid=photos] img[data-kind=EVIDENCE]").count()).isZero();
      page.setInputFiles("#file", new FilePayload("整改后.png", "image/png", SupervisionFixtures.png(Color.GREEN)));
      page.click("[data-testid=upload-photo]");
      com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
          page.locator("[data-testid=photos] img[data-kind=EVIDENCE]")).hasCount(1); // waits for the page
      page.fill("textarea[name=note]", "已设专人查验");
      page.click("[data-testid=submit-evidence]");
      com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("[data-testid=problem-state]"))
          .hasText("待验收"); // waits for the page after the post
      Browser.screenshot(page, "supervision-phone-unit-evidence");
    }
    try (BrowserContext inspector = Browser.phone()) {
      Page page = inspector.newPage();
      Browser.login(page, api.baseUrl(), "inspector");
      page.navigate(problemUrl);
      page.click("[data-testid=verify]");
      com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("[data-testid=problem-state]"))
          .hasText("已验收"); // waits for the page after the post
      page.click("[data-testid=close]");
      com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("[data-testid=problem-state]"))
          .hasText("已销号"); // waits for the page after the post
      assertThat(page.locator("[data-testid=history] li").count()).isEqualTo(6);
      Browser.screenshot(page, "supervision-phone-closed");
    }
  }

  @Test
  void theCommanderSeesTheScorecardWithOverdueProblems() {
    try (BrowserContext desktop = Browser.context(false)) {
      Page page = desktop.newPage();
      Browser.login(page, api.baseUrl(), "commander");
      page.navigate(api.baseUrl() + "/supervision/scorecard");
      assertThat(page.locator("[data-testid=scorecard] tbody tr").count()).isPositive();
      // the demo data has a problem of the first community past its deadline
      assertThat(page.locator("[data-testid=overdue-problems]").textContent()).contains("值守人员脱岗");
      Browser.screenshot(page, "supervision-scorecard");
      page.navigate(api.baseUrl() + "/supervision/public-naming");
      assertThat(page.locator("[data-testid=public-naming]").textContent()).contains("王某某");
      Browser.screenshot(page, "supervision-public-naming");
    }
  }
}
