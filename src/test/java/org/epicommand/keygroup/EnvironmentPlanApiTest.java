package org.epicommand.keygroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.keygroup.KeyGroupApiTest.ZONE;
import static org.epicommand.keygroup.KeyGroupApiTest.fields;
import static org.epicommand.keygroup.KeyGroupApiTest.tag;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.sentinel.SentinelFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Environment plans through HTTP: a frequency ≤ 0 and the other bad fields are 400 naming them, a second plan of
 * the same kind and division 409 with the first, 404 outside the jurisdiction, retiring keeps the plan readable;
 * the sites falling due — a site visited in full (the plan's samples on one day) is up to date until the plan's days
 * have passed, a visit with fewer samples does not count, one visited five days ago on a three-day plan is overdue.
 */
@EpiCommandTest
class EnvironmentPlanApiTest {

  @Autowired
  Api api;

  @Test
  void plansWithTheirBadInputsDuplicatesAndRetirement() {
    Api.Answer zero = api.as("cdc").post("/api/v1/environment/plans", Map.of("siteKind", "WASTEWATER",
        "everyDays", 0, "jurisdictionCode", OrganisationFixtures.COMMUNITY));
    assertThat(zero.status()).isEqualTo(400);
    assertThat(fields(zero)).containsExactly("everyDays");
    Api.Answer bad = api.as("cdc").post("/api/v1/environment/plans", Map.of("everyDays", -3, "samplesPerVisit", 0));
    assertThat(fields(bad)).containsExactlyInAnyOrder("siteKind", "everyDays", "samplesPerVisit", "jurisdictionCode");
    Api.Answer created = api.as("cdc").post("/api/v1/environment/plans", Map.of("siteKind", "SCHOOL_CANTEEN",
        "everyDays", 7, "samplesPerVisit", 3, "jurisdictionCode", OrganisationFixtures.COMMUNITY));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asString();
    assertThat(created.json().get("samplesPerVisit").asInt()).isEqualTo(3);
    assertThat(created.json().get("jurisdictionName").asString()).isNotBlank();
    Api.Answer twice = api.as("cdc").post("/api/v1/environment/plans", Map.of("siteKind", "SCHOOL_CANTEEN",
        "everyDays", 3, "jurisdictionCode", OrganisationFixtures.COMMUNITY));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("existingId").asString()).isEqualTo(id);
    assertThat(api.as("lab").post("/api/v1/environment/plans", Map.of()).status()).isEqualTo(403);

    String outsider = SentinelFixtures.account(api, "envp", "DISTRICT_STAFF", "990102");
    Api.Caller outside = api.as(outsider, SentinelFixtures.CLERK_PASSWORD);
    assertThat(outside.get("/api/v1/environment/plans/" + id).status()).isEqualTo(404);
    assertThat(outside.get("/api/v1/environment/plans/" + id + "/sites").status()).isEqualTo(404);
    assertThat(ids(outside.get("/api/v1/environment/plans").json())).doesNotContain(id);
    assertThat(ids(api.as("district").get("/api/v1/environment/plans").json())).contains(id);

    Api.Answer retired = api.as("cdc").post("/api/v1/environment/plans/" + id + "/retire", Map.of());
    assertThat(retired.status()).as(retired.body()).isEqualTo(200);
    assertThat(retired.json().get("retired").asBoolean()).isTrue();
    Api.Answer again = api.as("cdc").post("/api/v1/environment/plans/" + id + "/retire", Map.of());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("currentState").asString()).isEqualTo("RETIRED");
    assertThat(ids(api.as("cdc").get("/api/v1/environment/plans").json())).doesNotContain(id);
    assertThat(ids(api.as("cdc").get("/api/v1/environment/plans?retired=true").json())).contains(id);
    assertThat(api.as("cdc").post("/api/v1/environment/plans", Map.of("siteKind", "SCHOOL_CANTEEN",
        "everyDays", 3, "jurisdictionCode", OrganisationFixtures.COMMUNITY)).status()).isEqualTo(201);
  }

  @Test
  void sitesFallDueByTheirLastFullVisit() {
    String plan = api.as("cdc").post("/api/v1/environment/plans", Map.of("siteKind", "WASTEWATER",
        "everyDays", 3, "samplesPerVisit", 2, "jurisdictionCode", "990101")).json().get("id").asString();
    String full = site("污水站甲" + tag(), "WASTEWATER");
    String half = site("污水站乙" + tag(), "WASTEWATER");
    String late = site("污水站丙" + tag(), "WASTEWATER");
    String market = site("市场" + tag(), "MARKET");
    LocalDate today = LocalDate.now(ZONE);
    sample(full, today);
    sample(full, today);
    sample(half, today);
    sample(market, today.minusDays(9));
    sample(late, today.minusDays(5));
    sample(late, today.minusDays(5));
    Set<String> mine = Set.of(full, half, late, market);

    List<JsonNode> due = mine(api.as("district").get("/api/v1/environment/plans/" + plan + "/sites").json(), mine);
    assertThat(due).extracting(s -> s.get("siteId").asString()).containsExactly(half, late);
    assertThat(due.get(0).get("state").asString()).isEqualTo("NEVER_SAMPLED");
    assertThat(due.get(1).get("state").asString()).isEqualTo("OVERDUE");
    assertThat(due.get(1).get("lastVisit").asString()).isEqualTo(today.minusDays(5).toString());
    assertThat(due.get(1).get("nextDue").asString()).isEqualTo(today.minusDays(2).toString());
    List<JsonNode> all = mine(api.as("district").get("/api/v1/environment/plans/" + plan + "/sites?all=true")
        .json(), mine);
    assertThat(all).extracting(s -> s.get("siteId").asString()).containsExactly(half, late, full);
    assertThat(all.get(2).get("state").asString()).isEqualTo("UP_TO_DATE");
    assertThat(all.get(2).get("lastVisitSamples").asInt()).isEqualTo(2);
    assertThat(all.get(2).get("nextDue").asString()).isEqualTo(today.plusDays(3).toString());
    assertThat(api.as("district").get("/environment").body()).contains("污水站乙");
  }

  private String site(String name, String kind) {
    Api.Answer site = api.as("cdc").post("/api/v1/environment/sites", Map.of("name", name, "kind", kind,
        "jurisdictionCode", OrganisationFixtures.COMMUNITY));
    assertThat(site.status()).as(site.body()).isEqualTo(201);
    return site.json().get("id").asString();
  }

  private void sample(String siteId, LocalDate day) {
    java.time.Instant collected = day.equals(LocalDate.now(ZONE)) ? java.time.Instant.now().minusSeconds(60)
        : day.atTime(9, 0).atZone(ZONE).toInstant();
    Api.Answer sample = api.as("lab").post("/api/v1/environment/samples", Map.of("barcode", "E" + tag(),
        "siteId", siteId, "matrix", "SEWAGE", "collectedAt", collected.toString()));
    assertThat(sample.status()).as(sample.body()).isEqualTo(201);
  }

  private static List<JsonNode> mine(JsonNode sites, Set<String> mine) {
    return sites.valueStream().filter(s -> mine.contains(s.get("siteId").asString())).toList();
  }

  private static List<String> ids(JsonNode plans) {
    return plans.valueStream().map(p -> p.get("id").asString()).toList();
  }
}
