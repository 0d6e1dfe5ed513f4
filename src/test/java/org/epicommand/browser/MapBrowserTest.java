package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.SharedData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The maps in a real Chromium: the big screen of the demo city at 1920×1080 and 3840×2160 (the kiosk
 * account, no menu, no scrolling, the figures of the API), the counties of 忻州市 after their boundary
 * file was imported on the division page, a drill-down from district to community on a phone, a
 * risk area drawn in its level's colour, and a place's coordinates entered by a tap on the map.
 * Screenshots go to target/screenshots.
 */
@EpiCommandTest
class MapBrowserTest {

  @Autowired
  Api api;

  /** The chart of a map element: its ECharts instance. */
  static final String CHART = "(selector) => window.echarts.getInstanceByDom(document.querySelector(selector))";

  @Test
  void theBigScreenFillsTheHallsScreenWithoutScrollingOrAMenu() {
    CaseFixtures.caseOf(api, "大屏社会面病例", "990104001001", "CONFIRMED", null);
    for (int[] size : new int[][] {{1920, 1080}, {3840, 2160}}) {
      try (BrowserContext context = Browser.context(size[0], size[1], false, "zh-CN")) {
        Page page = context.newPage();
        Browser.login(page, api.baseUrl(), "kiosk");
        page.waitForURL(url -> url.endsWith("/screen"));
        page.waitForSelector("body[data-loaded] .screen-map[data-rendered]");
        JsonNode screen = api.as("kiosk").get("/api/v1/screen").json();
        assertThat(page.locator("[data-field=local]").textContent().replace(",", ""))
            .isEqualTo(screen.get("cases").get("local").asString());
        assertThat(page.locator("[data-field=underManagement]").textContent().replace(",", ""))
            .isEqualTo(screen.get("underManagement").asString());
        assertThat(page.locator(".screen-map").getAttribute("data-areas")).isEqualTo("6");
        assertThat(page.locator("[data-testid=screen-districts] tbody tr").count()).isEqualTo(6);
        assertThat(page.locator("#sidebar, nav.navbar").count()).isZero();
        assertThat(page.locator("[data-testid=screen-double-zero]").textContent()).isIn("社会面清零",
            "社会面新增 " + screen.get("cases").get("society").asString() + " 例");
        // the focus is on a district with new cases today
        page.waitForSelector("[data-testid=screen-focus][data-focus]");
        assertThat(page.locator("[data-field=focus]").textContent()).startsWith("焦点：");
        Object overflow = page.evaluate("() => [document.documentElement.scrollWidth - window.innerWidth,"
            + " document.documentElement.scrollHeight - window.innerHeight]");
        assertThat((List<?>) overflow).allMatch(v -> ((Number) v).intValue() <= 0);
        // readable from 5 m: the main figure is at least 7 % of the screen's height
        double figure = ((Number) page.evaluate("() => parseFloat(getComputedStyle(document.querySelector("
            + "'[data-field=local]')).fontSize)")).doubleValue();
        assertThat(figure).isGreaterThanOrEqualTo(size[1] * 0.07);
        Browser.screenshot(page, "big-screen-" + size[0] + "x" + size[1]);
      }
    }
  }

