package org.epicommand.lockdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.movement.RiskAreaChanged;
import org.epicommand.quarantine.RiskLevel;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Sealed areas through HTTP: the area's lifecycle with its illegal moves and bad input (nothing
 * stored), scope (404 outside the caller's jurisdiction), posts staffed by shifts against the
 * standard with the gaps of the next 24 h, a shift ending before it starts (400) and overlapping
 * shifts of one person (409), and the risk area brought down to LOW lifting the area.
 */
@EpiCommandTest
class SealedAreaApiTest {

  @Autowired
  Api api;
  @Autowired
  ApplicationEventPublisher events;
  @Autowired
  TransactionTemplate transactions;
  @Autowired
  Clock clock;

  @Test
  void anAreaIsDeclaredActivatedAndLiftedAndRefusesIllegalMoves() {
    String name = "坏输入小区" + System.nanoTime() % 100_000;
    Map<String, Object> bad = new HashMap<>();
    bad.put("name", name);
    bad.put("jurisdictionCode", "999999");
    bad.put("buildings", List.of(0));
    bad.put("startsAt", "2026-12-06T08:00:00+08:00");
    bad.put("endsAt", "2026-12-05T08:00:00+08:00");
    Api.Answer refused = api.as("commander").post("/api/v1/lockdown/areas", bad);
    assertThat(LockdownFixtures.fields(refused)).containsExactlyInAnyOrder("kind", "jurisdictionCode", "buildings",
        "endsAt");
    assertThat(api.as("commander").get("/api/v1/lockdown/areas").json().valueStream()
        .noneMatch(a -> a.get("name").asString().equals(name))).isTrue();
    assertThat(api.as("district").post("/api/v1/lockdown/areas", bad).status()).isEqualTo(403);

    JsonNode area = LockdownFixtures.area(api, "幸福小区", LockdownFixtures.COMMUNITY, false);
    String path = "/api/v1/lockdown/areas/" + area.get("id").asString();
    assertThat(area.get("state").asString()).isEqualTo("DECLARED");
    assertThat(area.get("jurisdictionName").asString()).isNotBlank().isNotEqualTo(LockdownFixtures.COMMUNITY);
    Api.Answer early = api.as("commander").post(path + "/lift", Map.of());
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().get("detail").asString()).contains("DECLARED");
    assertThat(api.as("community").post(path + "/activate", "").status()).isEqualTo(403);
    assertThat(api.as("commander").post(path + "/activate", "").json().get("state").asString()).isEqualTo("ACTIVE");
    Api.Answer again = api.as("commander").post(path + "/activate", "");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("detail").asString()).contains("ACTIVE");
    Api.Answer cancel = api.as("commander").post(path + "/cancel", Map.of());
    assertThat(cancel.status()).isEqualTo(409);
    assertThat(cancel.json().get("detail").asString()).contains("ACTIVE");
    assertThat(api.as("community").get(path).json().get("state").asString()).isEqualTo("ACTIVE");

    Api.Answer lifted = api.as("commander").post(path + "/lift", Map.of("reason", "连续14天无新增"));
    assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
    assertThat(lifted.json().get("state").asString()).isEqualTo("LIFTED");
    assertThat(lifted.json().get("closeReason").asString()).isEqualTo("连续14天无新增");
    Api.Answer twice = api.as("commander").post(path + "/lift", Map.of());
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("detail").asString()).contains("LIFTED");
    Api.Answer post = api.as("community").post(path + "/posts", Map.of("kind", "GATE", "name", "东门"));
    assertThat(post.status()).isEqualTo(409);
    assertThat(post.json().get("detail").asString()).contains("LIFTED");

    JsonNode declared = LockdownFixtures.area(api, "待定小区", LockdownFixtures.COMMUNITY, false);
    assertThat(api.as("commander").post("/api/v1/lockdown/areas/" + declared.get("id").asString() + "/cancel",
        Map.of()).json().get("state").asString()).isEqualTo("CANCELLED");
  }

  @Test
  void anAreaOutsideTheCallersJurisdictionDoesNotExistForThem() {
    JsonNode far = LockdownFixtures.area(api, "远处小区", LockdownFixtures.OTHER_DISTRICT_COMMUNITY, true);
    String id = far.get("id").asString();
    assertThat(api.as("community").get("/api/v1/lockdown/areas/" + id).status()).isEqualTo(404);
    assertThat(api.as("district").get("/api/v1/lockdown/areas/" + id + "/gaps").status()).isEqualTo(404);
    assertThat(api.as("community").post("/api/v1/lockdown/areas/" + id + "/posts", Map.of("kind", "GATE",
        "name", "北门")).status()).isEqualTo(404);
    assertThat(api.as("community").get("/api/v1/lockdown/areas").json().valueStream()
        .noneMatch(a -> a.get("id").asString().equals(id))).isTrue();
    assertThat(api.as("commander").get("/api/v1/lockdown/areas").json().valueStream()
        .anyMatch(a -> a.get("id").asString().equals(id))).isTrue();
    assertThat(api.as("kiosk").get("/api/v1/lockdown/areas").status()).isEqualTo(403);
  }

  @Test
  void postsAreStaffedByShiftsAgainstTheStandardAndTheGapsAreListed() {
    JsonNode area = LockdownFixtures.area(api, "值守小区", LockdownFixtures.COMMUNITY, true);
    String path = "/api/v1/lockdown/areas/" + area.get("id").asString();
    assertThat(LockdownFixtures.fields(api.as("community").post(path + "/posts", Map.of("name", " "))))
        .containsExactlyInAnyOrder("kind", "name");
    Api.Answer gate = api.as("community").post(path + "/posts", Map.of("kind", "GATE", "name", "东门卡口"));
    assertThat(gate.status()).as(gate.body()).isEqualTo(201);
    assertThat(gate.json().get("personsPerShift").asInt()).isEqualTo(2);
    String gateId = gate.json().get("id").asString();
    List<JsonNode> gaps = api.as("community").get(path + "/gaps").json().valueStream().toList();
    assertThat(gaps).hasSize(3).allSatisfy(g -> {
      assertThat(g.get("required").asInt()).isEqualTo(2);
      assertThat(g.get("assigned").asInt()).isZero();
      assertThat(g.get("postName").asString()).isEqualTo("东门卡口");
    });
    OffsetDateTime from = OffsetDateTime.parse(gaps.get(0).get("from").asString());
    OffsetDateTime to = OffsetDateTime.parse(gaps.get(0).get("to").asString());
    assertThat(Duration.between(from, to)).isEqualTo(Duration.ofHours(8));

    // the pool: a bad phone and a phone twice
    Map<String, Object> badWorker = new HashMap<>(Map.of("name", "张三", "phone", "12345", "availableFrom",
        "2026-12-01"));
    assertThat(LockdownFixtures.fields(api.as("community").post("/api/v1/lockdown/workers", badWorker)))
        .containsExactlyInAnyOrder("phone", "source");
    String phone = LockdownFixtures.phone();
    Map<String, Object> worker = Map.of("name", "下沉干部甲", "phone", phone, "source", "CADRE_SINKING",
        "homeUnit", "市住建局", "availableFrom", OffsetDateTime.now(ZoneOffset.ofHours(8)).toLocalDate().toString());
    Api.Answer first = api.as("community").post("/api/v1/lockdown/workers", worker);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    String cadre = first.json().get("id").asString();
    Api.Answer dup = api.as("community").post("/api/v1/lockdown/workers", worker);
    assertThat(dup.status()).isEqualTo(409);
    assertThat(dup.json().get("existingId").asString()).isEqualTo(cadre);
    String volunteer = LockdownFixtures.worker(api, "志愿者乙");

    // a shift ending before it starts: 400, nothing stored; overlapping shifts of one person: 409
    String shifts = "/api/v1/lockdown/posts/" + gateId + "/shifts";
    assertThat(LockdownFixtures.fields(api.as("community").post(shifts, Map.of("workerId", cadre,
        "startsAt", to.toString(), "endsAt", from.toString())))).containsExactly("endsAt");
    assertThat(api.as("community").get(path + "/shifts").json().size()).isZero();
    Api.Answer shift = api.as("community").post(shifts, Map.of("workerId", cadre, "startsAt", from.toString(),
        "endsAt", to.toString()));
    assertThat(shift.status()).as(shift.body()).isEqualTo(201);
    assertThat(shift.json().get("workerName").asString()).isEqualTo("下沉干部甲");
    Api.Answer overlap = api.as("community").post(shifts, Map.of("workerId", cadre,
        "startsAt", from.plusHours(4).toString(), "endsAt", to.plusHours(4).toString()));
    assertThat(overlap.status()).isEqualTo(409);
    assertThat(overlap.json().get("existingId").asString()).isEqualTo(shift.json().get("id").asString());
    gaps = api.as("community").get(path + "/gaps").json().valueStream().toList();
    assertThat(gaps).hasSize(3);
    assertThat(gaps.get(0).get("assigned").asInt()).isEqualTo(1);
    assertThat(api.as("community").post(shifts, Map.of("workerId", volunteer, "startsAt", from.toString(),
        "endsAt", to.toString())).status()).isEqualTo(201);
    assertThat(api.as("community").get(path + "/gaps").json().valueStream()
        .map(g -> g.get("from").asString())).hasSize(2).doesNotContain(gaps.get(0).get("from").asString());
    assertThat(api.as("community").get(path).json().get("gaps").asLong()).isEqualTo(4);

    // check-in once; a retired person takes no shift
    String shiftId = shift.json().get("id").asString();
    assertThat(api.as("community").post("/api/v1/lockdown/shifts/" + shiftId + "/check-in", "").json()
        .get("checkedInAt").isNull()).isFalse();
    assertThat(api.as("community").post("/api/v1/lockdown/shifts/" + shiftId + "/check-in", "").status())
        .isEqualTo(409);
    assertThat(api.as("community").post("/api/v1/lockdown/workers/" + volunteer + "/retire", "").json()
        .get("state").asString()).isEqualTo("RETIRED");
    Api.Answer retired = api.as("community").post(shifts, Map.of("workerId", volunteer,
        "startsAt", to.toString(), "endsAt", to.plusHours(8).toString()));
    assertThat(retired.status()).isEqualTo(409);
    assertThat(retired.json().get("detail").asString()).contains("RETIRED");

    // lifting ends the posts
    api.as("commander").post(path + "/lift", Map.of());
    assertThat(api.as("community").get(path + "/posts").json().get(0).get("state").asString()).isEqualTo("ENDED");
    assertThat(api.as("community").get(path + "/gaps").json().size()).isZero();
  }

  @Test
  void bringingTheRiskAreaDownToLowLiftsTheAreaStandingOnIt() {
    Api.Answer risk = api.as("commander").post("/api/v1/risk-areas", Map.of("name", "高风险区" + System.nanoTime(),
        "level", "HIGH", "jurisdictionCode", LockdownFixtures.COMMUNITY));
    assertThat(risk.status()).as(risk.body()).isEqualTo(201);
    String riskId = risk.json().get("id").asString();
    Map<String, Object> body = new HashMap<>();
    body.put("name", "随风险区小区" + System.nanoTime() % 100_000);
    body.put("kind", "CONTROLLED");
    body.put("jurisdictionCode", LockdownFixtures.COMMUNITY);
    body.put("riskAreaId", riskId);
    body.put("startsAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).toString());
    Api.Answer declared = api.as("commander").post("/api/v1/lockdown/areas", body);
    assertThat(declared.status()).as(declared.body()).isEqualTo(201);
    String path = "/api/v1/lockdown/areas/" + declared.json().get("id").asString();
    api.as("commander").post(path + "/activate", "");
    String household = LockdownFixtures.household(api, "随区居民", "随区路" + System.nanoTime() % 10_000 + "号",
        LockdownFixtures.COMMUNITY);
    Api.Answer request = api.as("community").post(path + "/requests", Map.of("householdId", household,
        "need", "GROCERIES"));
    assertThat(request.status()).as(request.body()).isEqualTo(201);

    transactions.executeWithoutResult(tx -> events.publishEvent(new RiskAreaChanged(riskId, RiskLevel.LOW,
        LockdownFixtures.COMMUNITY, clock.instant())));
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
        assertThat(api.as("community").get(path).json().get("state").asString()).isEqualTo("LIFTED"));
    JsonNode closed = api.as("community").get("/api/v1/lockdown/requests/" + request.json().get("id").asString())
        .json();
    assertThat(closed.get("state").asString()).isEqualTo("CANCELLED");
    assertThat(closed.get("closeNote").asString()).isEqualTo("解封");
    assertThat(api.as("community").get(path).json().get("closeReason").asString()).isEqualTo("解封");
  }
}
