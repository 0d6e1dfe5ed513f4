package org.epicommand.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Screening of organisations, construction sites and rentals (入单位) through HTTP: the directory's
 * organisations become a round's sites when it starts, two workers at one site keep one visit, bad
 * input is refused with nothing stored, a rental found in the field joins the list once, coverage and
 * leaflets count them, an arrival finding is registered through the movement module once, and a
 * division outside the worker's jurisdiction answers 404.
 */
@EpiCommandTest
class ScreeningSiteApiTest {

  @Autowired
  Api api;

  private static Map<String, Object> siteVisit(String outcome, int staff) {
    Map<String, Object> body = new HashMap<>();
    body.put("method", "DOOR");
    body.put("outcome", outcome);
    body.put("staffPresent", staff);
    body.put("ledgerScreened", true);
    return body;
  }

  private JsonNode community(String roundId) {
    return api.as("district").get("/api/v1/screening/rounds/" + roundId + "/coverage").json().valueStream()
        .filter(c -> c.get("jurisdictionCode").asString().equals(ScreeningFixtures.COMMUNITY)).findFirst()
        .orElseThrow();
  }

  private JsonNode site(String roundId, String organisationId) {
    return api.as("community").get("/api/v1/screening/rounds/" + roundId + "/sites?size=500&jurisdiction="
        + ScreeningFixtures.COMMUNITY).json().get("items").valueStream()
        .filter(s -> organisationId.equals(s.get("organisationId").asString(null))).findFirst()
        .orElseThrow(() -> new AssertionError("no site of " + organisationId));
  }

