package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.UUID;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The venue page on a phone (390 px): an investigator registers a venue, finds it again by part of
 * its name, corrects and retires it; the page shows types and divisions by their names.
 */
@EpiCommandTest
class VenuePagesBrowserTest {

  @Autowired
  Api api;


  @Test
  void anInvestigatorRegistersAVenueFindsItBySearchAndRetiresItOnAPhone() {
    String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    String code = "VB" + tag;
    String name = "湖滨生鲜" + tag + "号店";
    String district = api.as("cdc").get("/api/v1/jurisdictions/990101").json().get("name").asString();
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "cdc");
      page.navigate(api.baseUrl() + "/tracing/venues");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "tracing-venues-phone");
      page.click("[data-testid=venue-new]");
      page.waitForURL(url -> url.endsWith("/tracing/venues/new"));
      page.fill("#code", code);
      page.fill("#venueName", name);
      page.selectOption("#type", "SUPERMARKET");
      Browser.chooseDivision(page, "jurisdictionCode", DemoPlaces.DISTRICT, "东湖区");
      page.fill("#address", "湖滨路18号");
      page.fill("#lat", "30.2741");
      // only one coordinate: the form says so under the field and keeps what was typed
      page.click("[data-testid=venue-save]");
      page.waitForSelector("[data-field-error=lon]");
      page.waitForLoadState();
      assertThat(page.locator("[data-field-error=lon]").textContent()).isEqualTo("经度和纬度须同时填写或同时留空");
      assertThat(page.inputValue("#venueName")).isEqualTo(name);
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "tracing-venue-form-phone");
      page.fill("#lon", "120.1551");
      page.click("[data-testid=venue-save]");
      page.waitForSelector("[data-testid=saved]");
      assertThat(page.locator("[data-testid=saved]").textContent()).contains(name);

      page.fill("[data-testid=search]", "生鲜" + tag);
      page.locator("[data-testid=venue-search] button").click();
      page.waitForURL(url -> url.contains("q="));
      Locator item = page.locator("[data-testid=venues] .list-group-item");
      assertThat(item.count()).isEqualTo(1);
      assertThat(item.textContent()).contains(name).contains(code).contains("超市").contains(district)
          .contains("湖滨路18号");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "tracing-venues-search-phone");

      item.locator("a:has-text('编辑')").click();
      page.waitForURL(url -> url.endsWith("/tracing/venues/" + code + "/edit"));
      assertThat(page.inputValue("#lon")).isEqualTo("120.1551");
      page.click("[data-testid=venue-retire]");
      page.waitForSelector("[data-testid=state-changed]");
      // the button stands at the end of the page: wait for the whole page, not only its first alert
      page.waitForLoadState();
      assertThat(page.locator("[data-testid=retired-badge]").textContent()).isEqualTo("已停用");
      assertThat(page.locator("[data-testid=venue-reactivate]").count()).isEqualTo(1);
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "tracing-venue-retired-phone");

      page.navigate(api.baseUrl() + "/tracing/venues?q=" + code);
      assertThat(page.locator("[data-testid=empty-state]").count()).isEqualTo(1);
      page.selectOption("select[name=state]", "RETIRED");
      page.locator("[data-testid=venue-search] button").click();
      page.waitForURL(url -> url.contains("state=RETIRED"));
      assertThat(page.locator("[data-testid=venues] .list-group-item").textContent()).contains(name).contains("已停用");
    }
    JsonNode venue = api.as("cdc").get("/api/v1/venues/" + code).json();
    assertThat(venue.get("state").asString()).isEqualTo("RETIRED");
    assertThat(venue.get("lat").asDouble()).isEqualTo(30.2741);
    assertThat(venue.get("type").asString()).isEqualTo("SUPERMARKET");
  }
}
