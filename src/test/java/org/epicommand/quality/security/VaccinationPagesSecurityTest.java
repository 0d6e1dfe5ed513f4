package org.epicommand.quality.security;

import org.epicommand.support.DemoPlaces;
import org.epicommand.support.People;
import org.epicommand.support.WebSession;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The vaccination pages: who may open them (403 for roles without the right), a person or list of
 * another district is 404, forms need the CSRF token, bad fields stay on the form, names are escaped,
 * bad parameters never 500, and every page speaks English too.
 */
@EpiCommandTest
class VaccinationPagesSecurityTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired
  Api api;

  private String person(String name, String community, int age) {
    for (int attempt = 0; attempt < 30; attempt++) {
      String idNumber = People.validId("460106", (TODAY.getYear() - age) + "0505",
          (int) (System.nanoTime() % 800) + 100);
      Api.Answer created = api.as("commander").post("/api/v1/persons", People.body(name, idNumber, community));
      if (created.status() == 201) {
        return created.json().get("id").asString();
      }
    }
    throw new IllegalStateException("no person");
  }

  @Test
  void pagesAnswerByRoleAndJurisdiction() {
    String elsewhere = person("外区接种", DemoPlaces.OTHER_DISTRICT_COMMUNITY, 81);
    WebSession site = WebSession.login(api, "site");
    for (String path : new String[] {"/vaccination", "/vaccination/targets", "/vaccination/sites",
        "/vaccination/doses/new", "/vaccination/adverse-events", "/vaccination/persons/" + elsewhere}) {
      assertThat(site.get(path).status()).as(path).isEqualTo(403);
    }
    WebSession community = WebSession.login(api, "community");
    assertThat(community.get("/vaccination").status()).isEqualTo(200);
    assertThat(community.get("/vaccination/targets").status()).isEqualTo(200);
    assertThat(community.get("/vaccination/sites").body()).doesNotContain("data-testid=\"master-new\"");
    assertThat(community.get("/vaccination/sites/new").status()).isEqualTo(403);
    assertThat(community.get("/vaccination/doses/new").status()).isEqualTo(403);
    assertThat(community.get("/vaccination/targets?jurisdiction=990102001001").status()).isEqualTo(404);
    assertThat(community.get("/vaccination/persons/" + elsewhere).status()).isEqualTo(404);
    assertThat(community.get("/vaccination/persons/not-a-uuid").status()).isIn(400, 404);
    assertThat(community.get("/vaccination?jurisdiction=990102").status()).isEqualTo(404);
    assertThat(community.get("/vaccination?level=NOPE&ageBand=OLD").status()).isEqualTo(200);
    assertThat(community.get("/vaccination/targets?page=-3").status()).isEqualTo(200);
    assertThat(community.get("/vaccination/adverse-events?state=PURPLE").status()).isEqualTo(200);
    assertThat(community.postForm("/vaccination/targets/" + elsewhere + "/outcome", Map.of("outcome", "NOT_REACHED"),
        true).status()).isEqualTo(404);

    assertThat(community.get("/vaccination/widget?district=990102").status()).isEqualTo(404);

    // the dashboard tile: loaded into the command dashboard for the chosen district
    WebSession commanding = WebSession.login(api, "commander");
    assertThat(commanding.get("/analytics/dashboard?district=990101").body())
        .contains("hx-get=\"/vaccination/widget?district=990101\"");
    WebSession.Page tile = commanding.get("/vaccination/widget?district=990101");
    assertThat(tile.status()).isEqualTo(200);
    assertThat(tile.body()).contains("data-testid=\"widget-vaccination\"",
        "data-testid=\"coverage-AGE_80_PLUS-FIRST_DOSE\"");

    WebSession admin = WebSession.login(api, "admin");
    assertThat(admin.get("/vaccination/sites").body()).contains("data-testid=\"master-new\"");
    assertThat(admin.get("/admin/setup").body())
        .contains("data-testid=\"setup-setup.vaccinationSites\" data-ready=\"true\"");
    assertThat(admin.get("/vaccination/targets").status()).isEqualTo(403);
    assertThat(admin.get("/vaccination").status()).isEqualTo(200);
    WebSession vaccinator = WebSession.login(api, "vaccinator");
    assertThat(vaccinator.get("/vaccination/doses/new").body()).contains("data-testid=\"bound-site\"")
        .contains("东湖区疾控中心接种门诊");
    assertThat(vaccinator.get("/vaccination/persons/" + elsewhere).status()).isEqualTo(404);
  }

  @Test
  void masterDataPagesKeepBadFieldsOnTheFormEscapeNamesAndSayWhyAStepIsRefused() {
    WebSession commander = WebSession.login(api, "commander");
    String code = "VP" + System.nanoTime() % 1_000_000_000L;
    Map<String, String> form = new HashMap<>(Map.of("code", code, "name", "页面<b>接种点</b>", "jurisdictionCode",
        "990101001003", "contactPhone", "12"));
    assertThat(commander.postForm("/vaccination/sites", form, false).status()).isEqualTo(403);
    WebSession.Page bad = commander.postForm("/vaccination/sites", form, true);
    assertThat(bad.status()).isEqualTo(200);
    assertThat(bad.body()).contains("data-field-error=\"contactPhone\"", "value=\"" + code + "\"");
    form.remove("contactPhone");
    WebSession.Page created = commander.postForm("/vaccination/sites", form, true);
    assertThat(created.status()).isEqualTo(302);
    assertThat(created.location()).endsWith("/vaccination/sites/" + code);
    assertThat(commander.get("/vaccination/sites/" + code).body()).contains("已新建", "页面&lt;b&gt;接种点&lt;/b&gt;")
        .doesNotContain("页面<b>接种点");
    assertThat(commander.postForm("/vaccination/sites", form, true).body()).contains("接种点代码已存在");
    assertThat(commander.postForm("/vaccination/sites/" + code + "/retire", Map.of(), true).status()).isEqualTo(302);
    assertThat(commander.get("/vaccination/sites/" + code).body()).contains("data-testid=\"master-retired\"",
        "data-testid=\"master-reactivate\"");
    commander.postForm("/vaccination/sites/" + code + "/retire", Map.of(), true);
    assertThat(commander.get("/vaccination/sites/" + code).body()).contains("该接种点已停用（当前状态：RETIRED）");

    WebSession.Page product = commander.postForm("/vaccination/products", Map.of("code", "PP" + code, "name", "x",
        "manufacturer", "y", "platform", "MRNA", "primaryDoses", "很多", "minAge", "12"), true);
    assertThat(product.body()).contains("data-field-error=\"primaryDoses\"", "应为整数");
    WebSession.Page vaccinator = commander.postForm("/vaccination/vaccinators", Map.of("code", "VV" + code, "name",
        "王", "siteCode", code), true);
    assertThat(vaccinator.body()).contains("data-field-error=\"siteCode\"");
  }

  @Test
  void recordFormsKeepTheirFieldsAndEveryPageSpeaksEnglish() {
    String id = person("页面接种", DemoPlaces.COMMUNITY, 83);
    WebSession commander = WebSession.login(api, "commander");
    WebSession.Page record = commander.get("/vaccination/persons/" + id);
    assertThat(record.status()).isEqualTo(200);
    assertThat(record.body()).contains("页面接种", "尚无接种记录");
    WebSession.Page bad = commander.postForm("/vaccination/persons/" + id + "/doses", Map.of("doseNumber", "1",
        "productCode", "BIBP", "date", TODAY.plusDays(2).toString(), "siteCode", "V990101"), true);
    assertThat(bad.status()).isEqualTo(200);
    assertThat(bad.body()).contains("data-field-error=\"date\"", "接种日期晚于今天");
    WebSession.Page saved = commander.postForm("/vaccination/persons/" + id + "/doses", Map.of("doseNumber", "1",
        "productCode", "BIBP", "batch", "202212", "date", TODAY.toString(), "siteCode", "V990101"), true);
    assertThat(saved.status()).isEqualTo(302);
    assertThat(commander.get("/vaccination/persons/" + id).body()).contains("已登记第 1 剂", "基础免疫");
    WebSession.Page exclusion = commander.postForm("/vaccination/persons/" + id + "/exclusions", Map.of("kind",
        "REFUSAL"), true);
    assertThat(exclusion.body()).contains("data-field-error=\"reason\"");

    WebSession english = WebSession.login(api, "commander");
    for (String path : new String[] {"/vaccination", "/vaccination/targets", "/vaccination/sites",
        "/vaccination/vaccinators", "/vaccination/products", "/vaccination/products/BIBP",
            "/vaccination/doses/new?q=页面",
        "/vaccination/adverse-events", "/vaccination/persons/" + id, "/vaccination/widget"}) {
      WebSession.Page page = english.get(path + (path.contains("?") ? "&" : "?") + "lang=en");
      assertThat(page.status()).as(path).isEqualTo(200);
      assertThat(page.body()).as(path).doesNotContain("??");
    }
    assertThat(english.get("/vaccination/targets?lang=en").body()).contains("Door-to-door list");
  }
}
