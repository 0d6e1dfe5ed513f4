package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The vaccination layer on the dashboard's map, in a real Chromium, on a phone: the commander picks 疫苗接种率, then
 * an age band and a dose; the districts are coloured against the target (the legend's last bin is the target,
 * 达标), the note names the target and the list under the map shows each district's coverage as the API does.
 * Screenshot: target/screenshots/map-vaccination.png.
 */
@EpiCommandTest
class MapVaccinationLayerBrowserTest {

  @Autowired
  Api api;

  @Test
  void theCommanderColoursTheDistrictsByBoosterCoverageOfThe60To69AgainstTheTarget() {
    api.as("commander").post("/api/v1/vaccination/coverage/residents", "");
    JsonNode expected = api.as("commander").get("/api/v1/maps/areas?layer=vaccination&ageBand=AGE_60_69"
        + "&measure=BOOSTED").json();
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "commander");
      page.navigate(api.baseUrl() + "/analytics/dashboard");
      page.locator("[data-map-canvas][data-code='990100']").waitFor();
      assertThat(page.locator("[data-vaccination-choices]").isHidden()).isTrue();
      page.locator("[data-metric-choice='vaccination']").click();
      page.locator("[data-testid='map-vaccination-band']").selectOption("AGE_60_69");
      page.locator("[data-testid='map-vaccination-measure']").selectOption("BOOSTED");
      page.waitForFunction("() => { const p = document.querySelector('[data-command-map]').epiPanel;"
          + " return p.data && p.data.vaccination && p.data.vaccination.ageBand === 'AGE_60_69'"
          + " && p.data.vaccination.measure === 'BOOSTED'; }");
      assertThat(page.locator("[data-map-note]").textContent()).contains("目标值：95");

      // the legend: bins below the target and the target reached
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> pieces = (List<Map<String, Object>>) page.evaluate("() => window.echarts"
          + ".getInstanceByDom(document.querySelector('[data-map-canvas]')).getOption().visualMap[0].pieces"
          + ".map(p => ({label: p.label, color: p.color}))");
      assertThat(pieces).hasSize(4);
      assertThat(pieces.get(0).get("label")).isEqualTo("< 75%");
      assertThat(pieces.get(3).get("label")).isEqualTo("≥ 95% 达标");
      assertThat(pieces.get(3).get("color")).isEqualTo("#1a9641");

      page.locator("details summary").last().click();
      for (JsonNode feature : expected.get("areas").get("features")) {
        assertThat(page.locator("[data-area-value='" + feature.get("id").asString() + "']").textContent())
            .isEqualTo(feature.get("properties").get("vaccinationText").asString());
      }
      Browser.fitsThePhone(page);
      page.locator("[data-map-canvas]").scrollIntoViewIfNeeded();
      Browser.screenshot(page, "map-vaccination");
    }
  }
}
