package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Concealment on a phone (390 px): the investigator reports on the investigation page that the case concealed
 * travel (a report without evidence said on its field first); the tip-off office opens the case from its list and
 * refers it to public security.
 */
@EpiCommandTest
class ConcealmentPhoneBrowserTest {

  @Autowired
  Api api;

  @Test
  void theInvestigatorReportsAndTheOfficeRefers() {
    String name = "手机隐瞒者" + System.nanoTime() % 100_000;
    String caseId = CaseFixtures.caseOf(api, name, OrganisationFixtures.COMMUNITY, "CONFIRMED",
        LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString());
    String investigation = api.as("cdc").get("/api/v1/cases/" + caseId + "/investigation").json().get("id")
        .asString();
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "cdc");
      page.navigate(api.baseUrl() + "/tracing/investigations/" + investigation);
      page.selectOption("#concealed", "TRAVEL");
      page.click("[data-testid=report-concealment]");
      page.waitForSelector("[data-field-error=evidence]");
      page.selectOption("#concealed", "TRAVEL");
      page.fill("#evidence", "询问笔录：自述未离开本市；行程查询显示 3 日曾往返邻市。");
      page.click("[data-testid=report-concealment]");
      assertThat(page.waitForSelector("[data-testid=notice]").textContent()).contains("已报告隐瞒");
      assertThat(page.locator("[data-testid=concealment]").textContent()).contains("隐瞒行程", "往返邻市");
      page.locator("[data-testid=concealment]").scrollIntoViewIfNeeded();
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "concealment-report-phone");
    }
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "tipoff");
      page.navigate(api.baseUrl() + "/concealment");
      page.waitForSelector("[data-testid=cases] >> text=" + name);
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "concealment-list-phone");
      page.click("[data-testid=cases] >> text=" + name);
      page.selectOption("#referredTo", "PUBLIC_SECURITY");
      page.fill("#legalBasis", "治安管理处罚法第五十条");
      page.click("[data-testid=refer]");
      assertThat(page.waitForSelector("[data-testid=case-referred]").textContent()).contains("公安机关");
      assertThat(page.locator("[data-testid=case-state]").textContent()).contains("已移送");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "concealment-case-phone");
    }
  }
}
