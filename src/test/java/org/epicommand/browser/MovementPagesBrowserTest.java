package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.epicommand.movement.internal.PublicRateLimit;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@EpiCommandTest
class MovementPagesBrowserTest {

  @Autowired
  Api api;
  @Autowired
  PublicRateLimit rateLimit;
  @Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void theSelfRegistrationPageShowsABadIdNumberNextToTheFieldOnAPhone() {
    rateLimit.reset();
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      page.navigate(api.baseUrl() + "/public/arrival");
      assertThat(page.url()).endsWith("/public/arrival"); // no login
      page.fill("#name", "自报测试");
      page.fill("#idNumber", "36042619910102009X");
      page.fill("#phone", "13800138000");
      Browser.chooseDivision(page, "destinationCode", DemoPlaces.COMMUNITY, divisionName(DemoPlaces.COMMUNITY));
      page.click("[data-testid=arrival-submit]");
      page.waitForSelector("[data-field-error=idNumber]");
      assertThat(page.locator("[data-field-error=idNumber]").textContent()).contains("校验位");
      assertThat(page.locator("#idNumber").getAttribute("class")).contains("is-invalid");
      assertThat(page.inputValue("#name")).isEqualTo("自报测试");
      // the page fits the phone: no horizontal scrolling
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "movement-public-arrival-bad-id");
    }
  }

  @Test
  void aCommunityWorkerSignsAPushedItemOnAPhone() {
    String list = "BR-" + System.nanoTime();
    String idNumber = People.validId("419007", "19880808", (int) (System.nanoTime() % 800) + 100);
    api.as("commander").post("/api/v1/persons", People.body("推送浏览器", idNumber, DemoPlaces.COMMUNITY));
    String pushedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(10).truncatedTo(ChronoUnit.SECONDS)
        .toString();
    api.as("commander").upload("/api/v1/imports/pushed-list?wait=true", "l.csv",
        ("listRef,idType,idNumber,name,phone,reason,sourceRegion,pushedAt\n" + list + ",RESIDENT_ID," + idNumber
            + ",推送浏览器,,涉疫,," + pushedAt + "\n").getBytes(StandardCharsets.UTF_8));
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "community");
      page.navigate(api.baseUrl() + "/movement/pushed?state=PUSHED");
      var item = page.locator("[data-testid=pushed-items] .list-group-item", new Page.LocatorOptions()
          .setHasText(list));
      assertThat(item.count()).isEqualTo(1);
      item.locator("button:has-text('签收')").click();
      page.waitForSelector("text=已保存");
      page.navigate(api.baseUrl() + "/movement/pushed?state=SIGNED");
      var signed = page.locator("[data-testid=pushed-items] .list-group-item", new Page.LocatorOptions()
          .setHasText(list));
      assertThat(signed.locator(".badge").first().textContent()).isEqualTo("已签收");
      // below the district level the figures are the worker's own community, one row
      assertThat(page.locator("[data-testid=pushed-kpis] tbody tr").count()).isEqualTo(1);
      Browser.screenshot(page, "movement-pushed-community-phone");
    }
  }

  @Test
  void theCommandOfficeApprovesADowngradeFromTheRiskAreaTable() {
    String name = "浏览器风险区" + System.nanoTime();
    String id = api.as("commander").post("/api/v1/risk-areas",
        Map.of("name", name, "level", "HIGH", "jurisdictionCode", DemoPlaces.COMMUNITY)).json().get("id").asString();
    jdbc.sql("update risk_area set level_since = :day where id = :id::uuid")
        .param("day", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(5)).param("id", id).update();
    api.as("commander").post("/api/v1/risk-areas/proposals", "");
    try (BrowserContext context = Browser.context(false)) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "commander");
      page.navigate(api.baseUrl() + "/movement/risk-areas");
      assertThat(page.locator("[data-testid=risk-districts]").textContent()).contains("东湖区");
      var area = page.locator("[data-testid=risk-areas] .list-group-item", new Page.LocatorOptions().setHasText(name));
      assertThat(area.textContent()).contains("建议降为低风险");
      area.locator("input[name=notice]").fill("自今日起调整为低风险区");
      area.locator("button:has-text('批准并发布')").click();
      page.waitForSelector("text=已保存");
      Browser.screenshot(page, "movement-risk-areas-commander");
    }
    assertThat(api.as("commander").get("/api/v1/risk-areas/" + id).json().get("area").get("level").asString())
        .isEqualTo("LOW");
  }

  private String divisionName(String code) {
    return api.as("admin").get("/api/v1/jurisdictions/" + code).json().get("name").asString();
  }
}
