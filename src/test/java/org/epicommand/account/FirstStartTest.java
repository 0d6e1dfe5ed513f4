package org.epicommand.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.epicommand.support.Api;
import org.epicommand.support.Browser;
import org.epicommand.support.CityInstallation;
import org.epicommand.support.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ApplicationRunner;
import tools.jackson.databind.JsonNode;

/**
 * A new installation outside demo mode: the first administrator exists before any division, has no
 * home jurisdiction and no placeholder root; the first divisions import places them at its root.
 * The divisions carry their resident population, and the quarantine-room standard is measured
 * against it — "人口未设置" until it is set, never "meets".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstStartTest {

  @TempDir
  static Path work;

  CityInstallation city;

  @BeforeAll
  void start() {
    city = CityInstallation.start(work);
  }

  @AfterAll
  void stop() {
    city.close();
  }

  @Test
  @Order(1)
  void theFirstAdministratorWaitsForTheDivisionsWithoutAPlaceholderRoot() {
    JsonNode me = city.admin().get("/api/v1/me").json();
    assertThat(me.get("roles").toString()).contains("ADMIN");
    assertThat(me.get("jurisdictionCode").isNull()).isTrue();
    assertThat(city.admin().get("/api/v1/jurisdictions").json().size()).isZero();
    assertThat(city.jdbc().sql("select count(*) from jurisdiction").query(Long.class).single()).isZero();
  }

  @Test
  @Order(2)
  void thePlaceholderRootOfEarlierVersionsIsRemovedAtStart() throws Exception {
    city.jdbc()
        .sql("insert into jurisdiction (code, name, level, path) values ('000000', '全国', 'PROVINCE', '/000000/')")
        .update();
    city.jdbc().sql("update account_user set jurisdiction_code = '000000' where username = 'admin'").update();
    runAdminBootstrap();
    assertThat(city.jdbc().sql("select count(*) from jurisdiction").query(Long.class).single()).isZero();
    assertThat(city.jdbc().sql("select jurisdiction_code from account_user where username = 'admin'")
        .query(String.class).optional()).isEmpty();
  }

  @Test
  @Order(3)
  void theSetupPageSaysWhatTheNewCityLacks() {
    try (BrowserContext context = Browser.context(false)) {
      Page page = context.newPage();
      Browser.login(page, city.api().baseUrl(), "admin", CityInstallation.ADMIN_PASSWORD);
      page.navigate(city.api().baseUrl() + "/admin/setup");
      Locator divisions = page.locator("[data-testid='setup-setup.divisions']");
      assertThat(divisions.getAttribute("data-ready")).isEqualTo("false");
      assertThat(divisions.textContent()).contains("没有行政区划");
      assertThat(page.locator("[data-testid='setup-setup.ruleSet']").getAttribute("data-ready")).isEqualTo("true");
      assertThat(page.locator("[data-testid=setup-complete]").count()).isZero();
      Browser.screenshot(page, "setup-new-city");
      divisions.locator("a").click();
      page.waitForURL(url -> url.contains("/imports"));
    }
  }

  @Test
  @Order(4)
  void theFirstDivisionsImportPlacesTheAdministratorAtItsRoot() throws Exception {
    JsonNode status = city.admin().upload("/api/v1/imports/jurisdictions?wait=true",
        SharedData.require("admin/xinzhou_1409_hierarchy_2021.csv")).json();
    assertThat(status.get("status").asString()).isEqualTo("DONE");
    assertThat(status.get("rowsImported").asLong()).isEqualTo(3057);
    JsonNode me = city.admin().get("/api/v1/me").json();
    assertThat(me.get("jurisdictionCode").asString()).isEqualTo("14");
    assertThat(me.get("jurisdictionName").asString()).isEqualTo("山西省");
    assertThat(city.auditor().get("/api/v1/audit?subjectId=" + adminId()).json().get("items").toString())
        .contains("placed at the new root division");
  }

  @Test
  @Order(5)
  void theImportedDivisionsTurnGreenAndTheirVillagesArePickedOnAPhone() {
    try (BrowserContext context = Browser.context(false)) {
      Page page = context.newPage();
      Browser.login(page, city.api().baseUrl(), "admin", CityInstallation.ADMIN_PASSWORD);
      page.navigate(city.api().baseUrl() + "/admin/setup");
      assertThat(page.locator("[data-testid='setup-setup.divisions']").getAttribute("data-ready")).isEqualTo("true");
      assertThat(page.locator("[data-testid='setup-setup.population']").getAttribute("data-ready")).isEqualTo("false");
      Browser.screenshot(page, "setup-divisions-imported");
    }
    // a returnee on a phone chooses their village level by level: 山西省 and 忻州市 are the only
    // choices and are taken at once; then county, township and village
    try (BrowserContext context = Browser.phone()) {
      Page page = context.newPage();
      page.navigate(city.api().baseUrl() + "/public/arrival");
      Locator picker = page.locator(".division-picker");
      picker.locator("select[data-depth='2']").selectOption("140902");
      picker.locator("select[data-depth='3']").selectOption(new SelectOption().setLabel("长征街街道"));
      Locator villages = picker.locator("select[data-depth='4']");
      villages.waitFor();
      assertThat(villages.locator("option").count()).isGreaterThan(5);
      villages.selectOption(new SelectOption().setIndex(1));
      String village = page.locator("input[name=destinationCode]").inputValue();
      assertThat(village).startsWith("140902").hasSize(12);
      assertThat(picker.locator(".division-chosen").textContent()).startsWith("山西省 › 忻州市 › 忻府区 › 长征街街道 › ");
      assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
      Browser.screenshot(page, "division-picker-phone");
    }
  }

  @Test
  @Order(6)
  void roomsPerTenThousandResidentsAreMeasuredAgainstThePopulationOnceItIsSet() {
    Api.Answer created = city.admin().post("/api/v1/users", Map.of("username", "xz-commander",
        "password", "Command2022xz", "roles", new String[] {"COMMANDER"}, "jurisdictionCode", "1409"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Api.Caller commander = city.api().as("xz-commander", "Command2022xz");
    JsonNode before = commander.get("/api/v1/quarantine/capacity").json();
    assertThat(before.size()).isEqualTo(16);
    for (JsonNode district : before) {
      assertThat(district.get("population").isNull()).as(district.toString()).isTrue();
      assertThat(district.get("meetsStandard").isNull()).as("no population, no verdict").isTrue();
    }

    // the statistics bureau's figures come with a re-import of the division file (its own headers)…
    String csv = """
        忻州市各县（市、区）常住人口
        统计用区划代码,区划代码,名称,级别,上级代码,常住人口
        140902000000,140902,忻府区,3,1409,"542,000"
        140921000000,140921,定襄县,3,1409,
        140922000000,140922,五台县,3,1409,-5
        """;
    JsonNode status = city.admin().upload("/api/v1/imports/jurisdictions?wait=true", "population.csv",
        csv.getBytes(StandardCharsets.UTF_8)).json();
    assertThat(status.get("rowsImported").asLong()).isEqualTo(2);
    assertThat(status.get("errors").get(0).get("row").asInt()).isEqualTo(5);
    assertThat(status.get("errors").get(0).get("field").asString()).isEqualTo("population");
    // …or are typed in by the administrator
    assertThat(city.admin().put("/api/v1/jurisdictions/140921", Map.of("population", 192000)).status()).isEqualTo(200);
    Api.Answer bad = city.admin().put("/api/v1/jurisdictions/140921", Map.of("population", -1));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("population");
    assertThat(commander.put("/api/v1/jurisdictions/140921", Map.of("population", 1)).status()).isEqualTo(403);

    JsonNode after = commander.get("/api/v1/quarantine/capacity").json();
    JsonNode xinfu = district(after, "140902");
    assertThat(xinfu.get("population").asLong()).isEqualTo(542_000);
    assertThat(xinfu.get("required").asLong()).isEqualTo(1_084);
    assertThat(xinfu.get("meetsStandard").asBoolean()).isFalse();
    JsonNode dingxiang = district(after, "140921");
    assertThat(dingxiang.get("required").asLong()).isEqualTo(384);
    assertThat(district(after, "140922").get("meetsStandard").isNull()).isTrue();
    // a re-import without figures keeps them
    city.admin().upload("/api/v1/imports/jurisdictions?wait=true", "again.csv",
        "code12,code,name,level,parent_code\n140902000000,140902,忻府区,3,1409\n".getBytes(StandardCharsets.UTF_8));
    assertThat(city.admin().get("/api/v1/jurisdictions/140902").json().get("population").asLong()).isEqualTo(542_000);
  }

  private static JsonNode district(JsonNode capacity, String code) {
    for (JsonNode row : capacity) {
      if (row.get("jurisdictionCode").asString().equals(code)) {
        return row;
      }
    }
    throw new AssertionError("no district " + code + " in " + capacity);
  }

  private String adminId() {
    return city.jdbc().sql("select id::text from account_user where username = 'admin'").query(String.class).single();
  }

  private void runAdminBootstrap() throws Exception {
    city.bean("adminBootstrap", ApplicationRunner.class).run(null);
  }
}
