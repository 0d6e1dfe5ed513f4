package org.epicommand.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Screening through HTTP: a round's lifecycle with its illegal moves, visits (one per household even
 * when two workers knock, a NOBODY_HOME door tried again, bad input refused with nothing stored, a
 * household outside the worker's jurisdiction 404), coverage and the not-visited list, a FEVER
 * finding that asks for a clinic referral and is reported overdue to the street once.
 */
@EpiCommandTest
class ScreeningApiTest {

  @Autowired
  Api api;
  @Autowired
  ScreeningEscalations escalations;
  @Autowired
  Clock clock;

  private static Map<String, Object> visit(String roundId, String outcome, List<String> seen) {
    Map<String, Object> body = new HashMap<>();
    body.put("roundId", roundId);
    body.put("method", "DOOR");
    body.put("outcome", outcome);
    body.put("seen", seen);
    return body;
  }

  private long coverageOfCommunity(String roundId, int index) {
    JsonNode rows = api.as("district").get("/api/v1/screening/rounds/" + roundId + "/coverage").json();
    assertThat(rows.size()).isEqualTo(1);
    assertThat(rows.get(0).get("jurisdictionCode").asString()).isEqualTo(ScreeningFixtures.COMMUNITY);
    return rows.get(0).get(index == 0 ? "households" : "documented").asLong();
  }

