package org.epicommand.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.epicommand.labtest.LabtestFixtures.RESULTS_HEADER;
import static org.epicommand.labtest.LabtestFixtures.TUBES_HEADER;
import static org.epicommand.labtest.LabtestFixtures.persons;
import static org.epicommand.labtest.LabtestFixtures.tubeRows;
import static org.epicommand.labtest.LabtestFixtures.upload;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.epicommand.labtest.LabtestFixtures.Member;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The testing pages in Chromium: the lab's upload, the campaign board, a community's retest list on a
 * phone, and the administrator keeping labs and sampling sites.
 */
@EpiCommandTest
class LabtestPagesBrowserTest {

  static final String STREET = DemoPlaces.STREET;
  static final String COMMUNITY = DemoPlaces.NEIGHBOUR;
  /** The demo community worker's community. */
  static final String OWN_COMMUNITY = DemoPlaces.COMMUNITY;

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;


  private static String at(LocalDate day, String time) {
    return day + "T" + time + ":00+08:00";
  }

  @Test
  void theLabUploadsResultsAndSeesTheProgressReachDoneWithTheBadRowListed() {
    String tag = Long.toString(System.nanoTime() % 1_000_000_000L);
    List<Member> members = persons(api, 2, COMMUNITY);
    String good = "UG" + tag;
    String other = "UO" + tag;
    upload(api, "lab", "tubes", TUBES_HEADER + tubeRows(good, "SINGLE", members.subList(0, 1), "S" + COMMUNITY,
        "2022-11-20T08:00:00+08:00") + tubeRows(other, "SINGLE", members.subList(1, 2), "S" + COMMUNITY,
        "2022-11-20T08:05:00+08:00"));
    String csv = RESULTS_HEADER + good + ",NEGATIVE,,,LAB01,2022-11-20T14:00:00+08:00\n"
        + "NOSUCH" + tag + ",NEGATIVE,,,LAB01,2022-11-20T14:00:00+08:00\n"
        + other + ",NEGATIVE,,,LAB01,2022-11-20T14:10:00+08:00\n";

    try (BrowserContext context = Browser.context(false)) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "lab");
      page.navigate(api.baseUrl() + "/labtest/upload");
      assertThat(page.locator("nav a[href='/labtest/upload']").count()).isEqualTo(1);
      page.selectOption("#kind", new SelectOption().setValue("results"));
      page.setInputFiles("#file", new FilePayload("results-" + tag + ".csv", "text/csv",
          csv.getBytes(StandardCharsets.UTF_8)));
      Browser.screenshot(page, "labtest-upload-form");
      page.click("[data-testid=lab-upload]");
      page.waitForURL(url -> url.matches(".*/imports/[0-9a-f-]{36}$"));
      // the progress panel polls itself until the import is done
      page.waitForSelector("#import-progress[data-status=DONE]", new Page.WaitForSelectorOptions().setTimeout(30_000));
      assertThat(page.locator("[data-testid=rows-total]").textContent()).isEqualTo("3");
      assertThat(page.locator("[data-testid=rows-imported]").textContent()).isEqualTo("2");
      assertThat(page.locator("[data-testid=rows-rejected]").textContent()).isEqualTo("1");
      assertThat(page.locator(".progress-bar").textContent()).isEqualTo("100%");
      Locator errors = page.locator("[data-testid=import-errors] tbody tr");
      assertThat(errors.count()).isEqualTo(1);
      assertThat(errors.first().locator("td").nth(0).textContent()).isEqualTo("3");
      assertThat(errors.first().locator("td").nth(1).textContent()).isEqualTo("tubeBarcode");
      assertThat(errors.first().locator("td").nth(2).textContent()).isEqualTo("管码不存在");
      Browser.screenshot(page, "labtest-upload-done");
    }
    assertThat(api.as("lab").get("/api/v1/tubes/" + good).json().get("result").asString()).isEqualTo("NEGATIVE");
  }

  @Test
  void theCampaignBoardShowsCoverageAndDrawsItsCharts() {
    LocalDate day = LocalDate.of(2010, 1, 1).plusDays(System.nanoTime() / 1000 % 1000);
    String tag = Long.toString(System.nanoTime() % 1_000_000_000L);
    List<Member> members = persons(api, 4, COMMUNITY);
    upload(api, "lab", "tubes", TUBES_HEADER
        + tubeRows("VA" + tag, "POOL_5", members.subList(0, 3), "S" + COMMUNITY, at(day, "08:10"))
        + tubeRows("VB" + tag, "SINGLE", members.subList(3, 4), "S990101001001", at(day, "09:20")));
    upload(api, "lab", "results", RESULTS_HEADER + "VA" + tag + ",NEGATIVE,,,LAB01," + at(day, "12:10") + "\n"
        + "VB" + tag + ",NEGATIVE,,,LAB02," + at(day, "11:20") + "\n");
    Api.Answer created = api.as("district").post("/api/v1/campaigns", """
        {"name": "看板页%s", "scopeCodes": ["%s"], "startsAt": "%s", "endsAt": "%s", "riskLevel": "LOW"}"""
        .formatted(tag, STREET, at(day, "00:00"), at(day.plusDays(1), "00:00")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asString();
    long residents = jdbc.sql("select count(*) from person where jurisdiction_code = ?").param(COMMUNITY)
        .query(Long.class).single();

    try (BrowserContext context = Browser.context(false)) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "district");
      page.navigate(api.baseUrl() + "/labtest/campaigns");
      page.click("[data-campaign='" + id + "']");
      page.waitForSelector("[data-testid=chart-progress] canvas");
      assertThat(page.locator("[data-testid=campaign-name]").textContent()).isEqualTo("看板页" + tag);
      assertThat(page.locator("[data-testid=chart-load] canvas").count()).isPositive();
      assertThat(page.locator("[data-testid=chart-turnaround] canvas").count()).isPositive();
      // default level: the streets of the district's campaign; drill down to its communities
      Locator street = page.locator("[data-testid=coverage] tr[data-unit='" + STREET + "']");
      assertThat(street.locator("[data-testid=tested]").textContent()).isEqualTo("4");
      street.locator("a").first().click();
      page.waitForSelector("[data-testid=within]");
      Locator community = page.locator("[data-testid=coverage] tr[data-unit='" + COMMUNITY + "']");
      assertThat(community.locator("[data-testid=residents]").textContent())
          .isEqualTo(String.format("%,d", residents));
      assertThat(community.locator("[data-testid=tested]").textContent()).isEqualTo("4");
      assertThat(community.locator("[data-testid=untested]").textContent())
          .isEqualTo(String.format("%,d", residents - 4));
      assertThat(community.locator("[data-testid=untested-csv]").getAttribute("href"))
          .isEqualTo("/labtest/campaigns/" + id + "/untested.csv?jurisdiction=" + COMMUNITY);
      assertThat(page.locator("[data-testid=pool-kind]").textContent()).isEqualTo("10 混 1");
      page.waitForSelector("[data-testid=chart-progress] canvas");
      Browser.screenshot(page, "labtest-board-desktop");
      // 240 minutes, read from 5-minute buckets: within one bucket
      String median = page.locator("[data-testid=turnaround] tr[data-lab=LAB01] td").nth(2).textContent();
      assertThat(median).endsWith(" 分钟");
      assertThat(Double.parseDouble(median.replace(" 分钟", ""))).isCloseTo(240.0, within(5.0));
    }
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "district");
      page.navigate(api.baseUrl() + "/labtest/campaigns/" + id);
      page.waitForSelector("[data-testid=chart-progress] canvas");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "labtest-board-phone");
    }
  }

  @Test
  void aCommunityWorkerOnAPhoneSeesThePersonsOfAPositivePool() {
    String tag = Long.toString(System.nanoTime() % 1_000_000_000L);
    List<Member> members = persons(api, 3, OWN_COMMUNITY);
    String pool = "RP" + tag;
    upload(api, "lab", "tubes", TUBES_HEADER + tubeRows(pool, "POOL_5", members, "S" + OWN_COMMUNITY,
        "2022-11-21T08:00:00+08:00"));
    upload(api, "lab", "results", RESULTS_HEADER + pool + ",POSITIVE,24.0,25.5,LAB01,2022-11-21T15:00:00+08:00\n");

    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "community");
      page.navigate(api.baseUrl() + "/labtest/retests?jurisdiction=" + OWN_COMMUNITY);
      // oldest first: page on until the pool's members show
      for (int i = 0; i < 30 && page.locator("[data-pool='" + pool + "']").count() == 0; i++) {
        assertThat(page.locator("[data-testid=pager-next]").getAttribute("class")).doesNotContain("disabled");
        page.click("[data-testid=pager-next]");
        page.waitForLoadState();
      }
      Locator rows = page.locator("[data-pool='" + pool + "']");
      assertThat(rows.count()).isEqualTo(3);
      assertThat(rows.all().stream().map(r -> r.getAttribute("data-person")).toList())
          .containsExactlyInAnyOrderElementsOf(members.stream().map(Member::personId).toList());
      assertThat(rows.first().locator("[data-testid=retest-name]").textContent()).startsWith("检测");
      assertThat(rows.first().locator("[data-testid=retest-pool]").textContent()).isEqualTo(pool);
      assertThat(rows.first().textContent()).contains("2022-11-21");
      Browser.fitsThePhone(page);
      rows.first().scrollIntoViewIfNeeded();
      Browser.screenshot(page, "labtest-retests-phone");
    }
  }

  @Test
  void theDistrictStartsACampaignFromTheFormAddsARoundAndOpensTheNotTestedList() {
    String name = "表单活动" + System.nanoTime() % 1_000_000_000L;
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "district");
      page.navigate(api.baseUrl() + "/labtest/campaigns");
      page.fill("#name", name);
      // the form starts with the district's own division: the campaign is for one of its streets
      page.locator(".division-list:has(input[name='scopeCodes']) .division-remove").first().click();
      Browser.addDivision(page, "scopeCodes", STREET,
          api.as("district").get("/api/v1/jurisdictions/" + STREET).json().get("name").asString());
      page.fill("#startsAt", "2009-03-02T00:00");
      page.fill("#endsAt", "2009-03-01T00:00");
      submit(page, () -> page.click("[data-testid=campaign-create]"));
      assertThat(page.locator("[data-field-error=endsAt]").textContent()).isEqualTo("结束时间应晚于开始时间");
      page.fill("#endsAt", "2009-03-04T00:00");
      page.selectOption("#riskLevel", new SelectOption().setValue("MEDIUM"));
      Browser.screenshot(page, "labtest-campaigns-phone");
      submit(page, () -> page.click("[data-testid=campaign-create]"));
      assertThat(page.url()).matches(".*/labtest/campaigns/[0-9a-f-]{36}$");
      assertThat(page.locator("[data-testid=campaign-name]").textContent()).isEqualTo(name);
      assertThat(page.locator("[data-testid=pool-kind]").textContent()).isEqualTo("5 混 1");
      assertThat(page.locator("[data-testid=rounds] a").count()).isEqualTo(2);

      // round 2 starts where round 1 ended (the form's default)
      page.click("[data-testid=round-form] summary");
      assertThat(page.inputValue("#round-startsAt")).isEqualTo("2009-03-04T00:00");
      submit(page, () -> page.click("[data-testid=round-form] button[type=submit]"));
      assertThat(page.locator("[data-testid=notice]").textContent()).isEqualTo("已添加第 2 轮");
      assertThat(page.locator("[data-testid=rounds] a").allTextContents()).containsExactly("全部轮次", "第 1 轮", "第 2 轮");

      // nobody in the street was sampled in 2009: the not-tested list of a community holds all its residents
      Locator street = page.locator("[data-testid=coverage] tr[data-unit='" + STREET + "']");
      assertThat(street.locator("[data-testid=tested]").textContent()).isEqualTo("0");
      submit(page, () -> street.locator("a").first().click());
      Locator community = page.locator("[data-testid=coverage] tr[data-unit='" + COMMUNITY + "']");
      submit(page, () -> community.locator("[data-testid=untested-list]").click());
      long residents = jdbc.sql("select count(*) from person where jurisdiction_code = ?").param(COMMUNITY)
          .query(Long.class).single();
      assertThat(page.locator("[data-testid=untested-people] li").count()).isEqualTo((int) Math.min(50, residents));
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "labtest-untested-phone");
    }
  }

  /** What the division picker shows for a division below the city: its names from the district down. */
  private String divisionName(String code) {
    return api.as("commander").get("/api/v1/jurisdictions/" + code).json().get("name").asString();
  }

  @Test
  void theAdministratorCreatesALabAndASamplingSiteOnThePagesAndRetiresTheSiteOnAPhone() {
    String tag = Long.toString(System.nanoTime() % 1_000_000_000L);
    String lab = "XBL" + tag;
    String site = "XBS" + tag;
    try (BrowserContext context = Browser.context(false)) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "admin");
      page.navigate(api.baseUrl() + "/labtest/sampling-sites");
      assertThat(page.locator("nav a[href='/labtest/sampling-sites']").count()).isEqualTo(1);
      submit(page, () -> page.click("[data-testid=tab-labs]"));
      submit(page, () -> page.click("[data-testid=place-new]"));
      page.fill("#place-code", lab);
      page.fill("#place-name", "气膜实验室" + tag);
      Browser.chooseDivision(page, "jurisdictionCode", DemoPlaces.DISTRICT, divisionName(DemoPlaces.DISTRICT));
      page.fill("#place-capacity", "三万");
      page.check("#place-mobile");
      submit(page, () -> page.click("[data-testid=place-save]"));
      assertThat(page.locator("[data-field-error=capacityPerDay]").textContent()).isEqualTo("应为数字");
      assertThat(page.inputValue("#place-code")).isEqualTo(lab);
      page.fill("#place-capacity", "30000");
      page.fill("#place-contact", "赵敏");
      page.fill("#place-phone", "13600001111");
      Browser.screenshot(page, "labtest-lab-form");
      submit(page, () -> page.click("[data-testid=place-save]"));
      assertThat(page.url()).endsWith("/labtest/labs/" + lab);
      assertThat(page.locator("[data-testid=notice]").textContent()).isEqualTo("已新建");
      assertThat(page.locator("[data-testid=place-title]").textContent()).contains("气膜实验室" + tag);
      assertThat(page.isChecked("#place-mobile")).isTrue();
      Browser.screenshot(page, "labtest-lab-created");
    }
    JsonNode created = api.as("lab").get("/api/v1/labtest/labs/" + lab).json();
    assertThat(created.get("capacityPerDay").asInt()).isEqualTo(30_000);
    assertThat(created.get("mobile").asBoolean()).isTrue();
    assertThat(created.get("jurisdictionCode").asString()).isEqualTo(DemoPlaces.DISTRICT);

    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      Browser.login(page, api.baseUrl(), "admin");
      page.navigate(api.baseUrl() + "/labtest/sampling-sites/new");
      page.fill("#place-code", site);
      page.fill("#place-name", "广场采样点" + tag);
      Browser.chooseDivision(page, "jurisdictionCode", COMMUNITY, divisionName(COMMUNITY));
      page.fill("#place-capacity", "2000");
      page.fill("#place-samplers", "6");
      page.fill("#place-hours", "07:00-19:00");
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "labtest-site-form-phone");
      submit(page, () -> page.click("[data-testid=place-save]"));
      assertThat(page.url()).endsWith("/labtest/sampling-sites/" + site);
      page.onDialog(dialog -> dialog.accept());
      submit(page, () -> page.click("[data-testid=place-retire]"));
      assertThat(page.locator("[data-testid=notice]").textContent()).isEqualTo("已停用");
      assertThat(page.locator("[data-testid=place-retired]").isVisible()).isTrue();
      page.navigate(api.baseUrl() + "/labtest/sampling-sites?status=ALL&q=" + site);
      Locator row = page.locator("[data-code='" + site + "']");
      assertThat(row.getAttribute("data-status")).isEqualTo("RETIRED");
      assertThat(row.locator("[data-testid=place-name]").textContent()).isEqualTo("广场采样点" + tag);
      Browser.fitsThePhone(page);
      Browser.screenshot(page, "labtest-sites-phone");
    }
    JsonNode stored = api.as("lab").get("/api/v1/labtest/sampling-sites/" + site).json();
    assertThat(stored.get("jurisdictionCode").asString()).isEqualTo(COMMUNITY);
    assertThat(stored.get("samplers").asInt()).isEqualTo(6);
    assertThat(stored.get("status").asString()).isEqualTo("RETIRED");
  }

  /** Submits a form and waits until the page it leads to has loaded completely. */
  @SuppressWarnings("deprecation")
  private static void submit(Page page, Runnable click) {
    page.waitForNavigation(click);
    page.waitForLoadState();
  }
}
