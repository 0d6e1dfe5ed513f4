package org.epicommand.quality.security;

import org.epicommand.support.WebSession;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.epicommand.screening.ScreeningFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The screening pages through the page security chain: who may open the rounds, board, phone list,
 * findings and gatherings pages; forms need the CSRF token and the right; bad input comes back as
 * the problem, never a 500; names are escaped.
 */
@EpiCommandTest
class ScreeningPagesSecurityTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired
  Api api;

  @Test
  void eachScreeningPageOpensForItsAudienceOnly() {
    String address = "页面排查路" + System.nanoTime() % 100_000 + "号";
    ScreeningFixtures.resident(api, "页面<b>x</b>", address);
    String roundId = ScreeningFixtures.runningRound(api, "页面轮次<b>y</b>");
    String householdId = ScreeningFixtures.household(api, roundId, address).get("householdId").asString();
    Map<String, Map<String, Integer>> expected = Map.of(
        "/screening", Map.of("commander", 200, "community", 200, "cdc", 200, "lab", 403, "auditor", 403),
        "/screening/rounds/" + roundId, Map.of("district", 200, "community", 200, "site", 403),
        "/screening/rounds/" + roundId + "/visit", Map.of("community", 200, "district", 200, "cdc", 403),
        "/screening/rounds/" + roundId + "/households/" + householdId, Map.of("community", 200, "cdc", 403),
        "/screening/rounds/00000000-0000-0000-0000-000000000001", Map.of("community", 404),
        "/screening/findings?overdue=true&jurisdiction=990101001", Map.of("district", 200, "community", 404),
        "/gatherings", Map.of("community", 200, "commander", 200, "lab", 403));
    expected.forEach((path, byUser) -> byUser.forEach((user, status) ->
        assertThat(WebSession.login(api, user).get(path).status()).as(user + " " + path).isEqualTo(status)));
    String list = WebSession.login(api, "community").get("/screening").body();
    assertThat(list).contains("页面轮次&lt;b&gt;y&lt;/b&gt;").doesNotContain("页面轮次<b>");
    String form = WebSession.login(api, "community").get("/screening/rounds/" + roundId + "/households/" + householdId)
        .body();
    assertThat(form).contains("页面&lt;b&gt;x&lt;/b&gt;").doesNotContain("页面<b>");
  }

  @Test
  void formsNeedTheRightAndBadInputComesBackAsTheProblem() {
    WebSession community = WebSession.login(api, "community");
    Map<String, String> round = Map.of("name", "页面发起", "scope", ScreeningFixtures.COMMUNITY,
        "startsAt", TODAY + "T08:00", "endsAt", TODAY.plusDays(2) + "T08:00");
    assertThat(community.postForm("/screening/rounds", round, true).status()).isEqualTo(403);
    WebSession district = WebSession.login(api, "district");
    assertThat(district.postForm("/screening/rounds", round, false).status()).isEqualTo(403);
    assertThat(district.postForm("/screening/rounds", Map.of("name", "", "scope", "x"), true).location())
        .endsWith("/screening");
    assertThat(district.get("/screening").body()).contains("data-testid=\"problem\"").contains("请填写轮次名称");

    String address = "表单排查路" + System.nanoTime() % 100_000 + "号";
    ScreeningFixtures.resident(api, "表单户", address);
    String roundId = ScreeningFixtures.runningRound(api, "表单轮次");
    String householdId = ScreeningFixtures.household(api, roundId, address).get("householdId").asString();
    String path = "/screening/rounds/" + roundId + "/households/" + householdId;
    WebSession.Page bad = community.postForm(path, Map.of("outcome", "SLEEPING", "seen", "x"), true);
    assertThat(bad.location()).endsWith(path);
    assertThat(community.get(path).body()).contains("取值无效");
    assertThat(community.postForm("/gatherings", Map.of("kind", "WEDDING", "organiserName", "王", "place", "礼堂",
        "jurisdictionCode", ScreeningFixtures.COMMUNITY, "heldOn", TODAY.minusDays(1).toString(), "attendees", "0"),
            true)
        .location()).endsWith("/gatherings");
    assertThat(community.get("/gatherings").body()).contains("活动日期不能早于今天");
    assertThat(community.postForm("/gatherings/policies", Map.of("jurisdictionCode", ScreeningFixtures.COMMUNITY,
        "kind", "BANQUET", "rule", "BANNED", "validFrom", TODAY.toString()), true).status()).isEqualTo(403);
  }

  @Test
  void theSitePagesOpenForWorkersAndBadInputComesBackAsTheProblem() {
    long n = System.nanoTime() % 100_000;
    org.epicommand.organisation.OrganisationFixtures.register(api, "页面单位<b>z</b>" + n, "ENTERPRISE",
        ScreeningFixtures.COMMUNITY, null);
    String roundId = ScreeningFixtures.runningRound(api, "页面入单位" + n, List.of("ORGANISATIONS", "RENTALS"));
    String sitesPath = "/screening/rounds/" + roundId + "/sites";
    String siteId = api.as("community").get("/api/v1/screening/rounds/" + roundId + "/sites?size=500").json()
        .get("items").valueStream().filter(s -> s.get("name").asString().equals("页面单位<b>z</b>" + n)).findFirst()
        .orElseThrow().get("id").asString();
    Map<String, Map<String, Integer>> expected = Map.of(
        sitesPath + "?all=true", Map.of("community", 200, "district", 200, "cdc", 403),
        sitesPath + "/" + siteId, Map.of("community", 200, "cdc", 403),
        sitesPath + "/00000000-0000-0000-0000-000000000001", Map.of("community", 404));
    expected.forEach((path, byUser) -> byUser.forEach((user, status) ->
        assertThat(WebSession.login(api, user).get(path).status()).as(user + " " + path).isEqualTo(status)));
    WebSession community = WebSession.login(api, "community");
    // the site's own page (the list pages 50 at a time, and a full run registers many organisations here)
    assertThat(community.get(sitesPath + "/" + siteId).body()).contains("页面单位&lt;b&gt;z&lt;/b&gt;")
        .doesNotContain("页面单位<b>");
    assertThat(community.postForm(sitesPath + "/" + siteId, Map.of("outcome", "SCREENED", "staffPresent", "-3"),
        true).location()).endsWith(sitesPath + "/" + siteId);
    assertThat(community.get(sitesPath + "/" + siteId).body()).contains("人数应在 0 至 100000 之间");
    assertThat(community.postForm(sitesPath, Map.of("kind", "RENTAL", "name", "", "jurisdictionCode",
        ScreeningFixtures.COMMUNITY, "headcount", "2"), true).location()).endsWith(sitesPath);
    assertThat(community.get(sitesPath).body()).contains("请填写场所名称");
    assertThat(WebSession.login(api, "cdc").postForm(sitesPath, Map.of("kind", "RENTAL", "name", "x"), true)
        .status()).isEqualTo(403);
    // the questionnaire versions: read by every screening role, published by managers only
    assertThat(WebSession.login(api, "cdc").get("/screening/questionnaires").body()).contains("问卷第")
        .contains("家中有重点人群");
    assertThat(WebSession.login(api, "lab").get("/screening/questionnaires").status()).isEqualTo(403);
    assertThat(community.postForm("/screening/questionnaires", Map.of("items", "TEMPERATURE"), true).status())
        .isEqualTo(403);
    WebSession district = WebSession.login(api, "district");
    assertThat(district.postForm("/screening/questionnaires", Map.of("note", "空"), true).location())
        .endsWith("/screening/questionnaires");
    assertThat(district.get("/screening/questionnaires").body()).contains("问卷至少应包含一项问询");
  }
}
