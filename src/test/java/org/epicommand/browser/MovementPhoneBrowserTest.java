package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The movement work done on a phone (390 px): a community worker signs a pushed name and reports
 * the outcome with the feedback; a station checks supply vehicles' green passes and registers an
 * arrival whose rule opens a quarantine order. The command office's KPI chart at desktop width.
 */
@EpiCommandTest
class MovementPhoneBrowserTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired
  Api api;


  @Test
  void aCommunityWorkerSignsAndReportsTheOutcomeOnAPhone() {
    String list = "MB-" + System.nanoTime();
    String name = "手机核查" + (System.nanoTime() % 10_000);
    String idNumber = People.validId("419005", "19870707", (int) (System.nanoTime() % 800) + 100);
    api.as("commander").post("/api/v1/persons", People.body(name, idNumber, DemoPlaces.COMMUNITY));
    String pushedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(150).truncatedTo(ChronoUnit.SECONDS)
        .toString();
    api.as("commander").upload("/api/v1/imports/pushed-list?wait=true", "l.csv",
        ("listRef,idType,idNumber,name,phone,reason,sourceRegion,pushedAt\n" + list + ",RESIDENT_ID," + idNumber
            + "," + name + ",,涉疫,," + pushedAt + "\n").getBytes(StandardCharsets.UTF_8));
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "community");
      page.navigate(api.baseUrl() + "/movement/pushed/mine?size=200");
      Locator card = page.locator("[data-testid=my-items] .card", new Page.LocatorOptions().setHasText(list));
      assertThat(card.count()).isEqualTo(1);
      // pushed 2.5 h ago and not signed: overdue, shown in red
      assertThat(card.textContent()).contains("超时").contains(name);
      card.scrollIntoViewIfNeeded();
      Browser.screenshot(page, "movement-mine-phone-before");
      card.locator("[data-testid=sign]").click();
      page.waitForSelector("text=已保存");
      card = page.locator("[data-testid=my-items] .card", new Page.LocatorOptions().setHasText(list));
      assertThat(card.locator("[data-testid=state]").textContent()).isEqualTo("已签收");
      card.locator("label:has-text('查无此人')").click();
      card.locator("textarea[name=note]").fill("电话无人接听，上门未见");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "movement-mine-phone-report");
      card.locator("button:has-text('提交结果并反馈')").click();
      page.waitForSelector("text=已保存");
      assertThat(page.locator("[data-testid=my-items] .card", new Page.LocatorOptions().setHasText(list)).count())
          .isZero();
      Browser.fitsThePhone(page);
    }
    JsonNode item = api.as("community").get("/api/v1/pushed-items?size=500&state=FEEDBACK_SENT").json().get("items")
        .valueStream().filter(i -> i.get("listRef").asString().equals(list)).findFirst().orElseThrow();
    JsonNode detail = api.as("community").get("/api/v1/pushed-items/" + item.get("id").asString()).json();
    assertThat(detail.get("outcome").asString()).isEqualTo("NOT_FOUND");
    assertThat(detail.get("note").asString()).isEqualTo("电话无人接听，上门未见");
  }

  @Test
  void aStationChecksGreenPassesAndRegistersAnArrivalOnAPhone() {
    String code = "ST-" + System.nanoTime() % 1_000_000_000L;
    api.as("commander").post("/api/v1/checkpoints",
        Map.of("code", code, "name", "东湖高铁站", "kind", "STATION", "jurisdictionCode", DemoPlaces.DISTRICT));
    String plate = "浙C" + String.format("%05d", System.nanoTime() % 100_000);
    String valid = api.as("commander").post("/api/v1/green-passes", Map.of("plate", plate, "cargo", "蔬菜、粮油",
        "validFrom", TODAY.toString(), "validTo", TODAY.plusDays(7).toString())).json().get("passNumber").asString();
    String expired = api.as("commander").post("/api/v1/green-passes", Map.of("plate", "浙D" + plate.substring(2),
        "cargo", "药品", "validFrom", TODAY.minusDays(9).toString(), "validTo", TODAY.minusDays(2).toString()))
        .json().get("passNumber").asString();
    String idNumber = People.validId("419004", "19920303", (int) (System.nanoTime() % 800) + 100);
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "community");
      page.navigate(api.baseUrl() + "/movement/checkpoints");
      page.locator("[data-testid=checkpoints] .list-group-item", new Page.LocatorOptions().setHasText(code))
          .locator("a").click();
      page.waitForURL(url -> url.endsWith("/movement/checkpoints/" + code));

      page.fill("input[name=q]", plate.substring(0, 2).toLowerCase() + " " + plate.substring(2));
      page.click("[data-testid=pass-check] button");
      page.waitForSelector("[data-testid=pass-status]");
      assertThat(page.locator("[data-testid=pass-status]").getAttribute("data-status")).isEqualTo("VALID");
      assertThat(page.locator("[data-testid=pass-status]").textContent()).contains("有效，准予通行").contains(valid)
          .contains("蔬菜、粮油");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "movement-station-pass-valid-phone");
      page.click("[data-testid=record-passage]");
      page.waitForSelector("[data-testid=saved]");

      page.fill("input[name=q]", expired);
      page.click("[data-testid=pass-check] button");
      page.waitForSelector("[data-testid=pass-status]");
      assertThat(page.locator("[data-testid=pass-status]").getAttribute("data-status")).isEqualTo("EXPIRED");
      assertThat(page.locator("[data-testid=pass-status]").textContent()).contains("已过期，不得通行");
      assertThat(page.locator("[data-testid=record-passage]").count()).isZero();
      Browser.screenshot(page, "movement-station-pass-expired-phone");

      page.fill("#name", "站点抵达");
      page.fill("#idNumber", idNumber);
      page.fill("#phone", "13900139000");
      // a community worker registers arrivals for their own community: nothing to choose
      assertThat(page.locator("[data-testid=division-fixed]").textContent())
          .contains(divisionName(DemoPlaces.COMMUNITY));
      page.fill("#originRegion", "外省某市");
      page.selectOption("#originLevel", "HIGH");
      // filed after the fact for a journey under protocol ed. 9, whose arrival rule manages HIGH origins
      page.fill("#arrivalDate", "2022-07-10");
      page.click("[data-testid=arrival-submit]");
      page.waitForSelector("[data-testid=arrival-done]");
      assertThat(page.locator("[data-testid=arrival-done]").textContent()).contains("站点抵达")
          .contains("已按规定纳入隔离管控").contains("高风险区来返").contains("V9");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "movement-station-arrival-phone");
    }
    JsonNode arrival = api.as("community").get("/api/v1/arrivals?size=200").json().get("items").valueStream()
        .filter(a -> code.equals(a.path("checkpointCode").asString(null))).findFirst().orElseThrow();
    assertThat(arrival.get("channel").asString()).isEqualTo("CHECKPOINT");
    assertThat(arrival.get("outcome").asString()).isEqualTo("ORDER_OPENED");
    assertThat(arrival.get("orderId").isNull()).isFalse();
    assertThat(api.as("community").get("/api/v1/green-passes/check?passNumber=" + valid).json().get("status")
        .asString()).isEqualTo("VALID");
  }

  @Test
  void theCommandOfficeSeesTheKpiChartPerDistrict() {
    for (boolean phone : new boolean[] {false, true}) {
      try (BrowserContext context = phone ? Browser.phone() : Browser.context(1280, 860, false, "zh-CN")) {
        Page page = context.newPage();
        Browser.login(page, api.baseUrl(), "commander");
        page.navigate(api.baseUrl() + "/movement/pushed/kpis");
        page.waitForSelector("#pushed-chart[data-rendered=true]");
        assertThat(page.locator("#pushed-chart canvas").count()).isGreaterThan(0);
        assertThat(page.locator("[data-testid=pushed-kpis] tbody tr").count()).isEqualTo(6);
        assertThat(page.locator("[data-testid=pushed-kpis] tbody tr[data-district='990101']").textContent())
            .contains("东湖区");
        if (phone) {
          Browser.fitsThePhone(page);
        }
        Browser.screenshot(page, "movement-pushed-kpis-" + (phone ? "phone" : "desktop"));
      }
    }
  }

  @Test
  void theDistrictDeskAssignsAnUnmatchedNameAndTheCommandOfficeSeesCheckpoints() {
    String list = "DK-" + System.nanoTime();
    String pushedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(20).truncatedTo(ChronoUnit.SECONDS)
        .toString();
    String idNumber = People.validId("419003", "19850505", (int) (System.nanoTime() % 800) + 100);
    api.as("district").upload("/api/v1/imports/pushed-list?wait=true", "l.csv",
        ("listRef,idType,idNumber,name,phone,reason,sourceRegion,pushedAt\n" + list + ",RESIDENT_ID," + idNumber
            + ",未匹配浏览器,,外市协查,," + pushedAt + "\n").getBytes(StandardCharsets.UTF_8));
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "district");
      page.navigate(api.baseUrl() + "/movement/pushed/desk?size=200");
      Locator item = page.locator("[data-testid=desk-items] .list-group-item", new Page.LocatorOptions()
          .setHasText(list));
      assertThat(item.count()).isEqualTo(1);
      item.scrollIntoViewIfNeeded();
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "movement-desk-phone");
      item.locator("select[name=communityCode]").selectOption(DemoPlaces.COMMUNITY);
      item.locator("button:has-text('分派')").click();
      page.waitForSelector("text=已保存");
      assertThat(page.locator("[data-testid=desk-items] .list-group-item", new Page.LocatorOptions().setHasText(list))
          .count()).isZero();
    }
    JsonNode routed = api.as("community").get("/api/v1/pushed-items?size=500&state=PUSHED").json().get("items")
        .valueStream().filter(i -> i.get("listRef").asString().equals(list)).findFirst().orElseThrow();
    assertThat(routed.get("jurisdictionCode").asString()).isEqualTo(DemoPlaces.COMMUNITY);
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "commander");
      page.navigate(api.baseUrl() + "/movement/checkpoints");
      assertThat(page.locator("[data-testid=checkpoints]").textContent()).contains("东湖高铁站").contains("交通卡口");
      assertThat(page.locator("[data-testid=passes]").textContent()).contains("浙A5G821");
      page.fill("[data-testid=pass-form] #plate", "浙X");
      page.fill("[data-testid=pass-form] #cargo", "口罩");
      page.click("[data-testid=pass-form] button[type=submit]");
      page.waitForSelector("[data-field-error=plate]");
      assertThat(page.locator("[data-field-error=plate]").textContent()).isEqualTo("车牌号无效");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "movement-checkpoints-commander-phone");
    }
  }

  private String divisionName(String code) {
    return api.as("admin").get("/api/v1/jurisdictions/" + code).json().get("name").asString();
  }
}
