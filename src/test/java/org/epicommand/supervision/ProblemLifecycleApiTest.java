package org.epicommand.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.supervision.SupervisionFixtures.COMMUNITY;
import static org.epicommand.supervision.SupervisionFixtures.OTHER_COMMUNITY;
import static org.epicommand.supervision.SupervisionFixtures.assignedProblem;
import static org.epicommand.supervision.SupervisionFixtures.foundProblem;
import static org.epicommand.supervision.SupervisionFixtures.png;
import static org.epicommand.supervision.SupervisionFixtures.today;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.supervision.internal.OverdueSweep;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The problem lifecycle through HTTP, legal and illegal moves, as the inspector and the unit make them. */
@EpiCommandTest
class ProblemLifecycleApiTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  OverdueSweep sweep;

  @Test
  void aProblemGoesFromFoundToClosedWithARejectedRoundInBetween() {
    String id = foundProblem(api, COMMUNITY, "入口无人查验场所码-" + UUID.randomUUID());
    String path = "/api/v1/problems/" + id;
    // not yet assigned: the unit does not see it
    assertThat(api.as("community").get(path).status()).isEqualTo(404);
    assertThat(ids(api.as("community").get("/api/v1/problems?size=500"))).doesNotContain(id);

    JsonNode assigned = api.as("inspector").post(path + "/assign",
        Map.of("deadline", today().plusDays(3).toString(), "note", "三日内整改")).json();
    assertThat(assigned.get("state").asString()).isEqualTo("ASSIGNED");
    assertThat(assigned.get("deadline").asString()).isEqualTo(today().plusDays(3).toString());
    assertThat(assigned.get("overdue").asBoolean()).isFalse();
    assertThat(ids(api.as("community").get("/api/v1/problems?size=500&state=ASSIGNED"))).contains(id);
    assertThat(ids(api.as("district").get("/api/v1/problems?size=500"))).contains(id);

    assertThat(state(api.as("community").post(path + "/start", "{}"))).isEqualTo("RECTIFYING");
    // no evidence yet: neither submit nor close
    Api.Answer submitBare = api.as("community").post(path + "/submit", "{}");
    assertConflict(submitBare, "RECTIFYING");
    Api.Answer closeBare = api.as("inspector").post(path + "/close", "{}");
    assertConflict(closeBare, "RECTIFYING");
    assertThat(api.as("community").post(path + "/verify", "{}").status()).isEqualTo(403);

    Api.Answer evidence = api.as("community").upload(path + "/photos", "整改后.png", png(Color.GREEN));
    assertThat(evidence.status()).as(evidence.body()).isEqualTo(201);
    assertThat(evidence.json().get("kind").asString()).isEqualTo("EVIDENCE");
    assertThat(evidence.json().get("contentType").asString()).isEqualTo("image/png");
    assertThat(state(api.as("community").post(path + "/submit", Map.of("note", "已安排专人值守")))).isEqualTo(
        "EVIDENCE_SUBMITTED");

    // a reason is required to reject; rejected evidence goes back to RECTIFYING
    assertThat(api.as("inspector").post(path + "/reject", "{}").status()).isEqualTo(400);
    JsonNode rejected = api.as("inspector").post(path + "/reject", Map.of("note", "照片看不出值守人员")).json();
    assertThat(rejected.get("state").asString()).isEqualTo("RECTIFYING");
    assertThat(rejected.get("rejections").asInt()).isEqualTo(1);
    // the old evidence belongs to the rejected round
    assertConflict(api.as("community").post(path + "/submit", "{}"), "RECTIFYING");
    assertThat(api.as("community").upload(path + "/photos", "again.png", png(Color.BLUE)).status()).isEqualTo(201);
    assertThat(state(api.as("community").post(path + "/submit", "{}"))).isEqualTo("EVIDENCE_SUBMITTED");
    assertConflict(api.as("inspector").post(path + "/close", "{}"), "EVIDENCE_SUBMITTED");
    assertThat(state(api.as("inspector").post(path + "/verify", "{}"))).isEqualTo("VERIFIED");
    JsonNode closed = api.as("inspector").post(path + "/close", Map.of("note", "对账销号")).json();
    assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
    assertThat(closed.get("closedAt").isNull()).isFalse();
    assertConflict(api.as("inspector").post(path + "/assign", "{}"), "CLOSED");

    List<String> actions = new ArrayList<>();
    closed.get("history").forEach(h -> actions.add(h.get("action").asString()));
    assertThat(actions).containsExactly("FOUND", "ASSIGNED", "RECTIFYING", "EVIDENCE_SUBMITTED", "REJECTED",
        "EVIDENCE_SUBMITTED", "VERIFIED", "CLOSED");
    assertThat(closed.get("photos").size()).isEqualTo(2);
    assertThat(closed.get("history").get(4).get("note").asString()).isEqualTo("照片看不出值守人员");
  }

  @Test
  void fixedOnTheSpotClosesStraightAwayButOnlyWithEvidence() {
    String id = foundProblem(api, COMMUNITY, "医疗废物桶未加盖-" + UUID.randomUUID());
    String path = "/api/v1/problems/" + id;
    assertConflict(api.as("inspector").post(path + "/fix-on-spot", "{}"), "FOUND");
    // a finding photo is not evidence of the fix
    assertThat(api.as("inspector").upload(path + "/photos", "found.png", png(Color.RED)).json().get("kind")
        .asString()).isEqualTo("FINDING");
    assertConflict(api.as("inspector").post(path + "/fix-on-spot", "{}"), "FOUND");
    assertThat(api.as("inspector").upload(path + "/photos?kind=EVIDENCE", "fixed.png", png(Color.GREEN)).status())
        .isEqualTo(201);
    JsonNode closed = api.as("inspector").post(path + "/fix-on-spot", Map.of("note", "已当场加盖")).json();
    assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
    assertThat(closed.get("fixedOnSpot").asBoolean()).isTrue();
    assertThat(closed.get("overdue").asBoolean()).isFalse();
    // the unit cannot add evidence to a problem that is not in rectification
    assertConflict(api.as("community").upload(path + "/photos", "late.png", png(Color.GRAY)), "CLOSED");
  }

  @Test
  void aProblemPastItsDeadlineIsOverdueUntilVerifiedAndIsAnnouncedOnce() {
    String id = assignedProblem(api, COMMUNITY, "消杀台账缺失-" + UUID.randomUUID());
    String path = "/api/v1/problems/" + id;
    assertThat(api.as("commander").get(path).json().get("overdue").asBoolean()).isFalse();
    assertThat(ids(api.as("commander").get("/api/v1/problems?overdue=true&size=500"))).doesNotContain(id);
    // time passes: the deadline is now two days ago
    jdbc.sql("update problem_item set deadline = :d where id = :id").param("d", today().minusDays(2))
        .param("id", UUID.fromString(id)).update();
    assertThat(api.as("commander").get(path).json().get("overdue").asBoolean()).isTrue();
    assertThat(api.as("community").get(path).json().get("overdue").asBoolean()).isTrue();
    assertThat(ids(api.as("commander").get("/api/v1/problems?overdue=true&size=500"))).contains(id);

    sweep.sweep();
    assertThat(notified(id)).isTrue();
    assertThat(sweep.sweep()).as("announced once").isZero();

    api.as("community").post(path + "/start", "{}");
    api.as("community").upload(path + "/photos", "ok.png", png(Color.GREEN));
    api.as("community").post(path + "/submit", "{}");
    assertThat(api.as("commander").get(path).json().get("overdue").asBoolean()).as("still open").isTrue();
    api.as("inspector").post(path + "/verify", "{}");
    assertThat(api.as("commander").get(path).json().get("overdue").asBoolean()).isFalse();
    assertThat(ids(api.as("commander").get("/api/v1/problems?overdue=true&size=500"))).doesNotContain(id);
  }

  @Test
  void anotherUnitsStaffDoNotSeeTheProblemOrItsPhotos() {
    String id = assignedProblem(api, COMMUNITY, "外单位不可见-" + UUID.randomUUID());
    String photo = api.as("inspector").upload("/api/v1/problems/" + id + "/photos", "p.png", png(Color.ORANGE))
        .json().get("id").asString();
    String stranger = "sup_other_" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(api.as("admin").post("/api/v1/users", Map.of("username", stranger, "password", "Other123456",
        "roles", List.of("COMMUNITY_WORKER"), "jurisdictionCode", OTHER_COMMUNITY)).status()).isEqualTo(201);
    Api.Caller other = api.as(stranger, "Other123456");
    assertThat(other.get("/api/v1/problems/" + id).status()).isEqualTo(404);
    assertThat(other.get("/api/v1/problems/" + id + "/photos/" + photo).status()).isEqualTo(404);
    assertThat(other.post("/api/v1/problems/" + id + "/start", "{}").status()).isEqualTo(404);
    assertThat(ids(other.get("/api/v1/problems?size=500"))).doesNotContain(id);
    // the responsible unit and the commander see the photo, byte for byte
    Api.Answer own = api.as("community").get("/api/v1/problems/" + id + "/photos/" + photo);
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.header("Content-Type")).isEqualTo("image/png");
    assertThat(own.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(api.as("commander").get("/api/v1/problems/" + id + "/photos/" + photo).status()).isEqualTo(200);
    assertThat(api.as("lab").get("/api/v1/problems/" + id + "/photos/" + photo).status()).isEqualTo(403);
  }

  @Test
  void findingsAreRecordedOnlyOnAVisitInProgress() {
    JsonNode plan = SupervisionFixtures.plan(api, "只在走访中记录", COMMUNITY);
    String visit = plan.get("visits").get(0).get("id").asString();
    Map<String, String> finding = Map.of("category", "DUTY", "severity", "MINOR", "description", "x");
    assertConflict(api.as("inspector").post("/api/v1/inspections/visits/" + visit + "/findings", finding), "PLANNED");
    assertConflict(api.as("inspector").post("/api/v1/inspections/visits/" + visit + "/complete", "{}"), "PLANNED");
    api.as("inspector").post("/api/v1/inspections/visits/" + visit + "/start", "");
    assertConflict(api.as("inspector").post("/api/v1/inspections/visits/" + visit + "/start", ""), "IN_PROGRESS");
    Api.Answer invalid = api.as("inspector").post("/api/v1/inspections/visits/" + visit + "/findings",
        Map.of("description", " ", "deadline", today().minusDays(1).toString()));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(fields(invalid)).contains("category", "severity", "description", "deadline");
    assertThat(api.as("inspector").post("/api/v1/inspections/visits/" + visit + "/findings", finding).status())
        .isEqualTo(201);
    JsonNode done = api.as("inspector").post("/api/v1/inspections/visits/" + visit + "/complete",
        Map.of("summary", "发现 1 个问题")).json();
    assertThat(done.get("state").asString()).isEqualTo("DONE");
    assertThat(done.get("problemsFound").asInt()).isEqualTo(1);
    assertConflict(api.as("inspector").post("/api/v1/inspections/visits/" + visit + "/findings", finding), "DONE");
  }

  @Test
  void aPagePostWithoutTheCsrfTokenChangesNothing() {
    String id = assignedProblem(api, COMMUNITY, "csrf-" + UUID.randomUUID());
    Api.Answer forged = api.as("community")
        .post("/supervision/problems/" + id + "/start", "note=x");
    assertThat(forged.status()).isEqualTo(403);
    assertThat(api.as("community").get("/api/v1/problems/" + id).json().get("state").asString()).isEqualTo("ASSIGNED");
  }

  static void assertConflict(Api.Answer answer, String state) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(409);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.json().get("currentState").asString()).isEqualTo(state);
    assertThat(answer.json().get("detail").asString()).contains(state);
  }

  static String state(Api.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().get("state").asString();
  }

  static List<String> ids(Api.Answer page) {
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    page.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
    return ids;
  }

  static List<String> fields(Api.Answer answer) {
    List<String> fields = new ArrayList<>();
    answer.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
    return fields;
  }

  private boolean notified(String id) {
    return jdbc.sql("select overdue_notified_at is not null from problem_item where id = :id")
        .param("id", UUID.fromString(id)).query(Boolean.class).single();
  }
}
