package org.epicommand.quality.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.epicommand.lockdown.LockdownFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The sealed-area pages through the page security chain: who may open the areas, an area, a post,
 * the requests and the pool; forms need the CSRF token and the right; bad input comes back as the
 * problem, never a 500; names are escaped; an area outside the caller's jurisdiction is 404.
 */
@EpiCommandTest
class LockdownPagesSecurityTest {

  @Autowired
  Api api;

  @Test
  void eachPageOpensForItsAudienceOnlyAndFormsComeBackWithTheProblem() {
    JsonNode area = LockdownFixtures.area(api, "页面<b>封控</b>", LockdownFixtures.COMMUNITY, true);
    String areaId = area.get("id").asString();
    JsonNode far = LockdownFixtures.area(api, "页面远处", LockdownFixtures.OTHER_DISTRICT_COMMUNITY, false);
    String postId = api.as("community").post("/api/v1/lockdown/areas/" + areaId + "/posts",
        Map.of("kind", "GATE", "name", "页面东门")).json().get("id").asString();
    Map<String, Map<String, Integer>> expected = Map.of(
        "/lockdown", Map.of("commander", 200, "community", 200, "lab", 403, "auditor", 403),
        "/lockdown/areas/" + areaId, Map.of("district", 200, "community", 200, "site", 403),
        "/lockdown/areas/" + far.get("id").asString(), Map.of("community", 404, "commander", 200),
        "/lockdown/posts/" + postId, Map.of("community", 200, "cdc", 403),
        "/lockdown/requests?overdue=true", Map.of("district", 200, "community", 200, "lab", 403),
        "/lockdown/workers", Map.of("community", 200, "inspector", 403),
        "/lockdown/widget", Map.of("commander", 200, "kiosk", 403));
    expected.forEach((path, byUser) -> byUser.forEach((user, status) ->
        assertThat(WebSession.login(api, user).get(path).status()).as(user + " " + path).isEqualTo(status)));
    assertThat(WebSession.login(api, "community").get("/lockdown").body())
        .contains("页面&lt;b&gt;封控&lt;/b&gt;").doesNotContain("页面<b>");

    WebSession community = WebSession.login(api, "community");
    Map<String, String> declare = Map.of("name", "页面划定", "kind", "SEALED", "jurisdictionCode",
        LockdownFixtures.COMMUNITY, "startsAt", "2026-12-06T08:00");
    assertThat(community.postForm("/lockdown", declare, true).status()).isEqualTo(403);
    WebSession commander = WebSession.login(api, "commander");
    assertThat(commander.postForm("/lockdown", declare, false).status()).isEqualTo(403);
    WebSession.Page bad = commander.postForm("/lockdown", Map.of("name", "", "startsAt", "2026-12-06T08:00"), true);
    assertThat(bad.location()).endsWith("/lockdown");
    assertThat(commander.get("/lockdown").body()).contains("请填写名称");
    WebSession.Page badPass = community.postForm("/lockdown/areas/" + areaId + "/passes",
        Map.of("validFrom", "2026-12-06", "validTo", "2026-12-01"), true);
    assertThat(badPass.location()).endsWith("/lockdown/areas/" + areaId);
    assertThat(community.get("/lockdown/areas/" + areaId).body()).contains("该户不在此封控区内");
  }

  @Test
  void theVolunteerReadinessAndRegisterPagesOpenForTheirAudienceOnly() {
    JsonNode area = LockdownFixtures.area(api, "页面照护", LockdownFixtures.COMMUNITY, true);
    String areaId = area.get("id").asString();
    Map<String, Map<String, Integer>> expected = Map.of(
        "/lockdown/my", Map.of("volunteer", 200, "community", 403, "commander", 403),
        "/lockdown/my/widget", Map.of("volunteer", 200, "kiosk", 403),
        "/lockdown/readiness", Map.of("commander", 200, "district", 200, "volunteer", 403, "lab", 403),
        "/lockdown/readiness?gates=-1", Map.of("commander", 200),
        "/lockdown/widget?district=990102", Map.of("commander", 200, "district", 404),
        "/lockdown", Map.of("volunteer", 403),
        "/lockdown/requests", Map.of("volunteer", 403),
        "/persons", Map.of("volunteer", 403));
    expected.forEach((path, byUser) -> byUser.forEach((user, status) ->
        assertThat(WebSession.login(api, user).get(path).status()).as(user + " " + path).isEqualTo(status)));
    assertThat(WebSession.login(api, "commander").get("/lockdown/readiness?gates=-1").body())
        .contains("请填写 0 或正整数");

    WebSession community = WebSession.login(api, "community");
    Map<String, String> person = Map.of("name", "页面<b>老人</b>", "category", "DISABILITY");
    assertThat(community.postForm("/lockdown/areas/" + areaId + "/vulnerable", person, false).status())
        .isEqualTo(403);
    WebSession.Page bad = community.postForm("/lockdown/areas/" + areaId + "/vulnerable", person, true);
    assertThat(bad.location()).endsWith("/lockdown/areas/" + areaId);
    assertThat(community.get("/lockdown/areas/" + areaId).body()).contains("该户不在此封控区内");
    // a request handed to the demo volunteer from the requests page lands on their phone page
    String household = LockdownFixtures.household(api, "页面送达户", "页面送达路1号", LockdownFixtures.COMMUNITY);
    String request = api.as("community").post("/api/v1/lockdown/areas/" + areaId + "/requests", Map.of(
        "householdId", household, "need", "GARBAGE")).json().get("id").asString();
    assertThat(community.postForm("/lockdown/requests/" + request + "/assign", Map.of("assignee", "volunteer"), true)
        .location()).endsWith("/lockdown/requests");
    WebSession volunteer = WebSession.login(api, "volunteer");
    assertThat(volunteer.get("/lockdown/my").body()).contains("页面送达路1号").contains("垃圾清运");
    assertThat(volunteer.postForm("/lockdown/areas/" + areaId + "/vulnerable", person, true).status()).isEqualTo(403);
    assertThat(volunteer.postForm("/lockdown/my/requests/" + java.util.UUID.randomUUID() + "/deliver", Map.of(), true)
        .status()).isEqualTo(404);
  }
}
