package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.epicommand.screening.ScreeningFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A grid worker screens households on a phone (390 px): one tap for a door nobody opens, the
 * detailed form for a household with a feverish member, and the finding it raised acted on from the
 * findings page; the coverage board counts the visit.
 */
@EpiCommandTest
class ScreeningPhoneBrowserTest {

  @Autowired
  Api api;


  @Test
  void aGridWorkerVisitsHouseholdsAndActsOnAFeverFinding() {
    long n = System.nanoTime() % 100_000;
    String quiet = "手机排查路" + n + "号1号楼1单元101";
    String fever = "手机排查路" + n + "号1号楼2单元201";
    ScreeningFixtures.resident(api, "安静户" + n % 100, quiet);
    String patient = "发热户" + n % 100;
    ScreeningFixtures.resident(api, patient, fever);
    String roundId = ScreeningFixtures.runningRound(api, "手机排查-" + n);
    String quietId = ScreeningFixtures.household(api, roundId, quiet).get("householdId").asString();
    String feverId = ScreeningFixtures.household(api, roundId, fever).get("householdId").asString();
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "community");
      page.navigate(api.baseUrl() + "/screening/rounds/" + roundId + "/visit?all=true");
      Locator card = page.locator("[data-household='" + quietId + "']");
      assertThat(card.locator("[data-testid=outcome]").textContent()).isEqualTo("未走访");
      assertThat(card.textContent()).contains("1 号楼").contains("1 单元");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "screening-visit-list-phone");
      card.locator("[data-testid=quick-NOBODY_HOME]").click();
      page.waitForSelector("text=已保存");
      page.navigate(api.baseUrl() + "/screening/rounds/" + roundId + "/visit?all=true");
      card = page.locator("[data-household='" + quietId + "']");
      assertThat(card.locator("[data-testid=outcome]").textContent()).isEqualTo("无人在家");
      assertThat(card.textContent()).contains("需再次上门");

      page.locator("[data-household='" + feverId + "'] [data-testid=detail]").click();
      page.waitForSelector("[data-testid=visit-form]");
      Locator member = page.locator("[data-member]").first();
      member.locator("input[name^=temp-]").fill("38.4");
      member.locator("label:has-text('咳嗽')").click();
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "screening-visit-form-phone");
      page.locator("[data-testid=save]").click();
      page.waitForSelector("[data-testid=message]");
      assertThat(page.locator("[data-testid=message]").textContent()).contains("已生成 1 条发现");

      page.navigate(api.baseUrl() + "/screening/findings?jurisdiction=" + ScreeningFixtures.COMMUNITY);
      Locator finding = page.locator("[data-testid=findings] .card", new Page.LocatorOptions().setHasText(patient));
      assertThat(finding.locator("[data-testid=category]").textContent()).isEqualTo("发热");
      assertThat(finding.textContent()).contains("转诊发热门诊");
      assertThat(finding.locator("[data-testid=detail]").textContent()).contains("38.4 °C").contains("咳嗽")
          .doesNotContain("COUGH");
      finding.locator("input[name=reference]").fill("FK-PHONE-01");
      finding.locator("input[name=placed]").fill("区人民医院发热门诊");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "screening-findings-phone");
      finding.locator("button:has-text('登记处置')").click();
      page.waitForSelector("text=已保存");
      assertThat(page.locator("[data-testid=findings] .card", new Page.LocatorOptions().setHasText(patient)).count())
          .isZero();
    }
    JsonNode actioned = api.as("community").get("/api/v1/screening/findings?state=ACTIONED&jurisdiction="
        + ScreeningFixtures.COMMUNITY + "&size=500").json().get("items").valueStream()
        .filter(f -> f.get("personName").asString().equals(patient)).findFirst().orElseThrow();
    assertThat(actioned.get("action").asString()).isEqualTo("FEVER_CLINIC_REFERRAL");
    assertThat(actioned.get("actionRef").asString()).isEqualTo("FK-PHONE-01");
    assertThat(api.as("community").get("/api/v1/screening/rounds/" + roundId).json().get("documented").asLong())
        .isEqualTo(1);
  }
}
