package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.time.LocalDate;
import java.util.Base64;
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
 * 高三 reopening on phones (390 px): the school's contact puts a teacher on the ledger, files the
 * day's health report, drafts the application, attaches the three documents, signs as headmaster and
 * submits; the inspector checks an item on site with a photo; the commander sees what is missing,
 * then approves once the other two signatures are in. The board at the end.
 */
@EpiCommandTest
class ReopeningPhoneBrowserTest {

  static final LocalDate PLANNED = LocalDate.of(2026, 12, 22);
  /** A 1×1 PNG. */
  static final byte[] PIXEL = Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

  @Autowired
  Api api;


  @Test
  void aSchoolReopensItsSeniorThreeFromThePhones() {
    ReopeningFixtures.Org school = ReopeningFixtures.organisation(api, "手机一中" + System.nanoTime() % 10_000,
        "SCHOOL", List.of("高三"));
    String applicationId;
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), school.contact(), OrganisationFixtures.CONTACT_PASSWORD);
      page.navigate(api.baseUrl() + "/organisations/" + school.id() + "/staff");
      assertThat(page.locator("[data-testid=empty-state]").textContent()).contains("台账中没有人员");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "reopening-organisation-phone-empty");

      page.click("[data-testid=add-staff]");
      page.fill("#st-name", "高三班主任");
      page.selectOption("#st-type", "PASSPORT");
      page.fill("#st-number", ReopeningFixtures.passport());
      page.fill("#st-post", "高三（1）班");
      page.click("[data-testid=save-staff]");
      page.waitForSelector("text=已登记到台账");
      assertThat(page.locator("[data-testid=staff]").textContent()).contains("高三班主任").contains("在岗");
      assertThat(page.locator("[data-testid=cleared-share]").textContent()).isEqualTo("100%");

      page.fill("#h-present", "1");
      page.check("#h-zero");
      page.click("[data-testid=file-health]");
      page.waitForSelector("text=晨午检日报已报送");
      assertThat(page.locator("[data-testid=health-reports]").textContent()).contains("零报告");

      page.selectOption("#app-kind", "REOPEN_SCHOOL_COHORT");
      page.selectOption("#app-cohort", "高三");
      page.fill("#app-date", PLANNED.toString());
      page.fill("#app-masks", "30");
      page.fill("#app-thermo", "2");
      page.check("#app-isolation");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "reopening-organisation-phone-filled");
      page.click("[data-testid=create-application]");
      page.waitForURL(url -> url.contains("/enterprise/applications/"));
      applicationId = page.url().substring(page.url().lastIndexOf('/') + 1);
      assertThat(page.locator("[data-testid=missing]").textContent()).contains("缺少签字：校长").contains("缺少复工申请书");

      List<String> kinds = List.of("APPLICATION", "COMMITMENT", "PREVENTION_PLAN");
      for (int i = 0; i < kinds.size(); i++) {
        page.selectOption("[data-testid=document-form] select[name=kind]", kinds.get(i));
        page.setInputFiles("[data-testid=document-form] input[type=file]",
            new FilePayload(kinds.get(i).toLowerCase() + ".pdf", "application/pdf", ReopeningFixtures.PDF));
        page.click("[data-testid=upload-document]");
        page.waitForSelector("[data-testid=documents] li:nth-child(" + (i + 1) + ")");
      }
      assertThat(page.locator("[data-testid=documents] li").count()).isEqualTo(3);
      Locator headmaster = page.locator("[data-testid=sign-offs] li", new Page.LocatorOptions().setHasText("校长"))
          .last();
      headmaster.locator("input[name=name]").fill("李校长");
      headmaster.locator("[data-testid=sign]").click();
      page.waitForSelector("text=李校长");
      assertThat(page.locator("[data-testid=missing]").textContent()).doesNotContain("缺少签字：校长")
          .contains("缺少签字：党委政府主要负责同志");
      move(page, "reopening-application-phone-draft", "submit", "申请已提交", "SUBMITTED");
      assertThat(page.locator("[data-testid=move-submit]").count()).isZero();
    }

    step(applicationId, "start-review");
    step(applicationId, "request-inspection");
    JsonNode template = api.as("commander").get("/api/v1/checklist-templates/SENIOR_THREE_TEN").json();
    String first = template.get("items").get(0).get("code").asString();
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "inspector");
      page.navigate(api.baseUrl() + "/enterprise/applications/" + applicationId);
      Locator item = page.locator("[data-item=" + first + "]");
      item.locator("label:has-text('合格')").first().click();
      item.locator("input[name=note]").fill("健康证明逐一核对");
      item.locator("input[type=file]").setInputFiles(new FilePayload("gate.png", "image/png", PIXEL));
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "reopening-inspection-phone-item");
      item.locator("[data-testid=record-item]").click();
      page.waitForSelector("text=已记录");
      item = page.locator("[data-item=" + first + "]");
      assertThat(item.locator("[data-testid=item-outcome]").textContent()).contains("合格").contains("现场");
      assertThat(item.locator("[data-testid=item-photo]").count()).isOne();
      assertThat(page.locator("[data-testid=move-approve]").count()).as("the inspector does not approve").isZero();
    }
    for (JsonNode it : template.get("items")) {
      if (!it.get("code").asString().equals(first)) {
        api.as("inspector").put("/api/v1/resumption/applications/" + applicationId + "/checklist/"
            + it.get("code").asString(), Map.of("outcome", "PASS"));
      }
    }

    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "commander");
      page.navigate(api.baseUrl() + "/enterprise/applications/" + applicationId);
      assertThat(page.locator("[data-testid=missing]").textContent()).contains("党委政府主要负责同志")
          .contains("教育行政主管部门负责人").doesNotContain("现场验收未通过");
      page.click("[data-testid=move-approve]");
      page.waitForSelector("[data-testid=problem]");
      assertThat(page.locator("[data-testid=problem]").textContent()).contains("审批条件未满足")
          .contains("缺少签字：党委政府主要负责同志");
      Map<String, String> signers = Map.of("党委政府主要负责同志", "张书记", "教育行政主管部门负责人", "赵局长");
      for (Map.Entry<String, String> signer : signers.entrySet()) {
        Locator row = page.locator("[data-testid=sign-offs] li", new Page.LocatorOptions().setHasText(signer.getKey()));
        row.locator("input[name=name]").fill(signer.getValue());
        row.locator("[data-testid=sign]").click();
        page.waitForSelector("[data-testid=signed]:has-text('" + signer.getValue() + "')");
      }
      assertThat(page.locator("[data-testid=ready]").count()).isOne();
      move(page, "reopening-approval-phone-ready", "approve", "申请已批准", "APPROVED");
      assertThat(page.locator("[data-testid=history]").textContent()).contains("已批准");

      page.navigate(api.baseUrl() + "/enterprise/board");
      assertThat(page.locator("[data-testid=board-kpis]").textContent()).contains("复工率").contains("返岗率");
      assertThat(page.locator("[data-testid=board-cohorts]").textContent()).contains("高三");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "reopening-board-phone");
    }
  }

  /** Screenshots the page on the phone, makes the move, and sees its notice and the new state. */
  private static void move(Page page, String screenshot, String move, String notice, String state) {
    Browser.fitsThePhone(page);
    Browser.screenshot(page, screenshot);
    page.click("[data-testid=move-" + move + "]");
    page.waitForSelector("text=" + notice);
    assertThat(page.locator("[data-testid=app-title] [data-testid=state]").getAttribute("data-state"))
        .isEqualTo(state);
  }

  private void step(String applicationId, String move) {
    Api.Answer answer = ReopeningFixtures.step(api, "commander", applicationId, move, null);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }
}
