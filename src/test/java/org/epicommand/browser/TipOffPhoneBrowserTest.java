package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.People;
import org.epicommand.tipoff.internal.PublicTipOffLimit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tip-offs on a phone (390 px): a resident fills the public form without a login, a missing field is
 * said on the field, the tip-off is answered with a receipt number whose status can be checked; the
 * community worker's verification list and its form.
 */
@EpiCommandTest
class TipOffPhoneBrowserTest {

  @Autowired
  Api api;
  @Autowired
  PublicTipOffLimit limit;


  @Test
  void aResidentReportsOnThePhoneAndChecksTheStatus() {
    limit.reset();
    String community = api.as("admin").get("/api/v1/jurisdictions/" + OrganisationFixtures.COMMUNITY).json()
        .get("name").asString();
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      page.navigate(api.baseUrl() + "/public/tip-off");
      assertThat(page.url()).endsWith("/public/tip-off"); // no login
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "tipoff-public-phone-empty");

      page.selectOption("#topic", "CONCEALED_TRAVEL");
      page.fill("#address", "幸福小区 3 号楼 2 单元");
      page.fill("#informantPhone", "13800138000");
      page.click("[data-testid=tipoff-submit]");
      page.waitForSelector("[data-field-error=description]");
      assertThat(page.locator("[data-field-error=jurisdictionCode]").isVisible()).isTrue();
      assertThat(page.inputValue("#address")).isEqualTo("幸福小区 3 号楼 2 单元");
      Browser.fitsThePhone(page);

      Browser.chooseDivision(page, "jurisdictionCode", OrganisationFixtures.COMMUNITY, community);
      page.fill("#description", "该住户上周从外地返回，未向社区报备，也未做核酸检测。");
      page.fill("#informantPhone", "13800138000");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "tipoff-public-phone-filled");
      page.click("[data-testid=tipoff-submit]");
      page.waitForSelector("[data-testid=tipoff-done]");
      String receipt = page.locator("[data-testid=receipt]").textContent().strip();
      assertThat(receipt).matches("JB[0-9A-Z]{10}");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "tipoff-public-phone-receipt");

      page.click("[data-testid=status-link]");
      page.waitForLoadState();
      Browser.screenshot(page, "tipoff-public-phone-status");
      assertThat(page.url()).contains("/public/tip-off/status?receipt=" + receipt);
      assertThat(page.locator("[data-testid=status]").textContent()).contains(receipt).contains("已收到");
      Browser.fitsThePhone(page);
    }
  }

  @Test
  void theCommunityWorkerVerifiesOnThePhone() {
    Map<String, Object> body = Map.of("channel", "HOTLINE", "topic", "GATHERING", "address", "东湖路 9 号麻将馆",
        "jurisdictionCode", OrganisationFixtures.COMMUNITY, "description", "手机核查：麻将馆聚集" + System.nanoTime());
    Api.Answer made = api.as("tipoff").post("/api/v1/tip-offs", body);
    String id = made.json().get("id").asString();
    assertThat(api.as("tipoff").post("/api/v1/tip-offs/" + id + "/assign", Map.of()).status()).isEqualTo(200);
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "community");
      page.navigate(api.baseUrl() + "/tipoff/verification");
      var card = page.locator("[data-tipoff='" + id + "']");
      assertThat(card.textContent()).contains("东湖路 9 号麻将馆").contains("核查时限");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "tipoff-verification-phone");
      card.locator("[data-testid=start]").click();
      page.waitForSelector("[data-testid=notice]");
      card = page.locator("[data-tipoff='" + id + "']");
      card.locator("select[name=outcome]").selectOption("CONFIRMED");
      card.locator("textarea[name=findings]").fill("现场 8 人聚集，已劝散");
      card.locator("[data-testid=verify]").click();
      page.waitForSelector("[data-testid=notice]");
      assertThat(page.locator("[data-tipoff='" + id + "']").count()).isZero();
      Browser.fitsThePhone(page);
    }
    assertThat(api.as("tipoff").get("/api/v1/tip-offs/" + id).json().get("state").asString())
        .isEqualTo("SUBSTANTIATED");
  }

  @Test
  void theOfficeTriagesOnThePhoneAndSeesTheInformantOnRequest() {
    Map<String, Object> body = Map.of("channel", "LETTER", "topic", "CONCEALED_SYMPTOMS", "address", "东湖路 12 号",
        "jurisdictionCode", OrganisationFixtures.COMMUNITY, "description", "来信：发热未报告" + System.nanoTime(),
        "informantName", "来信人", "informantPhone", "13800138009");
    String subjectName = "发热未报者" + System.nanoTime() % 1_000_000L;
    String personId = People.resident(subjectName, OrganisationFixtures.COMMUNITY).id(api);
    Map<String, Object> earlierBody = new java.util.HashMap<>(body);
    earlierBody.put("description", "早前来电：发热未报告" + System.nanoTime());
    Api.Answer earlier = api.as("tipoff").post("/api/v1/tip-offs", earlierBody);
    api.as("tipoff").post("/api/v1/tip-offs/" + earlier.json().get("id").asString() + "/subject-person",
        Map.of("personId", personId));
    String id = api.as("tipoff").post("/api/v1/tip-offs", body).json().get("id").asString();
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "tipoff");
      page.navigate(api.baseUrl() + "/tipoff");
      assertThat(page.locator("[data-tipoff='" + id + "']").textContent()).contains("隐瞒病情").contains("来信");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "tipoff-inbox-phone");
      page.locator("[data-tipoff='" + id + "']").click();
      page.waitForSelector("[data-testid=show-informant]");
      assertThat(page.content()).doesNotContain("来信人");
      page.click("[data-testid=show-informant]");
      page.waitForSelector("[data-testid=informant]");
      assertThat(page.locator("[data-testid=informant]").textContent()).contains("来信人").contains("13800138009");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "tipoff-detail-phone");

      var match = page.locator("[data-testid=subject-person-form]");
      assertThat(match.locator("[data-testid=picker-chosen]").isVisible()).as("no empty chosen box").isFalse();
      match.locator("[data-testid=picker-search]").fill(subjectName);
      match.locator(".picker-results button[data-id='" + personId + "']").click();
      match.locator("[data-testid=match-subject]").click();
      page.waitForSelector("[data-testid=notice]");
      assertThat(page.locator("[data-testid=subject-person]").textContent()).contains(subjectName)
          .containsPattern("\\d{4}\\*+\\d{3}[\\dX]"); // the document masked
      assertThat(page.locator("[data-testid=possible-duplicates]").textContent())
          .contains(earlier.json().get("receipt").asString());
      assertThat(page.locator("[data-testid=subject-duplicates]").textContent()).contains("见上方")
          .doesNotContain(earlier.json().get("receipt").asString());
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "tipoff-subject-person-phone");
      page.click("[data-testid=assign]");
      page.waitForSelector("[data-testid=notice]");
      assertThat(page.locator("[data-testid=state]").textContent()).isEqualTo("已交办");
    }
  }
}