  @Test
  void organisationsAreVisitedOnceAndCountInCoverage() throws Exception {
    long n = System.nanoTime() % 100_000;
    String factory = OrganisationFixtures.register(api, "排查制衣厂" + n, "ENTERPRISE", ScreeningFixtures.COMMUNITY,
        null).json().get("id").asString();
    String works = OrganisationFixtures.register(api, "排查工地" + n, "CONSTRUCTION_SITE", ScreeningFixtures.COMMUNITY,
        null).json().get("id").asString();
    String roundId = ScreeningFixtures.runningRound(api, "入单位排查-" + n,
        List.of("HOUSEHOLDS", "ORGANISATIONS", "CONSTRUCTION_SITES", "RENTALS"));
    JsonNode factorySite = site(roundId, factory);
    assertThat(factorySite.get("kind").asString()).isEqualTo("ORGANISATION");
    assertThat(factorySite.get("headcount").asInt()).isEqualTo(20);
    assertThat(factorySite.get("outcome").isNull()).isTrue();
    assertThat(site(roundId, works).get("kind").asString()).isEqualTo("CONSTRUCTION_SITE");
    String siteId = factorySite.get("id").asString();
    assertThat(api.as("community").get("/api/v1/screening/rounds/" + roundId + "/sites/unvisited").json()
        .valueStream().map(s -> s.get("id").asString())).contains(siteId);
    JsonNode before = community(roundId);
    long sites = before.get("sites").asLong();
    assertThat(sites).isGreaterThanOrEqualTo(2);
    assertThat(before.get("sitesDocumented").asLong()).isZero();

    // bad input: a temperature out of range, staff below zero, a person without a name — nothing stored
    Map<String, Object> bad = siteVisit("SCREENED", -1);
    bad.put("persons", List.of(Map.of("name", "发热员工", "temperature", 45.1), Map.of("phone", "13800000000")));
    Api.Answer refused = api.as("community").post("/api/v1/screening/sites/" + siteId + "/visits", bad);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()))
        .contains("temperature", "staffPresent", "persons");
    assertThat(community(roundId).get("sitesDocumented").asLong()).isZero();

    // two workers at the factory at once: one visit, the other finds it
    String returnee = ScreeningFixtures.residentId();
    Map<String, Object> body = siteVisit("SCREENED", 18);
    body.put("leafletDelivered", true);
    body.put("persons", List.of(Map.of("name", "发热员工" + n, "temperature", 38.6, "symptoms", List.of("COUGH")),
        Map.of("name", "返岗员工" + n, "idNumber", returnee, "phone", "13900002222",
            "fromRegion", "外省某市", "arrivedOn", LocalDate.now(ZoneOffset.ofHours(8)).minusDays(1).toString())));
    CompletableFuture<Api.Answer> one = CompletableFuture.supplyAsync(
        () -> api.as("community").post("/api/v1/screening/sites/" + siteId + "/visits", body));
    CompletableFuture<Api.Answer> two = CompletableFuture.supplyAsync(
        () -> api.as("district").post("/api/v1/screening/sites/" + siteId + "/visits", body));
    List<Api.Answer> answers = List.of(one.get(), two.get());
    Api.Answer created = answers.stream().filter(a -> a.status() == 201).findFirst().orElseThrow();
    Api.Answer conflict = answers.stream().filter(a -> a.status() != 201).findFirst().orElseThrow();
    assertThat(conflict.status()).as(conflict.body()).isEqualTo(409);
    String visitId = created.json().get("id").asString();
    assertThat(conflict.json().get("existingId").asString()).isEqualTo(visitId);
    JsonNode visit = created.json();
    assertThat(visit.get("staffPresent").asInt()).isEqualTo(18);
    assertThat(visit.get("fever").asInt()).isEqualTo(1);
    assertThat(visit.get("recentArrivals").asInt()).isEqualTo(1);
    assertThat(visit.get("questionnaireVersion").asInt()).isPositive();
    Map<String, JsonNode> byCategory = new HashMap<>();
    visit.get("findings").forEach(f -> byCategory.put(f.get("category").asString(), f));
    assertThat(byCategory).containsOnlyKeys("FEVER", "UNREGISTERED_ARRIVAL");
    assertThat(byCategory.get("FEVER").get("requiredAction").asString()).isEqualTo("FEVER_CLINIC_REFERRAL");
    assertThat(byCategory.get("FEVER").get("address").asString()).startsWith("排查制衣厂" + n);
    JsonNode after = community(roundId);
    assertThat(after.get("sitesDocumented").asLong()).isEqualTo(1);
    assertThat(after.get("leaflets").asLong()).isEqualTo(before.get("leaflets").asLong() + 1);
    assertThat(site(roundId, factory).get("outcome").asString()).isEqualTo("SCREENED");
    assertThat(api.as("community").get("/api/v1/screening/rounds/" + roundId + "/sites/unvisited").json()
        .valueStream().map(s -> s.get("id").asString())).doesNotContain(siteId);
    assertThat(api.as("community").get("/api/v1/screening/site-visits/" + visitId).json().get("siteName")
        .asString()).isEqualTo("排查制衣厂" + n);

    // the arrival finding is registered through the movement module, once
    String arrivalFinding = byCategory.get("UNREGISTERED_ARRIVAL").get("id").asString();
    Map<String, Object> arrival = Map.of("action", "ARRIVAL_REGISTERED", "placed", "居家", "arrival",
        Map.of("idNumber", returnee, "phone", "13900002222", "originRegion", "外省某市", "route", "自驾",
            "arrivalDate", LocalDate.now(ZoneOffset.ofHours(8)).minusDays(1).toString()));
    Api.Answer registered = api.as("community").post("/api/v1/screening/findings/" + arrivalFinding + "/action",
        arrival);
    assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    String arrivalId = registered.json().get("actionRef").asString();
    assertThat(api.as("community").get("/api/v1/arrivals/" + arrivalId).json().get("name").asString())
        .isEqualTo("返岗员工" + n);
    Api.Answer again = api.as("community").post("/api/v1/screening/findings/" + arrivalFinding + "/action",
        arrival);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("actionRef").asString()).isEqualTo(arrivalId);

    // a stranger from another district sees neither the sites nor the visit
    String otherDistrictUser = "site-d2-" + n;
    api.as("admin").post("/api/v1/users", Map.of("username", otherDistrictUser, "password", "Screen2022xyz",
        "roles", List.of("COMMUNITY_WORKER"), "jurisdictionCode", "990102001001"));
    Api.Caller stranger = api.as(otherDistrictUser, "Screen2022xyz");
    assertThat(stranger.post("/api/v1/screening/sites/" + siteId + "/visits", siteVisit("SCREENED", 1)).status())
        .isEqualTo(404);
    assertThat(stranger.get("/api/v1/screening/site-visits/" + visitId).status()).isEqualTo(404);
    assertThat(stranger.get("/api/v1/screening/rounds/" + roundId + "/sites").status()).isEqualTo(404);

    // closed round: no more site visits, the refusal names the state
    api.as("district").post("/api/v1/screening/rounds/" + roundId + "/close", "");
    Api.Answer late = api.as("community").post("/api/v1/screening/sites/" + site(roundId, works).get("id")
        .asString() + "/visits", siteVisit("SCREENED", 5));
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().get("detail").asString()).contains("CLOSED");
  }

  @Test
  void aRentalFoundInTheFieldJoinsTheListOnce() {
    long n = System.nanoTime() % 100_000;
    String roundId = ScreeningFixtures.runningRound(api, "出租屋排查-" + n, List.of("HOUSEHOLDS", "RENTALS"));
    String path = "/api/v1/screening/rounds/" + roundId + "/sites";
    Map<String, Object> rental = new HashMap<>();
    rental.put("kind", "RENTAL");
    rental.put("name", "张房东出租屋" + n);
    rental.put("address", "出租路" + n + "号");
    rental.put("jurisdictionCode", ScreeningFixtures.COMMUNITY);
    rental.put("headcount", 4);
    rental.put("contactPhone", "13700001111");
    Api.Answer refused = api.as("community").post(path, Map.of("kind", "RENTAL", "headcount", -2));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()))
        .containsExactlyInAnyOrder("name", "headcount", "jurisdictionCode");
    long sitesBefore = community(roundId).get("sites").asLong();
    Api.Answer added = api.as("community").post(path, rental);
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.json().get("kind").asString()).isEqualTo("RENTAL");
    assertThat(added.json().get("jurisdictionName").asString()).isNotBlank();
    Api.Answer twice = api.as("community").post(path, rental);
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("existingId").asString()).isEqualTo(added.json().get("id").asString());
    assertThat(community(roundId).get("sites").asLong()).isEqualTo(sitesBefore + 1);
    // a construction site is not a target of this round
    rental.put("kind", "CONSTRUCTION_SITE");
    Api.Answer notTargeted = api.as("community").post(path, rental);
    assertThat(notTargeted.status()).isEqualTo(409);
    assertThat(notTargeted.json().get("detail").asString()).contains("CONSTRUCTION_SITES");
    // a division outside the worker's jurisdiction
    rental.put("kind", "RENTAL");
    rental.put("jurisdictionCode", "990102001001");
    assertThat(api.as("community").post(path, rental).status()).isEqualTo(404);
    // the rental is visited like any site; nobody there keeps it on the list with a revisit time
    String siteId = added.json().get("id").asString();
    Api.Answer closed = api.as("community").post("/api/v1/screening/sites/" + siteId + "/visits",
        siteVisit("CLOSED", 0));
    assertThat(closed.status()).as(closed.body()).isEqualTo(201);
    assertThat(closed.json().get("revisitDueAt").isNull()).isFalse();
    assertThat(api.as("community").get(path + "/unvisited").json().valueStream()
        .map(s -> s.get("id").asString())).contains(siteId);
    Api.Answer seen = api.as("community").post("/api/v1/screening/sites/" + siteId + "/visits",
        siteVisit("SCREENED", 4));
    assertThat(seen.status()).isEqualTo(201);
    assertThat(seen.json().get("attempts").asInt()).isEqualTo(2);
    assertThat(seen.json().get("id").asString()).isEqualTo(closed.json().get("id").asString());
    assertThat(community(roundId).get("sitesDocumented").asLong()).isEqualTo(1);
  }
}
