package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.screening.ScreeningFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A grid worker screens an organisation on a phone (390 px, 入单位): the round's list of sites, the
 * visit form with a feverish worker and the leaflet, the finding it raised; the coverage board counts
 * the site and the leaflet.
 */
@EpiCommandTest
class ScreeningSitePhoneBrowserTest {

  @Autowired
  Api api;


  @Test
  void aGridWorkerVisitsAnOrganisationOnAPhone() {
    long n = System.nanoTime() % 100_000;
    String name = "手机排查电子厂" + n;
    String organisation = OrganisationFixtures.register(api, name, "ENTERPRISE", ScreeningFixtures.COMMUNITY, null)
        .json().get("id").asString();
    String roundId = ScreeningFixtures.runningRound(api, "手机入单位-" + n, List.of("ORGANISATIONS"));
    String siteId = api.as("community").get("/api/v1/screening/rounds/" + roundId + "/sites?size=500").json()
        .get("items").valueStream().filter(s -> organisation.equals(s.get("organisationId").asString(null)))
        .findFirst().orElseThrow().get("id").asString();
    String worker = "发热工人" + n % 100;
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "community");
      page.navigate(api.baseUrl() + "/screening/rounds/" + roundId + "/sites");
      Locator card = page.locator("[data-site='" + siteId + "']");
      assertThat(card.locator("[data-testid=outcome]").textContent()).isEqualTo("未走访");
      assertThat(card.locator("[data-testid=kind]").textContent()).isEqualTo("单位");
      assertThat(card.textContent()).contains(name).contains("20 人");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "screening-site-list-phone");

      card.locator("[data-testid=detail]").click();
      page.waitForSelector("[data-testid=visit-form]");
      assertThat(page.locator("[data-testid=questionnaire-version]").textContent()).startsWith("问卷第");
      page.locator("#staffPresent").fill("17");
      page.locator("label:has-text('员工台账已排查')").click();
      Locator person = page.locator("[data-person='0']");
      person.locator("input[name=name-0]").fill(worker);
      person.locator("input[name=temp-0]").fill("38.3");
      person.locator("label:has-text('咳嗽')").click();
      page.locator("label:has-text('已发放宣传单')").click();
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "screening-site-visit-phone");
      page.locator("[data-testid=save]").click();
      page.waitForSelector("[data-testid=message]");
      assertThat(page.locator("[data-testid=message]").textContent()).contains("已生成 1 条发现");

      page.navigate(api.baseUrl() + "/screening/rounds/" + roundId + "/sites?all=true");
      assertThat(page.locator("[data-site='" + siteId + "'] [data-testid=outcome]").textContent())
          .isEqualTo("已排查");
      page.navigate(api.baseUrl() + "/screening/rounds/" + roundId);
      Locator row = page.locator("[data-division='" + ScreeningFixtures.COMMUNITY + "']");
      assertThat(row.locator("[data-testid=sites]").textContent()).startsWith("1 / ");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "screening-site-board-phone");
      page.navigate(api.baseUrl() + "/screening/rounds/" + roundId + "/sites?all=true&lang=en");
      assertThat(page.locator("h1").textContent()).isEqualTo("Organisation screening");
      assertThat(page.locator("[data-site='" + siteId + "'] [data-testid=outcome]").textContent())
          .isEqualTo("Screened");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "screening-site-list-phone-en");
    }
    JsonNode finding = api.as("community").get("/api/v1/screening/findings?jurisdiction="
        + ScreeningFixtures.COMMUNITY + "&size=500").json().get("items").valueStream()
        .filter(f -> f.get("personName").asString().equals(worker)).findFirst().orElseThrow();
    assertThat(finding.get("category").asString()).isEqualTo("FEVER");
    assertThat(finding.get("address").asString()).startsWith(name);
    JsonNode visit = api.as("community").get("/api/v1/screening/site-visits/" + finding.get("siteVisitId").asString())
        .json();
    assertThat(visit.get("staffPresent").asInt()).isEqualTo(17);
    assertThat(visit.get("ledgerScreened").asBoolean()).isTrue();
    assertThat(visit.get("leafletDelivered").asBoolean()).isTrue();
  }
}
