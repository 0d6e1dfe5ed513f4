package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The command post's way of working with persons: forms name a person by typing their name (never an
 * id pasted in), and the person page is the one place for everything about them.
 */
@EpiCommandTest
class PersonPickerBrowserTest {

  @Autowired
  Api api;

  @Test
  void anInvestigatorReportsACaseAndAddsAContactByTypingNamesOnAPhone() {
    String suffix = Long.toString(System.nanoTime() % 1_000_000);
    String caseName = "拣选病例" + suffix;
    String contactName = "拣选接触" + suffix;
    String casePerson = CaseFixtures.person(api, caseName, CaseFixtures.COMMUNITY, "滨江路" + suffix + "号");
    String contactPerson = CaseFixtures.person(api, contactName, CaseFixtures.COMMUNITY);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "cdc");

      // the case report: the person is found by name and shown with the masked document and community
      page.navigate(api.baseUrl() + "/cases/new");
      choose(page, "personId", caseName, casePerson);
      assertThat(page.locator("[data-testid=picker-chosen]").textContent()).contains(caseName).contains("PT")
          .contains(communityName());
      page.selectOption("#classification", "CONFIRMED");
      page.fill("#onsetDate", today.minusDays(2).toString());
      Browser.screenshot(page, "picker-case-report-phone");
      page.click("[data-testid=case-submit]");
      page.waitForURL(url -> url.matches(".*/cases/[0-9a-f-]{36}$"));
      String caseId = page.url().substring(page.url().lastIndexOf('/') + 1);
      assertThat(page.locator("[data-testid=case-name]").textContent()).isEqualTo(caseName);

      // the contact: typed, chosen with the keyboard, no id in sight
      page.navigate(api.baseUrl() + "/tracing/cases/" + caseId + "/contacts");
      page.locator("[data-testid=contact-form] [data-testid=picker-search]").fill(contactName);
      page.waitForSelector("[data-testid=contact-form] .picker-results button[data-id='" + contactPerson + "']");
      page.locator("[data-testid=contact-form] [data-testid=picker-search]").press("Enter");
      assertThat(page.inputValue("[data-testid=contact-form] input[name=personId]")).isEqualTo(contactPerson);
      page.fill("#lastExposureDate", today.minusDays(1).toString());
      Browser.screenshot(page, "picker-add-contact-phone");
      page.click("[data-testid=contact-form] button[type=submit]");
      page.waitForSelector("[data-testid=contacts]");
      assertThat(page.locator("[data-testid=contacts]").textContent()).contains(contactName);
      Browser.fitsThePhone(page);

      // a name nobody has is said so, and nothing is chosen
      page.navigate(api.baseUrl() + "/cases/new");
      page.locator("[data-testid=picker-search]").fill("无此人" + suffix);
      page.waitForSelector(".picker-results .list-group-item");
      assertThat(page.locator(".picker-results").textContent()).contains("没有找到匹配的人员");
      assertThat(page.inputValue("input[name=personId]")).isEmpty();
    }
  }

  @Test
  void thePersonPageGathersTheCaseTheContactsTheOrdersAndStartsEveryFlow() {
    String suffix = Long.toString(System.nanoTime() % 1_000_000);
    String caseName = "档案病例" + suffix;
    String contactName = "档案接触" + suffix;
    String caseId = CaseFixtures.caseOf(api, caseName, CaseFixtures.COMMUNITY, "CONFIRMED",
        LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(2).toString());
    String casePerson = api.as("cdc").get("/api/v1/cases/" + caseId).json().get("personId").asString();
    String contactPerson = CaseFixtures.person(api, contactName, CaseFixtures.COMMUNITY, "档案路" + suffix + "号");
    Api.Answer contact = api.as("cdc").post("/api/v1/cases/" + caseId + "/contacts", CaseFixtures.body("personId",
        contactPerson, "category", "CLOSE", "contactType", "HOUSEHOLD", "lastExposureDate",
        LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString()));
    assertThat(contact.status()).as(contact.body()).isEqualTo(201);
    try (BrowserContext context = Browser.context(false)) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "cdc");
      page.navigate(api.baseUrl() + "/persons/" + casePerson);
      page.waitForSelector("[data-testid=section-cases] [data-testid=section-case-link]");
      page.waitForSelector("[data-testid=section-contacts] [data-testid=own-case-contacts]");
      assertThat(page.locator("[data-testid=own-case-contacts]").textContent()).contains("1");
      assertThat(page.locator("[data-testid=person-actions]").textContent()).contains("报告病例", "登记为接触者",
          "开隔离单");

      page.navigate(api.baseUrl() + "/persons/" + contactPerson);
      page.waitForSelector("[data-testid=section-contacts] a:text('" + caseName + "')");
      page.waitForSelector("[data-testid=section-quarantine]");
      page.waitForSelector("[data-testid=section-tests]");
      page.waitForSelector("[data-testid=section-movement]");
      assertThat(page.locator(".person-section-loading").count()).isZero();
      Browser.screenshot(page, "person-page-sections");

      // 开隔离单 from the person page: the form already names the person
      page.click("[data-testid=action-open-order]");
      assertThat(page.locator("[data-testid=picker-chosen]").textContent()).contains(contactName);
      assertThat(page.inputValue("input[name=personId]")).isEqualTo(contactPerson);

      // 登记为接触者 from the person page: choose the case by name, land on its contact form with the person in it
      page.navigate(api.baseUrl() + "/persons/" + contactPerson);
      page.click("[data-testid=action-add-contact]");
      page.locator("[data-testid=picker-search]").fill(caseName);
      page.click(".picker-results button[data-id='" + caseId + "']");
      page.click("[data-testid=choose-case-next]");
      page.waitForURL(url -> url.contains("/tracing/cases/" + caseId + "/contacts"));
      assertThat(page.inputValue("[data-testid=contact-form] input[name=personId]")).isEqualTo(contactPerson);
      assertThat(page.locator("[data-testid=contact-form] [data-testid=picker-chosen]").textContent())
          .contains(contactName);
    }
  }

  /** Types into the picker of {@code field} and clicks the hit of {@code personId}. */
  static void choose(Page page, String field, String text, String personId) {
    var picker = page.locator(".person-picker:has(input[name='" + field + "'])");
    picker.locator("[data-testid=picker-search]").fill(text);
    picker.locator(".picker-results button[data-id='" + personId + "']").click();
    page.waitForFunction("([f, v]) => document.querySelector(\"input[name='\" + f + \"']\").value === v",
        new Object[] {field, personId});
  }

  private String communityName() {
    return api.as("admin").get("/api/v1/jurisdictions/" + CaseFixtures.COMMUNITY).json().get("name").asString();
  }
}
