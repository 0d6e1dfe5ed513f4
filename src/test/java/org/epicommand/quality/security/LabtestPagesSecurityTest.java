package org.epicommand.quality.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The testing pages: who may open them (403 for roles without the right), a campaign of another
 * district is 404 on every page, forms need the CSRF token, names are escaped, bad parameters never 500.
 */
@EpiCommandTest
class LabtestPagesSecurityTest {

  @Autowired
  Api api;

  private String campaign(String user, String name, String scope) {
    Api.Answer created = api.as(user).post("/api/v1/campaigns", """
        {"name": "%s", "scopeCodes": ["%s"], "startsAt": "2008-05-01T00:00:00+08:00",
         "endsAt": "2008-05-02T00:00:00+08:00"}""".formatted(name, scope));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  @Test
  void pagesAnswerByRoleAndJurisdiction() {
    String own = campaign("district", "页面<b>活动</b>" + System.nanoTime() % 100_000, DemoPlaces.STREET);
    String other = campaign("commander", "他区活动", DemoPlaces.OTHER_DISTRICT);

    WebSession site = WebSession.login(api, "site");
    assertThat(site.get("/labtest/campaigns").status()).isEqualTo(403);
    assertThat(site.get("/labtest/retests").status()).isEqualTo(403);
    assertThat(site.get("/labtest/upload").status()).isEqualTo(403);
    WebSession community = WebSession.login(api, "community");
    assertThat(community.get("/labtest/upload").status()).isEqualTo(403);
    assertThat(community.get("/labtest/retests").status()).isEqualTo(200);
    assertThat(community.get("/labtest/retests?jurisdiction=990102001001").status()).isEqualTo(404);
    assertThat(community.postForm("/labtest/campaigns", Map.of("name", "x"), true).status()).isEqualTo(403);

    WebSession district = WebSession.login(api, "district");
    WebSession.Page list = district.get("/labtest/campaigns");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains("页面&lt;b&gt;活动&lt;/b&gt;").doesNotContain("页面<b>活动").doesNotContain(other);
    WebSession.Page board = district.get("/labtest/campaigns/" + own);
    assertThat(board.status()).isEqualTo(200);
    assertThat(board.body()).contains("页面&lt;b&gt;活动&lt;/b&gt;").contains("尚无采样记录");
    for (String path : new String[] {"", "/untested", "/untested.csv"}) {
      assertThat(district.get("/labtest/campaigns/" + other + path).status()).as(path).isEqualTo(404);
    }
    assertThat(district.get("/labtest/campaigns/" + own + "?level=NOPE").status()).isEqualTo(404);
    assertThat(district.get("/labtest/campaigns/" + own + "?round=7").status()).isEqualTo(404);
    assertThat(district.get("/labtest/campaigns/" + own + "?within=990102").status()).isEqualTo(404);
    assertThat(district.get("/labtest/campaigns/not-a-uuid").status()).isIn(400, 404);
    assertThat(district.get("/labtest/campaigns/" + own + "?riskLevel=PURPLE").status()).isEqualTo(200);

    Map<String, String> round = Map.of("startsAt", "2008-05-02T00:00", "endsAt", "2008-05-03T00:00");
    assertThat(district.postForm("/labtest/campaigns/" + own + "/rounds", round, false).status()).isEqualTo(403);
    assertThat(api.as("district").get("/api/v1/campaigns/" + own).json().get("rounds").size()).isEqualTo(1);
    WebSession.Page added = district.postForm("/labtest/campaigns/" + own + "/rounds", round, true);
    assertThat(added.location()).endsWith("/labtest/campaigns/" + own);
    assertThat(api.as("district").get("/api/v1/campaigns/" + own).json().get("rounds").size()).isEqualTo(2);
    assertThat(district.postForm("/labtest/campaigns/" + other + "/rounds", round, true).status()).isEqualTo(404);
    WebSession.Page bad = district.postForm("/labtest/campaigns", Map.of("name", "坏", "scopeCodes", DemoPlaces.DISTRICT,
        "startsAt", "yesterday", "endsAt", "2008-05-03T00:00"), true);
    assertThat(bad.status()).isEqualTo(200);
    assertThat(bad.body()).contains("data-field-error=\"startsAt\"");
    WebSession.Page outside = district.postForm("/labtest/campaigns", Map.of("name", "越界", "scopeCodes",
        DemoPlaces.OTHER_DISTRICT,
        "startsAt", "2008-05-01T00:00", "endsAt", "2008-05-03T00:00"), true);
    assertThat(outside.body()).contains("data-field-error=\"scopeCodes\"").contains("活动范围超出了您的辖区");
  }

  @Test
  void placePagesAnswerByRoleKeepBadFieldsOnTheFormAndSayWhyAStepIsRefused() {
    WebSession site = WebSession.login(api, "site");
    assertThat(site.get("/labtest/sampling-sites").status()).isEqualTo(403);
    assertThat(site.get("/labtest/labs").status()).isEqualTo(403);
    WebSession lab = WebSession.login(api, "lab");
    assertThat(lab.get("/labtest/labs").body()).contains("市疾控中心实验室").doesNotContain("data-testid=\"place-new\"");
    assertThat(lab.get("/labtest/labs/LAB01").body()).contains("data-testid=\"place-details\"")
        .doesNotContain("data-testid=\"place-form\"");
    assertThat(lab.get("/labtest/labs/new").status()).isEqualTo(403);
    assertThat(lab.postForm("/labtest/labs", Map.of("code", "XPAGE1", "name", "x"), true).status()).isEqualTo(403);
    assertThat(lab.get("/labtest/upload").body()).contains("href=\"/labtest/sampling-sites\"");

    WebSession commander = WebSession.login(api, "commander");
    String code = "XPG" + System.nanoTime() % 1_000_000_000L;
    Map<String, String> form = new java.util.HashMap<>(Map.of("code", code, "name", "页面<b>采样点</b>",
        "jurisdictionCode", "990101001003", "capacityPerDay", "很多", "samplers", "4"));
    assertThat(commander.postForm("/labtest/sampling-sites", form, false).status()).isEqualTo(403);
    WebSession.Page bad = commander.postForm("/labtest/sampling-sites", form, true);
    assertThat(bad.status()).isEqualTo(200);
    assertThat(bad.body()).contains("data-field-error=\"capacityPerDay\"", "应为数字", "value=\"" + code + "\"");
    form.put("capacityPerDay", "1500");
    WebSession.Page created = commander.postForm("/labtest/sampling-sites", form, true);
    assertThat(created.status()).isEqualTo(302);
    assertThat(created.location()).endsWith("/labtest/sampling-sites/" + code);
    WebSession.Page record = commander.get("/labtest/sampling-sites/" + code);
    assertThat(record.body()).contains("已新建", "页面&lt;b&gt;采样点&lt;/b&gt;").doesNotContain("页面<b>采样点");
    assertThat(record.body())
        .containsPattern("class=\"division-value\" name=\"jurisdictionCode\"[^>]*value=\"990101001003\"");
    WebSession.Page duplicate = commander.postForm("/labtest/sampling-sites", form, true);
    assertThat(duplicate.body()).contains("采样点代码已存在", "/labtest/sampling-sites/" + code);
    form.put("contactPhone", "12345");
    assertThat(commander.postForm("/labtest/sampling-sites/" + code, form, true).body())
        .contains("data-field-error=\"contactPhone\"");

    assertThat(commander.postForm("/labtest/sampling-sites/" + code + "/retire", Map.of(), true).status())
        .isEqualTo(302);
    assertThat(commander.get("/labtest/sampling-sites/" + code).body()).contains("data-testid=\"place-retired\"",
        "data-testid=\"place-reactivate\"");
    commander.postForm("/labtest/sampling-sites/" + code + "/retire", Map.of(), true);
    assertThat(commander.get("/labtest/sampling-sites/" + code).body()).contains("该采样点已停用");
    assertThat(commander.get("/labtest/sampling-sites?jurisdiction=990101001003").body()).doesNotContain(code);
    assertThat(commander.get("/labtest/sampling-sites?jurisdiction=990101001003&status=RETIRED").body())
        .contains("data-code=\"" + code + "\"");

    WebSession district = WebSession.login(api, "district");
    assertThat(district.get("/labtest/sampling-sites?jurisdiction=990102").status()).isEqualTo(404);
    assertThat(district.get("/labtest/sampling-sites/" + code).status()).isEqualTo(200);
    assertThat(district.get("/labtest/sampling-sites/NOSUCH").status()).isEqualTo(404);
    assertThat(district.get("/labtest/sampling-sites?status=PURPLE&q=%25").status()).isEqualTo(200);
    assertThat(district.get("/labtest/sampling-sites?page=-1").status()).isEqualTo(200);
    assertThat(district.get("/labtest/labs?lang=en").body()).doesNotContain("??").contains("Sampling sites");
  }
}
