package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.epicommand.enterprise.ReopeningFixtures;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A scenic spot and a religious site reopen, on 390-px phones, end to end: the spot is registered with its
 * certified capacity, its contact puts staff on the ledger, files the day's report with visitors, drafts
 * the application and corrects it (the refusal shown under its field), attaches, signs and submits; on site
 * the capacity item fails and approving is refused listing it (409 with missing[] through the API too);
 * once passed it is approved and the board shows the visitors against the 30 % cap. The religious site's
 * "两暂停" gate refuses the planned day until the command office lifts it; approval is refused for the
 * missing signature and items, then given, then suspended — and the contact sees why.
 */
@EpiCommandTest
class ReopeningVenuesBrowserTest {

  static final LocalDate PLANNED = LocalDate.of(2026, 12, 24);

  @Autowired
  Api api;


  @Test
  void aScenicSpotReopensWithinItsCapacity() {
    String name = "手机景区" + System.nanoTime() % 100_000;
    String organisationId;
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "commander");
      page.navigate(api.baseUrl() + "/organisations/new");
      String code = OrganisationFixtures.creditCode();
      page.fill("#org-code", code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'));
      page.fill("#org-name", name);
      page.selectOption("#org-kind", "SCENIC_SPOT");
      Browser.chooseDivision(page, "jurisdictionCode", OrganisationFixtures.COMMUNITY, divisionName());
      page.fill("#org-headcount", "40");
      page.fill("#org-capacity", "1000");
      page.click("[data-testid=org-save]");
      page.waitForSelector("[data-field-error=creditCode]");
      page.fill("#org-code", code);
      Browser.fitsThePhone(page);
      page.click("[data-testid=org-save]");
      page.waitForURL(url -> url.matches(".*/organisations/[0-9a-f-]{36}$"));
      organisationId = page.url().substring(page.url().lastIndexOf('/') + 1);
      assertThat(page.content()).contains(name).contains("1000");
    }
    String contact = OrganisationFixtures.contact(api, organisationId);
    String applicationId;
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), contact, OrganisationFixtures.CONTACT_PASSWORD);
      page.navigate(api.baseUrl() + "/organisations/" + organisationId + "/staff");
      page.click("[data-testid=add-staff]");
      page.fill("#st-name", "检票员");
      page.selectOption("#st-type", "PASSPORT");
      page.fill("#st-number", ReopeningFixtures.passport());
      page.fill("#st-post", "入口");
      page.click("[data-testid=save-staff]");
      page.waitForSelector("text=已登记到台账");
      page.locator("[data-testid=edit-staff] summary").first().click();
      Locator edit = page.locator("[data-testid=staff-edit-form]").first();
      edit.locator("input[name=travelNote]").fill("14 天内未离开本市");
      edit.locator("[data-testid=save-staff-edit]").click();
      page.waitForSelector("text=台账信息已更新");

      page.fill("#h-present", "1");
      page.fill("#h-visitors", "280");
      page.check("#h-zero");
      page.click("[data-testid=file-health]");
      page.waitForSelector("text=晨午检日报已报送");
      assertThat(page.locator("[data-testid=health-reports]").textContent()).contains("接待 280 人");

      page.selectOption("#app-kind", "REOPEN_VENUE");
      page.fill("#app-date", PLANNED.toString());
      page.click("[data-testid=create-application]");
      page.waitForURL(url -> url.contains("/enterprise/applications/"));
      applicationId = page.url().substring(page.url().lastIndexOf('/') + 1);
      assertThat(page.locator("[data-testid=checklist]").textContent()).contains("一进一测一登记")
          .contains("实名预约、分时段游览").contains("游客量不超过核定最大承载量的30%");
      assertThat(page.locator("[data-testid=missing]").textContent()).contains("口罩储备不足")
          .contains("缺少体温计").contains("缺少签字：景区负责人");

      page.click("[data-testid=edit-draft] summary");
      page.fill("#edit-masks", "-5");
      page.click("[data-testid=save-draft]");
      page.waitForSelector("[data-field-error='supplies.masks']");
      assertThat(page.locator("[data-testid=edit-draft]").getAttribute("open")).isNotNull();
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "reopening-venue-phone-draft-error");
      page.fill("#edit-masks", "10");
      page.fill("#edit-thermo", "2");
      page.check("#edit-isolation");
      page.click("[data-testid=save-draft]");
      page.waitForSelector("text=草稿已修改");
      assertThat(page.locator("[data-testid=missing]").textContent()).doesNotContain("口罩储备不足")
          .doesNotContain("缺少体温计");

      for (String kind : List.of("APPLICATION", "COMMITMENT", "PREVENTION_PLAN")) {
        page.selectOption("[data-testid=document-form] select[name=kind]", kind);
        page.setInputFiles("[data-testid=document-form] input[type=file]",
            new FilePayload(kind.toLowerCase() + ".pdf", "application/pdf", ReopeningFixtures.PDF));
        page.click("[data-testid=upload-document]");
        page.waitForSelector("text=材料已上传");
      }
      Locator head = page.locator("[data-testid=sign-offs] li", new Page.LocatorOptions().setHasText("景区负责人"));
      head.locator("input[name=name]").fill("周经理");
      head.locator("[data-testid=sign]").click();
      page.waitForSelector("[data-testid=signed]:has-text('周经理')");
      Browser.fitsThePhone(page);
      page.click("[data-testid=move-submit]");
      page.waitForSelector("text=申请已提交");
    }
    assertThat(ReopeningFixtures.step(api, "commander", applicationId, "start-review", null).status()).isEqualTo(200);
    assertThat(ReopeningFixtures.step(api, "commander", applicationId, "request-inspection", null).status())
        .isEqualTo(200);

    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "inspector");
      page.navigate(api.baseUrl() + "/enterprise/applications/" + applicationId);
      for (String code : List.of("ZONING", "STAFF_HEALTH", "ENTRY_CHECK", "BOOKING", "CAPACITY")) {
        Locator item = page.locator("[data-item=" + code + "]");
        item.locator("label:has-text('" + (code.equals("CAPACITY") ? "不合格" : "合格") + "')").first().click();
        if (code.equals("CAPACITY")) {
          item.locator("input[name=note]").fill("室内展馆未关闭");
        }
        item.locator("[data-testid=record-item]").click();
        page.waitForSelector("[data-item=" + code + "] [data-testid=item-outcome]");
      }
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "reopening-venue-phone-inspection");
    }
    Api.Answer refused = ReopeningFixtures.step(api, "commander", applicationId, "approve", null);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("missing").toString()).contains("checklist.CAPACITY")
        .doesNotContain("checklist.BOOKING").doesNotContain("signOffs");

    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "commander");
      page.navigate(api.baseUrl() + "/enterprise/applications/" + applicationId);
      assertThat(page.locator("[data-testid=missing]").textContent()).contains("现场验收未通过：游客量不超过核定最大承载量的30%");
      page.click("[data-testid=move-approve]");
      page.waitForSelector("[data-testid=problem]");
      assertThat(page.locator("[data-testid=problem]").textContent()).contains("审批条件未满足")
          .contains("游客量不超过核定最大承载量的30%");
      assertThat(api.as("inspector").put("/api/v1/resumption/applications/" + applicationId + "/checklist/CAPACITY",
          Map.of("outcome", "PASS", "note", "室内展馆已关闭")).status()).isEqualTo(200);
      page.reload();
      assertThat(page.locator("[data-testid=ready]").count()).isOne();
      page.click("[data-testid=move-approve]");
      page.waitForSelector("text=申请已批准");

      page.navigate(api.baseUrl() + "/enterprise/board?jurisdiction=" + OrganisationFixtures.COMMUNITY);
      Locator spot = page.locator("[data-testid=board-scenic] li", new Page.LocatorOptions().setHasText(name));
      assertThat(spot.textContent()).as("280 visitors against 30 % of 1000").contains("280 / 300");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "reopening-venue-phone-board");
    }
    JsonNode approved = api.as("district").get("/api/v1/resumption/applications/" + applicationId).json();
    assertThat(approved.get("state").asString()).as("属地 read the decision").isEqualTo("APPROVED");
    assertThat(approved.get("templateCode").asString()).isEqualTo("SCENIC_SPOT");
  }

  @Test
  void aReligiousSiteWaitsForTheTwoSuspensionsToBeLiftedAndIsSuspendedAgain() {
    ReopeningFixtures.Org site = ReopeningFixtures.organisation(api, "手机寺" + System.nanoTime() % 100_000,
        "RELIGIOUS_SITE", null);
    String gateName = "两暂停" + System.nanoTime() % 100_000;
    String applicationId;
    try {
      try (BrowserContext context = Browser.phone()) {
        Page commander = context.newPage();
        Browser.login(commander, api.baseUrl(), "commander");
        commander.navigate(api.baseUrl() + "/enterprise/gates");
        commander.fill("#gate-name", gateName);
        commander.fill("#gate-day", "2099-01-01");
        commander.selectOption("#gate-kind", "RELIGIOUS_SITE");
        Browser.chooseDivision(commander, "jurisdictionCode", OrganisationFixtures.COMMUNITY, divisionName());
        commander.click("[data-testid=save-gate]");
        commander.waitForSelector("[data-testid=gates] li:has-text('" + gateName + "')");
      }
      try (BrowserContext context = Browser.phone()) {
        Page page = context.newPage();
        Browser.login(page, api.baseUrl(), site.contact(), OrganisationFixtures.CONTACT_PASSWORD);
        page.navigate(api.baseUrl() + "/organisations/" + site.id() + "/staff");
        page.click("[data-testid=add-staff]");
        page.fill("#st-name", "住寺法师");
        page.selectOption("#st-type", "PASSPORT");
        page.fill("#st-number", ReopeningFixtures.passport());
        page.fill("#st-post", "教职人员");
        page.click("[data-testid=save-staff]");
        page.waitForSelector("text=已登记到台账");
        fillApplication(page);
        page.waitForSelector("[data-field-error=plannedDate]");
        assertThat(page.locator("[data-field-error=plannedDate]").textContent()).contains("2099-01-01");
        Browser.fitsThePhone(page);
        Browser.screenshot(page, "reopening-religious-phone-gate");
      }
      try (BrowserContext context = Browser.phone()) {
        Page commander = context.newPage();
        commander.onDialog(dialog -> dialog.accept());
        Browser.login(commander, api.baseUrl(), "commander");
        commander.navigate(api.baseUrl() + "/enterprise/gates");
        Locator gate = commander.locator("[data-testid=gates] li", new Page.LocatorOptions().setHasText(gateName));
        gate.locator("[data-testid=lift-gate]").click();
        commander.waitForSelector("text=" + gateName, new Page.WaitForSelectorOptions()
            .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
      }
    } finally {
      liftIfInForce(gateName);
    }
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), site.contact(), OrganisationFixtures.CONTACT_PASSWORD);
      page.navigate(api.baseUrl() + "/organisations/" + site.id() + "/staff");
      fillApplication(page);
      page.waitForURL(url -> url.contains("/enterprise/applications/"));
      applicationId = page.url().substring(page.url().lastIndexOf('/') + 1);
      assertThat(page.locator("[data-testid=checklist]").textContent()).contains("两暂停")
          .contains("教职人员和工作人员名册健康排查");
      ReopeningFixtures.documents(site, applicationId);
      page.click("[data-testid=move-submit]");
      page.waitForSelector("text=申请已提交");
    }
    assertThat(ReopeningFixtures.step(api, "commander", applicationId, "start-review", null).status()).isEqualTo(200);
    assertThat(ReopeningFixtures.step(api, "commander", applicationId, "request-inspection", null).status())
        .isEqualTo(200);
    assertThat(api.as("inspector").put("/api/v1/resumption/applications/" + applicationId
        + "/checklist/DISINFECTION", Map.of("outcome", "PASS")).status()).isEqualTo(200);
    Api.Answer refused = ReopeningFixtures.step(api, "commander", applicationId, "approve", null);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("missing").toString()).contains("checklist.TWO_SUSPENSIONS")
        .contains("checklist.CLERGY_ROSTER").contains("signOffs.场所负责人").doesNotContain("checklist.DISINFECTION");
    ReopeningFixtures.checkAll(api, "inspector", applicationId, "PASS");
    assertThat(ReopeningFixtures.sign(api.as("commander"), applicationId, "场所负责人").status()).isEqualTo(200);

    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "commander");
      page.navigate(api.baseUrl() + "/enterprise/applications/" + applicationId);
      page.click("[data-testid=move-approve]");
      page.waitForSelector("text=申请已批准");
      page.fill("#reason", "发现聚集性宗教活动");
      page.click("[data-testid=move-reason]");
      page.waitForSelector("text=已暂停，须重新验收");
      assertThat(page.locator("[data-testid=app-title] [data-testid=state]").getAttribute("data-state"))
          .isEqualTo("SUSPENDED");
    }
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), site.contact(), OrganisationFixtures.CONTACT_PASSWORD);
      page.navigate(api.baseUrl() + "/enterprise/applications/" + applicationId);
      assertThat(page.locator("[data-testid=app-reason]").textContent()).contains("发现聚集性宗教活动");
      assertThat(page.locator("[data-testid=history]").textContent()).contains("已批准").contains("已暂停");
      assertThat(page.locator("[data-testid=moves] button").count()).as("nothing for the contact to do").isZero();
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "reopening-religious-phone-suspended");
    }
  }

  /** Files a venue application for the planned day with enough supplies, on the organisation's page. */
  private static void fillApplication(Page page) {
    page.selectOption("#app-kind", "REOPEN_VENUE");
    page.fill("#app-date", PLANNED.toString());
    page.fill("#app-masks", "10");
    page.fill("#app-thermo", "1");
    page.check("#app-isolation");
    page.click("[data-testid=create-application]");
  }

  /** Lifts the gate of that name if a failed step left it in force (it would hold back other religious sites). */
  private void liftIfInForce(String gateName) {
    for (JsonNode gate : api.as("commander").get("/api/v1/resumption/gates").json()) {
      if (gate.get("name").asString().equals(gateName)) {
        api.as("commander").post("/api/v1/resumption/gates/" + gate.get("id").asString() + "/retire", "{}");
      }
    }
  }

  private String divisionName() {
    return api.as("commander").get("/api/v1/jurisdictions/" + OrganisationFixtures.COMMUNITY).json().get("name")
        .asString();
  }
}