  @Test
  void theCountiesOfXinzhouAreDrawnOnTheDivisionPageAfterTheirBoundaryImport() throws Exception {
    api.as("admin").upload("/api/v1/imports/jurisdictions?wait=true",
        SharedData.require("admin/xinzhou_1409_hierarchy_2021.csv"));
    // a real city's counties carry their residents (the setup page of the shared test city asks for them)
    for (tools.jackson.databind.JsonNode county : api.as("admin").get("/api/v1/jurisdictions?parent=1409").json()) {
      api.as("admin").put("/api/v1/jurisdictions/" + county.get("code").asString(),
          java.util.Map.of("population", 100_000));
    }
    try (BrowserContext context = Browser.context(1366, 900, false, "zh-CN")) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "admin");
      page.navigate(api.baseUrl() + "/jurisdictions?code=1409");
      page.setInputFiles("#boundary-file", SharedData.requireFetched("xinzhou_1409.echarts.js"));
      page.selectOption("#boundary-key", "CODE");
      page.locator("[data-testid=boundary-form] button[type=submit]").click();
      page.waitForSelector("[data-testid=boundary-result]");
      assertThat(page.locator("[data-testid=boundary-result]").textContent()).contains("共 14 个要素：导入 14 个");
      page.waitForSelector("[data-division-map][data-rendered]");
      assertThat(page.locator("[data-division-map]").getAttribute("data-areas")).isEqualTo("14");
      Object names = page.evaluate("(s) => (" + CHART + ")(s).getOption().geo[0].map", "[data-division-map]");
      assertThat(names.toString()).startsWith("epi-division");
      page.locator("[data-division-map]").scrollIntoViewIfNeeded();
      Browser.screenshot(page, "xinzhou-counties");
    }
  }

  @Test
  void onAPhoneTheMapDrillsDownFromTheDistrictToItsCommunities() {
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "commander");
      page.navigate(api.baseUrl() + "/analytics/dashboard");
      Locator canvas = page.locator("[data-map-canvas][data-code='990100']");
      canvas.waitFor();
      canvas.scrollIntoViewIfNeeded();
      Browser.screenshot(page, "map-phone-city");
      tap(page, DemoPlaces.DISTRICT);
      page.locator("[data-map-canvas][data-code='990101']").waitFor();
      assertThat(page.locator("[data-map-trail]").textContent()).contains("滨江市").contains("东湖区");
      Browser.screenshot(page, "map-phone-district");
      tap(page, DemoPlaces.STREET);
      page.locator("[data-map-canvas][data-code='990101001']").waitFor();
      JsonNode communities = api.as("commander").get("/api/v1/maps/areas?parent=990101001").json();
      assertThat(communities.get("areaLevel").asString()).isEqualTo("VILLAGE");
      assertThat(page.locator("[data-map-canvas]").getAttribute("data-areas"))
          .isEqualTo(Integer.toString(communities.get("areas").get("features").size()));
      Browser.fitsThePhone(page);
      page.locator("[data-map-canvas]").scrollIntoViewIfNeeded();
      Browser.screenshot(page, "map-phone-communities");
    }
  }

  @Test
  void aRiskAreaIsDrawnInItsLevelsColour() {
    String name = "浏览器高风险区" + System.nanoTime();
    Api.Answer designated = api.as("commander").post("/api/v1/risk-areas", Map.of("name", name, "level", "HIGH",
        "jurisdictionCode", DemoPlaces.COMMUNITY, "boundary",
            "{\"type\":\"Polygon\",\"coordinates\":[[[120.151,30.271],"
            + "[120.165,30.271],[120.165,30.285],[120.151,30.285],[120.151,30.271]]]}"));
    assertThat(designated.status()).as(designated.body()).isEqualTo(201);
    try (BrowserContext context = Browser.context(1366, 900, false, "zh-CN")) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "commander");
      page.navigate(api.baseUrl() + "/analytics/dashboard");
      page.locator("[data-map-canvas][data-code='990100']").waitFor();
      page.evaluate("document.querySelector('[data-command-map]').epiPanel.load('990101001')");
      page.locator("[data-map-canvas][data-code='990101001']").waitFor();
      assertThat(Integer.parseInt(page.locator("[data-map-canvas]").getAttribute("data-risk-areas"))).isPositive();
      // the middle of the area is painted in the high-risk red over the community
      List<?> rgba = (List<?>) page.evaluate("(s) => { const chart = (" + CHART + ")(s);"
          + " const p = chart.convertToPixel({geoIndex: 0}, [120.158, 30.278]);"
          + " const canvas = chart.getDom().querySelector('canvas'); const r = canvas.width / chart.getWidth();"
          + " return Array.from(canvas.getContext('2d').getImageData(Math.round(p[0] * r), Math.round(p[1] * r), 1, 1).data); }",
          "[data-map-canvas]");
      int red = ((Number) rgba.get(0)).intValue();
      int green = ((Number) rgba.get(1)).intValue();
      assertThat(red).as("rgba " + rgba).isGreaterThan(green + 40);
      page.locator("[data-map-canvas]").scrollIntoViewIfNeeded();
      Browser.screenshot(page, "map-risk-area");
    }
  }

  @Test
  void aPlacesCoordinatesAreEnteredByATapOnTheMap() {
    JsonNode district = api.as("cdc").get("/api/v1/jurisdictions/990100/map").json().get("features").valueStream()
        .filter(f -> f.get("id").asString().equals(DemoPlaces.DISTRICT)).findFirst().orElseThrow().get("properties")
            .get("cp");
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "cdc");
      page.navigate(api.baseUrl() + "/tracing/venues/new");
      Locator picker = page.locator("[data-coordinate-picker][data-rendered]");
      picker.waitFor();
      assertThat(picker.getAttribute("data-areas")).isEqualTo("6");
      tap(page, "[data-coordinate-picker]", "document.querySelector('[data-coordinate-picker]').epiMap",
          DemoPlaces.DISTRICT);
      // the fields hold the point tapped: 东湖区's label point, to about a pixel
      assertThat(Double.parseDouble(page.inputValue("#lon"))).isCloseTo(district.get(0).asDouble(), within(0.005));
      assertThat(Double.parseDouble(page.inputValue("#lat"))).isCloseTo(district.get(1).asDouble(), within(0.005));
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "map-coordinate-picker");
    }
  }

  /** Taps the dashboard's map at an area's label point. */
  private static void tap(Page page, String code) {
    tap(page, "[data-map-canvas]", "document.querySelector('[data-command-map]').epiPanel.map", code);
  }

  /**
   * Taps the map drawn in {@code selector} (its map object: {@code map}) at an area's label point, the map
   * in view first: a full-page screenshot may have scrolled.
   */
  private static void tap(Page page, String selector, String map, String code) {
    page.locator(selector).scrollIntoViewIfNeeded();
    List<?> at = (List<?>) page.evaluate("(c) => " + map + ".pixelOf(c)", code);
    var box = page.locator(selector).boundingBox();
    page.touchscreen().tap(box.x + ((Number) at.get(0)).doubleValue(), box.y + ((Number) at.get(1)).doubleValue());
  }
}
