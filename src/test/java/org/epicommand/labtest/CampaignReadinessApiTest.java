package org.epicommand.labtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Readiness of a campaign: "request supplies" turns the plan's tubes and swabs into one URGENT supply request
 * (a second one 409 while it is open), and a drill times its sampling sites reporting open against 6 hours.
 */
@EpiCommandTest
class CampaignReadinessApiTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  private String campaign(boolean drill) {
    LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    Api.Answer created = api.as("commander").post("/api/v1/campaigns", """
        {"name": "就位%s", "scopeCodes": ["%s"], "startsAt": "%sT00:00:00+08:00", "endsAt": "%sT00:00:00+08:00",
         "drill": %s}""".formatted(System.nanoTime() % 1_000_000, DemoPlaces.STREET, day, day.plusDays(1), drill));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  /** The active catalogue item of the category with the lowest code: the rule the request follows. */
  private String firstItem(String category) {
    return api.as("commander").get("/api/v1/supplies/items").json().valueStream()
        .filter(i -> i.get("category").asString().equals(category) && i.get("active").asBoolean())
        .map(i -> i.get("code").asString()).min(Comparator.naturalOrder()).orElseThrow();
  }

  @Test
  void thePlanBecomesOneUrgentSupplyRequestAndASecondWaitsUntilItEnds() {
    String id = campaign(false);
    String path = "/api/v1/campaigns/" + id + "/plan/supply-request";
    JsonNode plan = api.as("district").get("/api/v1/campaigns/" + id + "/plan").json();
    assertThat(api.as("community").post(path, Map.of()).status()).isEqualTo(403);

    Api.Answer raised = api.as("district").post(path, Map.of());
    assertThat(raised.status()).as(raised.body()).isEqualTo(201);
    String requestId = raised.json().get("requestId").asString();
    assertThat(raised.json().get("state").asString()).isEqualTo("SUBMITTED");
    JsonNode request = api.as("district").get("/api/v1/supplies/requests/" + requestId).json();
    assertThat(request.get("priority").asString()).isEqualTo("URGENT");
    assertThat(request.get("jurisdictionCode").asString()).isEqualTo(DemoPlaces.STREET);
    Map<String, Long> lines = new java.util.HashMap<>();
    request.get("lines").valueStream().forEach(l -> lines.put(l.get("itemCode").asString(), l.get("requested")
        .asLong()));
    assertThat(lines).containsExactlyInAnyOrderEntriesOf(Map.of(firstItem("SAMPLING_TUBE"), plan.get("tubes").asLong(),
        firstItem("SWAB"), plan.get("swabs").asLong()));
    assertThat(plan.get("tubes").asLong()).isPositive();

    Api.Answer again = api.as("commander").post(path, Map.of());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("existingId").asString()).isEqualTo(requestId);
    assertThat(api.as("district").get("/api/v1/campaigns/" + id + "/plan/supply-requests").json().valueStream()
        .map(r -> r.get("requestId").asString() + " " + r.get("state").asString()).toList())
        .containsExactly(requestId + " SUBMITTED");
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'CAMPAIGN_SUPPLY_REQUEST'"
        + " and subject_id = ?").param(id).query(Long.class).single()).isEqualTo(1);

    // the board's card: the request with its state, the button for those who may ask
    String card = api.as("district").get("/supplies/campaigns/" + id + "/requests", "text/html").body();
    assertThat(card).contains(raised.json().get("number").asString()).contains("待审批")
        .contains("data-testid=\"plan-request-supplies\"");
    assertThat(api.as("community").get("/supplies/campaigns/" + id + "/requests", "text/html").body())
        .doesNotContain("plan-request-supplies");
    assertThat(api.as("district").get("/labtest/campaigns/" + id, "text/html").body())
        .contains("/supplies/campaigns/" + id + "/requests");

    // once the unit cancels it, the plan may ask again
    assertThat(api.as("district").post("/api/v1/supplies/requests/" + requestId + "/cancel",
        Map.of("reason", "改由区里自行调配")).status()).isEqualTo(200);
    Api.Answer second = api.as("district").post(path, Map.of());
    assertThat(second.status()).as(second.body()).isEqualTo(201);
    assertThat(second.json().get("requestId").asString()).isNotEqualTo(requestId);
    assertThat(api.as("district").post("/api/v1/campaigns/" + java.util.UUID.randomUUID()
        + "/plan/supply-request", Map.of()).status()).isEqualTo(404);
  }

  @Test
  void aDrillTimesItsSitesReportingOpenAgainstSixHours() {
    String id = campaign(true);
    String base = "/api/v1/campaigns/" + id;
    JsonNode before = api.as("district").get(base + "/readiness").json();
    assertThat(before.get("drill").asBoolean()).isTrue();
    assertThat(before.get("plannedSites").asInt()).as("the demo's sites in the street").isGreaterThanOrEqualTo(3);
    assertThat(before.get("openSites").asInt()).isZero();
    assertThat(before.get("complete").asBoolean()).isFalse();
    assertThat(before.get("targetMinutes").asLong()).isEqualTo(360);
    assertThat(before.get("targetMet").isNull()).as("the clock runs inside the target").isTrue();

    // a site of the district outside the campaign's street, an unknown one, one outside the caller's district
    String outside = "RD" + System.nanoTime() % 1_000_000;
    assertThat(api.as("commander").post("/api/v1/labtest/sampling-sites", Map.of("code", outside, "name",
        "街外采样点" + outside, "jurisdictionCode", "990101002")).status()).isEqualTo(201);
    Api.Answer notPlanned = api.as("district").post(base + "/sites/" + outside + "/open", Map.of());
    assertThat(notPlanned.status()).isEqualTo(400);
    assertThat(notPlanned.json().get("errors").findValuesAsString("field")).containsExactly("siteCode");
    assertThat(api.as("district").post(base + "/sites/NO-SUCH-SITE/open", Map.of()).status()).isEqualTo(404);

    JsonNode last = null;
    for (JsonNode site : before.get("sites")) {
      Api.Answer opened = api.as("district").post(base + "/sites/" + site.get("code").asString() + "/open", Map.of());
      assertThat(opened.status()).as(opened.body()).isEqualTo(200);
      last = opened.json();
    }
    assertThat(last.get("openSites").asInt()).isEqualTo(before.get("plannedSites").asInt());
    assertThat(last.get("complete").asBoolean()).isTrue();
    assertThat(last.get("targetMet").asBoolean()).isTrue();
    assertThat(last.get("elapsedMinutes").asLong()).isLessThan(360);
    String first = before.get("sites").get(0).get("code").asString();
    Api.Answer twice = api.as("district").post(base + "/sites/" + first + "/open", Map.of());
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("detail").asString()).contains("已于");
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'CAMPAIGN_SITE_OPEN'"
        + " and subject_id = ?").param(id).query(Long.class).single()).isEqualTo(before.get("plannedSites").asLong());
    // a drill counts no tubes
    assertThat(api.as("district").get(base + "/coverage").json().valueStream()
        .mapToLong(r -> r.get("tested").asLong()).sum()).isZero();
  }

  @Test
  void aDrillPastSixHoursWithASiteStillClosedMissesItsTarget() {
    String id = campaign(true);
    jdbc.sql("update labtest_campaign set created_at = created_at - interval '7 hours' where id = ?::uuid")
        .param(id).update();
    JsonNode readiness = api.as("commander").get("/api/v1/campaigns/" + id + "/readiness").json();
    assertThat(readiness.get("complete").asBoolean()).isFalse();
    assertThat(readiness.get("elapsedMinutes").asLong()).isGreaterThanOrEqualTo(420);
    assertThat(readiness.get("targetMet").asBoolean()).isFalse();
    String board = api.as("commander").get("/labtest/campaigns/" + id, "text/html").body();
    assertThat(board).contains("data-testid=\"drill-badge\"").contains("未能在目标时间内全部就位");
  }
}
