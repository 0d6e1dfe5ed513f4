package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.epicommand.labtest.LabtestFixtures;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.sentinel.SentinelFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Market regulation on the pharmacy's page on a phone (390 px): a violation with one buyer found sold to without
 * registration, a bad document refused on the buyer's own row with everything typed kept, the inspection recorded
 * and listed; its findings corrected in place with a reason; then withdrawn with a reason, shown as withdrawn with who
 * and why, the withdraw control gone. Then the drug sales rules, and the sentinel board with the community's cough
 * medicines rising.
 */
@EpiCommandTest
class PharmacyInspectionBrowserTest {

  @Autowired
  Api api;

  @Test
  void anInspectorRecordsAndWithdrawsAnInspectionOnThePhone() {
    String tag = Long.toString(System.nanoTime() % 100_000);
    String pharmacy = SentinelFixtures.pharmacy(api, "检查药房" + tag, OrganisationFixtures.COMMUNITY);
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "district");
      page.navigate(api.baseUrl() + "/sentinel/pharmacies/" + pharmacy);
      assertThat(page.locator("[data-testid=pharmacy-status]").textContent()).isEqualTo("营业");
      assertThat(page.locator("[data-testid=empty-state]").textContent()).contains("还没有检查记录");

      assertThat(page.locator("[data-testid=more-buyers]").getAttribute("open")).as("three rows folded away").isNull();
      page.selectOption("#i-outcome", "VIOLATION_FOUND");
      page.fill("#i-findings", "抽查销售记录，发现未登记销售布洛芬");
      page.selectOption("#i-status", "RESTRICTED");
      page.fill("#b-id-1", "110101199001011234");
      page.fill("#b-name-1", "手机购药" + tag);
      page.fill("#b-phone-1", "13900139000");
      page.click("[data-testid=inspect]");
      // the second row was filled, the first left blank: the refusal stays on the second
      page.waitForSelector("[data-field-error='buyers[1].idNumber']");
      assertThat(page.locator("#b-id-1").getAttribute("class")).contains("is-invalid");
      assertThat(page.locator("#b-id-0").getAttribute("class")).doesNotContain("is-invalid");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "sentinel-inspection-phone-refused");

      // nothing typed is lost: only the refused number needs mending
      assertThat(page.inputValue("#i-outcome")).isEqualTo("VIOLATION_FOUND");
      assertThat(page.inputValue("#i-findings")).isEqualTo("抽查销售记录，发现未登记销售布洛芬");
      assertThat(page.inputValue("#i-status")).isEqualTo("RESTRICTED");
      assertThat(page.inputValue("#b-id-1")).isEqualTo("110101199001011234");
      assertThat(page.inputValue("#b-name-1")).isEqualTo("手机购药" + tag);
      assertThat(page.inputValue("#b-phone-1")).isEqualTo("13900139000");
      assertThat(page.inputValue("#b-name-0")).isEmpty();
      page.fill("#b-id-1", LabtestFixtures.residentId());
      page.click("[data-testid=inspect]");
      Locator recorded = page.locator("[data-testid=inspections] li[data-inspection]");
      recorded.first().waitFor();
      assertThat(recorded.count()).isEqualTo(1);
      assertThat(recorded.first().textContent()).contains("发现违规", "限制经营", "手机购药" + tag, "139****9000");
      assertThat(page.locator("[data-testid=pharmacy-status]").textContent()).isEqualTo("限制经营");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "sentinel-inspection-phone-recorded");

      // a word wrong in the findings: corrected in place, with a reason, the findings first recorded kept
      recorded.first().locator("[data-testid=correct] summary").click();
      assertThat(recorded.first().locator("textarea[name=findings]").inputValue())
          .isEqualTo("抽查销售记录，发现未登记销售布洛芬");
      recorded.first().locator("textarea[name=findings]").fill("抽查销售记录，发现未登记销售对乙酰氨基酚");
      recorded.first().locator("input[name=reason]").fill("药名写错");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "sentinel-inspection-phone-correcting");
      recorded.first().locator("[data-testid=confirm-correct]").click();
      page.waitForSelector("[data-testid=correction]");
      Locator corrected = page.locator("[data-testid=inspections] li[data-inspection]").first();
      assertThat(corrected.textContent()).contains("对乙酰氨基酚").doesNotContain("布洛芬");
      assertThat(corrected.locator("[data-testid=correction]").textContent()).contains("district", "药名写错");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "sentinel-inspection-phone-corrected");

      recorded = page.locator("[data-testid=inspections] li[data-inspection]");
      recorded.first().locator("[data-testid=withdraw] summary").click();
      recorded.first().locator("textarea[name=reason]").fill("录入错了药店");
      recorded.first().locator("[data-testid=confirm-withdraw]").click();
      page.waitForSelector("[data-testid=inspection-withdrawn]");
      Locator withdrawn = page.locator("[data-testid=inspections] li[data-inspection]").first();
      assertThat(withdrawn.locator("[data-testid=withdrawal]").textContent()).contains("district", "录入错了药店");
      assertThat(withdrawn.locator("[data-testid=withdraw]").count()).as("nothing left to withdraw").isZero();
      assertThat(page.locator("[data-testid=pharmacy-status]").textContent())
          .as("the status is changed on its own, not by the withdrawal").isEqualTo("限制经营");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "sentinel-inspection-phone-withdrawn");

      // the drug sales rules and the catalogue, kept by market regulation on the same phone
      page.navigate(api.baseUrl() + "/sentinel/rules");
      assertThat(page.locator("[data-testid=rule-form]").isVisible()).isTrue();
      assertThat(page.locator("[data-testid=catalogue]").textContent()).contains("布洛芬缓释胶囊", "退热镇痛类");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "sentinel-rules-phone");

      // the sentinel board after a day of ten cough medicines at the pharmacy: the community rises
      for (int i = 0; i < 10; i++) {
        java.util.Map<String, Object> sale = new java.util.HashMap<>(java.util.Map.of("pharmacy", pharmacy,
            "idType", "RESIDENT_ID", "idNumber", LabtestFixtures.residentId(), "name", "购药人", "phone",
            "13900139000", "approvalNumber", "国药准字H44021565", "quantity", 1));
        assertThat(api.as("commander").post("/api/v1/sentinel/purchases", sale).status()).isEqualTo(201);
      }
      page.navigate(api.baseUrl() + "/sentinel/board?jurisdiction=" + OrganisationFixtures.COMMUNITY);
      page.locator("[data-testid=board-chart][data-rendered=true]").waitFor();
      assertThat(page.locator("[data-testid=rises]").textContent()).contains("止咳化痰平喘类");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "sentinel-board-phone");
    }
  }
}
