package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.util.UUID;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The treatment pages in Chromium: the demo hospital operator admits a case on a phone and sees only
 * their hospital; the commander sees the beds tile on the dashboard and the bed gap page.
 */
@EpiCommandTest
class TreatmentPagesBrowserTest {

  /** The demo designated hospital the demo operator {@code hospital} is bound to. */
  static final String HOSPITAL = "H-DD01";

  @Autowired
  Api api;


  @Test
  void theHospitalOperatorAdmitsACaseOnAPhone() {
    String caseId = CaseFixtures.caseOf(api, "收治" + UUID.randomUUID().toString().substring(0, 4), "990101001005",
        "CONFIRMED", "2026-11-01");
    api.as("cdc").post("/api/v1/cases/" + caseId + "/severity", java.util.Map.of("severity", "MODERATE"));
    int before = api.as("commander").get("/api/v1/hospitals/" + HOSPITAL).json().get("beds").valueStream()
        .filter(b -> b.get("type").asString().equals("GENERAL")).findFirst().orElseThrow().get("occupied").asInt();

    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "hospital");
      page.navigate(api.baseUrl() + "/treatment");
      assertThat(page.locator("[data-testid=hospitals] a").count()).as("only the own hospital").isEqualTo(1);
      assertThat(page.locator("[data-testid=hospitals] a").getAttribute("data-code")).isEqualTo(HOSPITAL);
      assertThat(page.content()).contains("定点医院").doesNotContain(">DESIGNATED<");
      Browser.screenshot(page, "treatment-board-phone");
      page.click("[data-testid=hospitals] a");
      page.fill("[data-testid=admit-case]", caseId);
      page.selectOption("[data-testid=admit-bed]", new SelectOption().setValue("GENERAL"));
      page.click("[data-testid=admit]");
      page.waitForSelector("[data-testid=notice]");
      assertThat(page.locator("[data-testid=notice]").textContent()).isEqualTo("已收治");
      assertThat(page.locator("[data-testid=stays] [data-case='" + caseId + "']").count()).isEqualTo(1);
      assertThat(page.locator("[data-testid=beds] tr[data-type=GENERAL] [data-testid=occupied]").textContent())
          .isEqualTo(Integer.toString(before + 1));
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "treatment-admit-phone");

      page.fill("[data-testid=admit-case]", caseId);
      page.click("[data-testid=admit]");
      page.waitForSelector("[data-testid=problem]");
      assertThat(page.locator("[data-testid=problem]").textContent()).contains("已在院");
    }
    assertThat(api.as("commander").get("/api/v1/cases/" + caseId).json().get("outcome").asString())
        .isEqualTo("DESIGNATED_HOSPITAL");

    try (BrowserContext context = Browser.context(false)) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "commander");
      page.navigate(api.baseUrl() + "/analytics/dashboard");
      page.waitForSelector("[data-testid=beds-tile]");
      assertThat(page.locator("[data-testid=beds-tile]").textContent()).contains("救治床位").contains("在用床位");
      page.navigate(api.baseUrl() + "/treatment/capacity?r=2.5&population=100000&initialExposed=50"
          + "&initialInfectious=50&days=60");
      assertThat(page.locator("[data-testid=gap]").textContent()).contains("缺少");
      Browser.screenshot(page, "treatment-capacity");
    }
  }
}
