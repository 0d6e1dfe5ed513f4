package org.epicommand.lockdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The households of a sealed area through HTTP: service requests with the deadline of their need,
 * their lifecycle and illegal moves, a household outside the area (400, nothing stored), overdue
 * requests in the street's inbox once, closed with 解封 when the area is lifted; outing passes issued,
 * checked at a post (valid, expired, invalid) and let out until used up; reads audited; scope.
 */
@EpiCommandTest
class HouseholdServicesApiTest {

  @Autowired
  Api api;
  @Autowired
  LockdownEscalations escalations;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  Clock clock;

  private long reads(String subject, String id) {
    return jdbc.sql("select count(*) from audit_event where action = 'READ' and subject_type = ? and subject_id = ?")
        .params(subject, id).query(Long.class).single();
  }

  @Test
  void requestsRunTheirLifecycleAndGoOverdueToTheStreetOnce() {
    String street = "lockdown-street-" + System.nanoTime() % 100_000;
    assertThat(api.as("admin").post("/api/v1/users", Map.of("username", street, "password", "Street2022xyz",
        "roles", List.of("STREET_STAFF"), "jurisdictionCode", LockdownFixtures.STREET)).status()).isEqualTo(201);
    String address = "封控路" + System.nanoTime() % 100_000 + "号";
    String household = LockdownFixtures.household(api, "封控户主", address, LockdownFixtures.COMMUNITY);
    String outside = LockdownFixtures.household(api, "邻区住户", "邻区路1号", LockdownFixtures.NEIGHBOUR);
    JsonNode declared = LockdownFixtures.area(api, "服务小区", LockdownFixtures.COMMUNITY, false);
    String areaId = declared.get("id").asString();
    String path = "/api/v1/lockdown/areas/" + areaId + "/requests";

    Api.Answer tooEarly = api.as("community").post(path, Map.of("householdId", household, "need", "MEDICINE"));
    assertThat(tooEarly.status()).isEqualTo(409);
    assertThat(tooEarly.json().get("detail").asString()).contains("DECLARED");
    api.as("commander").post("/api/v1/lockdown/areas/" + areaId + "/activate", "");

    // a household outside the area, an unknown need, a bad phone: 400 with every field, nothing stored
    Map<String, Object> bad = new HashMap<>(Map.of("householdId", outside, "phone", "12"));
    assertThat(LockdownFixtures.fields(api.as("community").post(path, bad)))
        .containsExactlyInAnyOrder("householdId", "need", "phone");
    assertThat(api.as("community").get("/api/v1/lockdown/requests?state=ALL&areaId=" + areaId).json()
        .get("items").size()).isZero();

    Api.Answer medicine = api.as("community").post(path, Map.of("householdId", household, "need", "MEDICINE",
        "detail", "降压药 硝苯地平", "phone", "13800001234"));
    assertThat(medicine.status()).as(medicine.body()).isEqualTo(201);
    JsonNode m = medicine.json();
    assertThat(m.get("address").asString()).isEqualTo(address);
    assertThat(m.get("state").asString()).isEqualTo("REQUESTED");
    assertThat(Duration.between(OffsetDateTime.parse(m.get("requestedAt").asString()),
        OffsetDateTime.parse(m.get("dueAt").asString()))).isEqualTo(Duration.ofHours(12));
    String id = m.get("id").asString();
    Api.Answer early = api.as("community").post("/api/v1/lockdown/requests/" + id + "/close",
        Map.of("state", "DELIVERED"));
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().get("detail").asString()).contains("REQUESTED");
    assertThat(LockdownFixtures.fields(api.as("community").post("/api/v1/lockdown/requests/" + id + "/close",
        Map.of("state", "ASSIGNED")))).containsExactly("state");
    assertThat(api.as("community").post("/api/v1/lockdown/requests/" + id + "/assign", Map.of()).json()
        .get("assignee").asString()).isEqualTo("community");
    Api.Answer delivered = api.as("community").post("/api/v1/lockdown/requests/" + id + "/close",
        Map.of("state", "DELIVERED", "note", "已送药上门"));
    assertThat(delivered.json().get("state").asString()).isEqualTo("DELIVERED");
    Api.Answer twice = api.as("community").post("/api/v1/lockdown/requests/" + id + "/close",
        Map.of("state", "CANCELLED"));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("detail").asString()).contains("DELIVERED");

    // reading one request is audited; outside the caller's jurisdiction it does not exist
    long before = reads(ServiceRequests.SUBJECT, id);
    assertThat(api.as("community").get("/api/v1/lockdown/requests/" + id).status()).isEqualTo(200);
    assertThat(reads(ServiceRequests.SUBJECT, id)).isEqualTo(before + 1);
    assertThat(api.as("vaccinator").get("/api/v1/lockdown/requests/" + id).status()).isEqualTo(403);

    // groceries left open: 25 hours later overdue, in the street's inbox once
    String groceries = api.as("community").post(path, Map.of("householdId", household, "need", "GROCERIES"))
        .json().get("id").asString();
    escalations.escalate(clock.instant().plus(Duration.ofHours(25)));
    escalations.escalate(clock.instant().plus(Duration.ofHours(26)));
    List<JsonNode> notices = api.as(street, "Street2022xyz").get("/api/v1/notifications?size=200").json()
        .get("items").valueStream().filter(n -> n.get("kind").asString().equals(LockdownEscalations.NOTICE_KIND))
        .filter(n -> n.get("body").asString().contains(address)).toList();
    assertThat(notices).hasSize(1);
    assertThat(notices.get(0).get("link").asString()).isEqualTo("/lockdown/requests?overdue=true");

    // lifted: the open request closes with 解封
    api.as("commander").post("/api/v1/lockdown/areas/" + areaId + "/lift", Map.of());
    JsonNode closed = api.as("community").get("/api/v1/lockdown/requests/" + groceries).json();
    assertThat(closed.get("state").asString()).isEqualTo("CANCELLED");
    assertThat(closed.get("closeNote").asString()).isEqualTo("解封");
    Api.Answer late = api.as("community").post(path, Map.of("householdId", household, "need", "PET"));
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().get("detail").asString()).contains("LIFTED");
  }

  @Test
  void passesAreCheckedAtAPostValidExpiredOrInvalid() {
    String household = LockdownFixtures.household(api, "外出户", "外出路" + System.nanoTime() % 100_000 + "号",
        LockdownFixtures.COMMUNITY);
    String outside = LockdownFixtures.household(api, "邻区外出户", "邻区路2号", LockdownFixtures.NEIGHBOUR);
    JsonNode area = LockdownFixtures.area(api, "出入小区", LockdownFixtures.COMMUNITY, true);
    String areaPath = "/api/v1/lockdown/areas/" + area.get("id").asString();
    String postId = api.as("community").post(areaPath + "/posts", Map.of("kind", "GATE", "name", "南门"))
        .json().get("id").asString();
    LocalDate today = LocalDate.now(clock);

    Map<String, Object> bad = new HashMap<>(Map.of("householdId", outside, "validFrom", today.toString(),
        "validTo", today.minusDays(1).toString(), "outings", 0));
    assertThat(LockdownFixtures.fields(api.as("community").post(areaPath + "/passes", bad)))
        .containsExactlyInAnyOrder("householdId", "purpose", "validTo", "outings");
    assertThat(api.as("community").get(areaPath + "/passes").json().size()).isZero();

    Api.Answer issued = api.as("community").post(areaPath + "/passes", Map.of("householdId", household,
        "purpose", "MEDICAL", "validFrom", today.toString(), "validTo", today.plusDays(2).toString(), "outings", 1));
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    String number = issued.json().get("number").asString();
    assertThat(number).startsWith("FK-");
    JsonNode valid = api.as("community").post("/api/v1/lockdown/pass-checks", Map.of("number", number.toLowerCase(),
        "postId", postId)).json();
    assertThat(valid.get("status").asString()).isEqualTo("VALID");
    assertThat(valid.get("pass").get("purpose").asString()).isEqualTo("MEDICAL");
    assertThat(reads(OutingPasses.SUBJECT, number)).isEqualTo(1);
    JsonNode out = api.as("community").post("/api/v1/lockdown/outings", Map.of("number", number, "postId", postId))
        .json();
    assertThat(out.get("pass").get("used").asInt()).isEqualTo(1);
    JsonNode usedUp = api.as("community").post("/api/v1/lockdown/pass-checks", Map.of("number", number)).json();
    assertThat(usedUp.get("status").asString()).isEqualTo("INVALID");
    assertThat(usedUp.get("reason").asString()).isEqualTo("USED_UP");
    Api.Answer again = api.as("community").post("/api/v1/lockdown/outings", Map.of("number", number));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("detail").asString()).contains("INVALID");

    String expired = api.as("community").post(areaPath + "/passes", Map.of("householdId", household,
        "purpose", "SHOPPING", "validFrom", today.minusDays(3).toString(), "validTo", today.minusDays(1).toString()))
        .json().get("number").asString();
    assertThat(api.as("community").post("/api/v1/lockdown/pass-checks", Map.of("number", expired)).json()
        .get("status").asString()).isEqualTo("EXPIRED");
    JsonNode unknown = api.as("community").post("/api/v1/lockdown/pass-checks", Map.of("number", "FK-NOSUCH00"))
        .json();
    assertThat(unknown.get("status").asString()).isEqualTo("INVALID");
    assertThat(unknown.get("pass").isNull()).isTrue();
    assertThat(LockdownFixtures.fields(api.as("community").post("/api/v1/lockdown/pass-checks",
        Map.of("number", " ")))).containsExactly("number");
    // a worker of another district does not see the pass: an unknown number for them
    String far = "lockdown-far-" + System.nanoTime() % 100_000;
    assertThat(api.as("admin").post("/api/v1/users", Map.of("username", far, "password", "Street2022xyz",
        "roles", List.of("COMMUNITY_WORKER"), "jurisdictionCode", LockdownFixtures.OTHER_DISTRICT_COMMUNITY))
        .status()).isEqualTo(201);
    assertThat(api.as(far, "Street2022xyz").post("/api/v1/lockdown/pass-checks", Map.of("number", number)).json()
        .get("status").asString()).isEqualTo("INVALID");
    assertThat(api.as(far, "Street2022xyz").get(areaPath).status()).isEqualTo(404);

    // revoked, and every pass revoked when the area is lifted
    String second = api.as("community").post(areaPath + "/passes", Map.of("householdId", household,
        "purpose", "WORK", "validFrom", today.toString(), "validTo", today.toString(), "outings", 3))
        .json().get("number").asString();
    api.as("commander").post(areaPath + "/lift", Map.of());
    JsonNode revoked = api.as("community").post("/api/v1/lockdown/pass-checks", Map.of("number", second)).json();
    assertThat(revoked.get("status").asString()).isEqualTo("INVALID");
    assertThat(revoked.get("reason").asString()).isEqualTo("REVOKED");
  }
}