  @Test
  void aRoundRunsFromPlannedToClosedAndRefusesIllegalMoves() {
    Map<String, Object> bad = new HashMap<>();
    bad.put("name", " ");
    bad.put("scopeCodes", List.of("999999"));
    bad.put("startsAt", "2026-12-06T08:00:00+08:00");
    bad.put("endsAt", "2026-12-05T08:00:00+08:00");
    Api.Answer refused = api.as("district").post("/api/v1/screening/rounds", bad);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()))
        .containsExactlyInAnyOrder("name", "scopeCodes", "endsAt");
    assertThat(api.as("community").post("/api/v1/screening/rounds", bad).status()).isEqualTo(403);

    String address = "排查路" + System.nanoTime() % 100_000 + "号";
    ScreeningFixtures.resident(api, "排查甲", address);
    String roundId = ScreeningFixtures.runningRound(api, "第二轮大排查-" + System.nanoTime());
    Api.Answer again = api.as("district").post("/api/v1/screening/rounds/" + roundId + "/start", "");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("detail").asString()).contains("RUNNING");
    JsonNode round = api.as("community").get("/api/v1/screening/rounds/" + roundId).json();
    assertThat(round.get("state").asString()).isEqualTo("RUNNING");
    long households = round.get("households").asLong();
    assertThat(households).isEqualTo(coverageOfCommunity(roundId, 0)).isPositive();
    // the district that launched it lists it
    assertThat(api.as("district").get("/api/v1/screening/rounds").json().valueStream()
        .anyMatch(r -> r.get("id").asString().equals(roundId))).isTrue();

    JsonNode household = ScreeningFixtures.household(api, roundId, address);
    assertThat(household.get("outcome").isNull()).isTrue();
    Api.Answer closed = api.as("district").post("/api/v1/screening/rounds/" + roundId + "/close", "");
    assertThat(closed.status()).isEqualTo(200);
    assertThat(closed.json().get("state").asString()).isEqualTo("CLOSED");
    assertThat(closed.json().get("closedComplete").asBoolean()).isFalse();
    Api.Answer late = api.as("community").post("/api/v1/screening/households/"
        + household.get("householdId").asString() + "/visits", visit(roundId, "ALL_SEEN", List.of()));
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().get("detail").asString()).contains("CLOSED");
    assertThat(api.as("district").post("/api/v1/screening/rounds/" + roundId + "/close", "").json()
        .get("detail").asString()).contains("CLOSED");
  }

  @Test
  void oneVisitPerHouseholdCoverageAndTheNotVisitedList() {
    String address = "走访路" + System.nanoTime() % 100_000 + "号";
    String mother = ScreeningFixtures.resident(api, "走访母", address);
    String son = ScreeningFixtures.resident(api, "走访子", address);
    String roundId = ScreeningFixtures.runningRound(api, "滚动排查-" + System.nanoTime());
    long households = coverageOfCommunity(roundId, 0);
    String householdId = ScreeningFixtures.household(api, roundId, address).get("householdId").asString();
    String path = "/api/v1/screening/households/" + householdId + "/visits";
    assertThat(api.as("community").get("/api/v1/screening/rounds/" + roundId + "/unvisited").json().valueStream()
        .map(h -> h.get("householdId").asString())).contains(householdId).hasSize((int) households);

    // bad input: a temperature out of range, a person of another household — nothing stored
    Map<String, Object> bad = visit(roundId, "ALL_SEEN", List.of(mother, "00000000-0000-0000-0000-000000000001"));
    bad.put("checks", List.of(Map.of("personId", mother, "temperature", 44.5)));
    Api.Answer refused = api.as("community").post(path, bad);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()))
        .contains("temperature");
    assertThat(coverageOfCommunity(roundId, 1)).isZero();

    // nobody home: not documented, due again; the second attempt is the same visit
    Api.Answer first = api.as("community").post(path, visit(roundId, "NOBODY_HOME", List.of()));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().get("revisitDueAt").isNull()).isFalse();
    assertThat(coverageOfCommunity(roundId, 1)).isZero();
    Api.Answer second = api.as("district").post(path, visit(roundId, "ALL_SEEN", List.of(mother, son)));
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
    assertThat(second.json().get("attempts").asInt()).isEqualTo(2);
    assertThat(second.json().get("personsSeen").asInt()).isEqualTo(2);
    // a second worker at a documented door finds the visit
    Api.Answer twice = api.as("community").post(path, visit(roundId, "PARTIAL", List.of(son)));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("existingId").asString()).isEqualTo(first.json().get("id").asString());

    JsonNode coverage = api.as("district").get("/api/v1/screening/rounds/" + roundId + "/coverage").json().get(0);
    assertThat(coverage.get("documented").asLong()).isEqualTo(1);
    assertThat(coverage.get("allSeen").asLong()).isEqualTo(1);
    assertThat(coverage.get("nobodyHome").asLong()).isZero();
    assertThat(coverage.get("personsSeen").asLong()).isEqualTo(2);
    assertThat(coverage.get("coverage").asDouble()).isEqualTo(Math.round(1000.0 / households) / 10.0);
    assertThat(api.as("community").get("/api/v1/screening/rounds/" + roundId + "/unvisited").json().valueStream()
        .map(h -> h.get("householdId").asString())).doesNotContain(householdId).hasSize((int) households - 1);
    // a correction: only the mother was seen after all; the rollup follows
    Api.Answer corrected = api.as("community").put("/api/v1/screening/visits/" + first.json().get("id").asString(),
        Map.of("outcome", "PARTIAL", "seen", List.of(mother)));
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    assertThat(corrected.json().get("personsSeen").asInt()).isEqualTo(1);
    JsonNode afterCorrection = api.as("district").get("/api/v1/screening/rounds/" + roundId + "/coverage").json()
        .get(0);
    assertThat(afterCorrection.get("documented").asLong()).isEqualTo(1);
    assertThat(afterCorrection.get("allSeen").asLong()).isZero();
    assertThat(afterCorrection.get("personsSeen").asLong()).isEqualTo(1);
    Api.Answer csv = api.as("community").get("/api/v1/screening/rounds/" + roundId + "/unvisited", "text/csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body()).contains("householdId,address").doesNotContain(householdId);

    // another district's staff cannot see the round, its households or the visit
    Api.Answer outside = api.as("cdc").get("/api/v1/screening/visits/" + first.json().get("id").asString());
    assertThat(outside.status()).isEqualTo(200);
    String otherDistrictUser = "screening-d2-" + System.nanoTime() % 100_000;
    api.as("admin").post("/api/v1/users", Map.of("username", otherDistrictUser, "password", "Screen2022xyz",
        "roles", List.of("COMMUNITY_WORKER"), "jurisdictionCode", DemoPlaces.OTHER_DISTRICT_COMMUNITY));
    Api.Caller stranger = api.as(otherDistrictUser, "Screen2022xyz");
    assertThat(stranger.get("/api/v1/screening/rounds/" + roundId).status()).isEqualTo(404);
    assertThat(stranger.post(path, visit(roundId, "ALL_SEEN", List.of())).status()).isEqualTo(404);
    assertThat(stranger.get("/api/v1/screening/visits/" + first.json().get("id").asString()).status()).isEqualTo(404);
  }

  @Test
  void aFeverFindingAsksForAClinicReferralAndIsReportedOverdueToTheStreetOnce() {
    String street = "screening-street-" + System.nanoTime() % 100_000;
    assertThat(api.as("admin").post("/api/v1/users", Map.of("username", street, "password", "Street2022xyz",
        "roles", List.of("STREET_STAFF"), "jurisdictionCode", ScreeningFixtures.STREET)).status()).isEqualTo(201);
    String address = "发热路" + System.nanoTime() % 100_000 + "号";
    String patient = ScreeningFixtures.resident(api, "发热者", address);
    String roundId = ScreeningFixtures.runningRound(api, "发热排查-" + System.nanoTime());
    String householdId = ScreeningFixtures.household(api, roundId, address).get("householdId").asString();
    Map<String, Object> body = visit(roundId, "ALL_SEEN", List.of(patient));
    body.put("checks", List.of(Map.of("personId", patient, "temperature", 38.2, "symptoms", List.of("COUGH"))));
    body.put("newResidents", List.of(Map.of("name", "新租户", "idNumber", ScreeningFixtures.residentId(),
        "phone", "13900001111", "fromRegion", "外省某市", "arrivedOn", OffsetDateTime.now(ZoneOffset.ofHours(8))
            .toLocalDate().minusDays(2).toString())));
    Api.Answer visit = api.as("community").post("/api/v1/screening/households/" + householdId + "/visits", body);
    assertThat(visit.status()).as(visit.body()).isEqualTo(201);
    assertThat(visit.json().get("personsSeen").asInt()).isEqualTo(2);
    String newcomer = visit.json().get("registeredPersonIds").get(0).asString();
    assertThat(api.as("community").get("/api/v1/persons/" + newcomer).json().get("address").asString())
        .isEqualTo(address);
    Map<String, JsonNode> byCategory = new HashMap<>();
    visit.json().get("findings").forEach(f -> byCategory.put(f.get("category").asString(), f));
    assertThat(byCategory).containsOnlyKeys("FEVER", "UNREGISTERED_ARRIVAL");
    JsonNode fever = byCategory.get("FEVER");
    assertThat(fever.get("requiredAction").asString()).isEqualTo("FEVER_CLINIC_REFERRAL");
    assertThat(fever.get("state").asString()).isEqualTo("OPEN");
    assertThat(fever.get("overdue").asBoolean()).isFalse();
    assertThat(fever.get("symptoms").get(0).asString()).isEqualTo("COUGH");
    assertThat(Duration.between(OffsetDateTime.parse(fever.get("raisedAt").asString()),
        OffsetDateTime.parse(fever.get("actionDueAt").asString()))).isEqualTo(Duration.ofHours(24));
    assertThat(byCategory.get("UNREGISTERED_ARRIVAL").get("requiredAction").asString()).isEqualTo("ARRIVAL_REGISTERED");
    String feverId = fever.get("id").asString();

    // 25 hours later without action: overdue, in the street's inbox once
    escalations.escalate(clock.instant().plus(Duration.ofHours(25)));
    escalations.escalate(clock.instant().plus(Duration.ofHours(26)));
    List<JsonNode> notices = api.as(street, "Street2022xyz").get("/api/v1/notifications?size=200").json().get("items")
        .valueStream().filter(n -> n.get("kind").asString().equals(ScreeningEscalations.NOTICE_KIND))
        .filter(n -> n.get("body").asString().contains("发热者")).toList();
    assertThat(notices).hasSize(1);
    assertThat(notices.get(0).get("link").asString())
        .isEqualTo("/screening/findings?overdue=true&jurisdiction=" + ScreeningFixtures.STREET);
    assertThat(api.as("community").get("/api/v1/screening/findings?state=OPEN&jurisdiction="
        + ScreeningFixtures.COMMUNITY
        + "&size=500").json().get("items").valueStream().anyMatch(f -> f.get("id").asString().equals(feverId)))
        .isTrue();

    // the action: a referral with the clinic's reference; then closed; illegal moves name the state
    Api.Answer early = api.as("community").post("/api/v1/screening/findings/" + feverId + "/close", "");
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().get("detail").asString()).contains("OPEN");
    Api.Answer unjustified = api.as("community").post("/api/v1/screening/findings/" + feverId + "/action",
        Map.of("action", "NO_ACTION_JUSTIFIED"));
    assertThat(unjustified.status()).isEqualTo(400);
    assertThat(unjustified.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
    Api.Answer acted = api.as("community").post("/api/v1/screening/findings/" + feverId + "/action",
        Map.of("action", "FEVER_CLINIC_REFERRAL", "reference", "FK-20261206-0007", "placed", "区人民医院发热门诊",
            "status", "已由 120 转运"));
    assertThat(acted.status()).isEqualTo(200);
    assertThat(acted.json().get("state").asString()).isEqualTo("ACTIONED");
    assertThat(acted.json().get("actionRef").asString()).isEqualTo("FK-20261206-0007");
    Api.Answer twice = api.as("community").post("/api/v1/screening/findings/" + feverId + "/action",
        Map.of("action", "TEST_ARRANGED"));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("detail").asString()).contains("ACTIONED");
    assertThat(api.as("community").post("/api/v1/screening/findings/" + feverId + "/close", "").json()
        .get("state").asString()).isEqualTo("CLOSED");
  }
}
