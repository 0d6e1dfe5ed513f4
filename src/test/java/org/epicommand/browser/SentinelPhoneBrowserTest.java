package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.epicommand.labtest.LabtestFixtures;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.sentinel.SentinelFixtures;
import org.epicommand.sentinel.internal.VerificationJob;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.CityTime;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pharmacy clerk's phone (390 px): an empty day, a bad document refused on the field, a
 * registration in a few taps listed under today's; the community worker's phone list of buyers to verify.
 */
@EpiCommandTest
class SentinelPhoneBrowserTest {

  @Autowired
  Api api;

  @Autowired
  VerificationJob job;


  @Test
  void aClerkRegistersAPurchaseOnThePhone() {
    String tag = Long.toString(System.nanoTime() % 100_000);
    String pharmacy = SentinelFixtures.pharmacy(api, "手机大药房" + tag, OrganisationFixtures.COMMUNITY);
    String clerk = SentinelFixtures.clerk(api, pharmacy);
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), clerk, SentinelFixtures.CLERK_PASSWORD);
      page.navigate(api.baseUrl() + "/sentinel/purchase");
      assertThat(page.locator("[data-testid=place-name]").textContent()).contains("手机大药房" + tag).contains("营业");
      assertThat(page.locator("[data-testid=empty-state]").textContent()).contains("今天还没有登记");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "sentinel-purchase-phone-empty");

      page.fill("#p-id", "110101199003071234");
      page.fill("#p-name", "王购药");
      page.fill("#p-phone", "13900139000");
      page.selectOption("#p-product", "国药准字H19991011");
      page.fill("#p-qty", "2");
      page.fill("#p-temp", "36.6");
      page.click("[data-testid=register]");
      page.waitForSelector("[data-field-error=idNumber]");
      assertThat(page.locator("[data-testid=problem]").isVisible()).isTrue();

      page.fill("#p-id", LabtestFixtures.residentId());
      page.fill("#p-name", "王购药");
      page.fill("#p-phone", "13900139000");
      page.selectOption("#p-product", "国药准字H19991011");
      page.fill("#p-qty", "2");
      page.fill("#p-temp", "36.6");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "sentinel-purchase-phone-filled");
      page.click("[data-testid=register]");
      page.waitForSelector("[data-testid=notice]");
      assertThat(page.locator("[data-testid=today]").textContent()).contains("王购药").contains("复方氨酚烷胺片 × 2");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "sentinel-purchase-phone-registered");

      // fever patches are suspended in the demo city: the refused sale is offered as a fever enquiry
      page.fill("#p-id", LabtestFixtures.residentId());
      page.fill("#p-name", "赵发热");
      page.fill("#p-phone", "13900139003");
      page.selectOption("#p-product", "国械注准20152640001");
      page.fill("#p-temp", "38.6");
      page.click("[data-testid=register]");
      page.waitForSelector("[data-testid=enquiry][open]");
      assertThat(page.inputValue("#e-temp")).isEqualTo("38.6");
      page.fill("#e-referred", "滨江市第一人民医院发热门诊");
      page.locator("[data-testid=enquiry]").scrollIntoViewIfNeeded();
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "sentinel-enquiry-phone");
      page.click("[data-testid=log-enquiry]");
      page.waitForSelector("[data-testid=notice]");
      assertThat(page.locator("[data-testid=notice]").textContent()).contains("已记录发热问询");
    }
    // a buyer of a class to be tested within 72 h, registered 100 h ago and never sampled
    api.as("commander").post("/api/v1/sentinel/drug-policies", Map.of("jurisdictionCode",
        OrganisationFixtures.COMMUNITY, "effectiveFrom", CityTime.today().minusDays(5 + System.nanoTime() % 20)
            .toString(), "drugClass", "ANTIVIRAL", "mode", "REAL_NAME_TEST_72H"));
    Map<String, Object> body = new HashMap<>(Map.of("pharmacy", pharmacy, "idType", "RESIDENT_ID", "idNumber",
        LabtestFixtures.residentId(), "name", "李未检" + tag, "phone", "13900139001", "jurisdictionCode",
        OrganisationFixtures.COMMUNITY, "approvalNumber", "国药准字H20065414", "quantity", 1));
    body.put("purchasedAt", Instant.now().minus(Duration.ofHours(100)).toString());
    assertThat(api.as(clerk, SentinelFixtures.CLERK_PASSWORD).post("/api/v1/sentinel/purchases", body).status())
        .isEqualTo(201);
    job.sweep();
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "community");
      page.navigate(api.baseUrl() + "/sentinel/verification?size=500");
      Locator item = page.locator("[data-testid=items] li", new Page.LocatorOptions().setHasText("李未检" + tag));
      assertThat(item.textContent()).contains("手机大药房" + tag).contains("磷酸奥司他韦胶囊").contains("待核查");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "sentinel-verification-phone");
      item.locator("[data-testid=contact]").click();
      page.waitForSelector("[data-testid=notice]");
      assertThat(page.locator("[data-testid=items] li", new Page.LocatorOptions().setHasText("李未检" + tag))
          .textContent()).contains("已联系");
    }
  }
}
