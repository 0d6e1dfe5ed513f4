package org.epicommand.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.enterprise.ReopeningFixtures.step;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A resumption application through HTTP from draft to approval, suspension and re-inspection, with
 * every illegal move answered 409 naming the current state; the gate refusing an early day unless the
 * exception holds; approval refused with the list of what is missing.
 */
@EpiCommandTest
class ResumptionLifecycleApiTest {

  static final LocalDate PLANNED = LocalDate.of(2026, 12, 20);

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void anEarlyDayIsRefusedNamingTheGateAndAcceptedWithTheExceptionFlag() {
    ReopeningFixtures.Org org = ReopeningFixtures.organisation(api, "口罩厂", "ENTERPRISE", null);
    Api.Answer gate = api.as("commander").post("/api/v1/resumption/gates", Map.of("name", "企业2月9日前不得复工",
        "kind", "ENTERPRISE", "jurisdictionCode", OrganisationFixtures.COMMUNITY, "notBefore", "2020-02-10",
        "exceptions", List.of("KEY_SUPPLIES", "LIVELIHOOD")));
    assertThat(gate.status()).as(gate.body()).isEqualTo(201);
    Api.Answer early = org.asContact().post("/api/v1/resumption/applications",
        ReopeningFixtures.application("RESUME_WORK", null, LocalDate.of(2020, 2, 8), 100));
    assertThat(early.status()).isEqualTo(400);
    JsonNode error = early.json().get("errors").get(0);
    assertThat(error.get("field").asString()).isEqualTo("plannedDate");
    assertThat(error.get("message").asString()).contains("2020-02-10");
    assertThat(jdbc.sql("select count(*) from resumption_application where credit_code = :code")
        .param("code", org.creditCode()).query(Long.class).single()).as("nothing stored").isZero();
    // a gate allowing only other exceptions still refuses
    Map<String, Object> wrongException = ReopeningFixtures.application("RESUME_WORK", null, LocalDate.of(2020, 2, 8),
        1);
    wrongException.put("exception", "EPIDEMIC_URGENT");
    assertThat(org.asContact().post("/api/v1/resumption/applications", wrongException).status()).isEqualTo(400);
    Map<String, Object> flagged = ReopeningFixtures.application("RESUME_WORK", null, LocalDate.of(2020, 2, 8), 100);
    flagged.put("exception", "KEY_SUPPLIES");
    Api.Answer accepted = org.asContact().post("/api/v1/resumption/applications", flagged);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    assertThat(accepted.json().get("exceptionApplied").asString()).isEqualTo("KEY_SUPPLIES");
    assertThat(accepted.json().get("gateNotBefore").asString()).isEqualTo("2020-02-10");
    assertThat(accepted.json().get("state").asString()).isEqualTo("DRAFT");
    // on the day of the gate no exception is needed
    ReopeningFixtures.Org onTime = ReopeningFixtures.organisation(api, "按期复工的厂", "ENTERPRISE", null);
    Api.Answer day = onTime.asContact().post("/api/v1/resumption/applications",
        ReopeningFixtures.application("RESUME_WORK", null, LocalDate.of(2020, 2, 10), 10));
    assertThat(day.status()).isEqualTo(201);
    assertThat(day.json().get("exceptionApplied").isNull()).isTrue();
    // a second application of the same kind is a conflict naming the first
    Api.Answer second = onTime.asContact().post("/api/v1/resumption/applications",
        ReopeningFixtures.application("RESUME_WORK", null, LocalDate.of(2020, 3, 1), 10));
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.json().get("existingId").asString()).isEqualTo(day.json().get("id").asString());
  }

  @Test
  void anApplicationGoesFromDraftToApprovalSuspensionAndReinspectionAndEveryIllegalMoveNamesTheState() {
    ReopeningFixtures.Org org = ReopeningFixtures.organisation(api, "生命周期机械厂", "ENTERPRISE", null);
    ReopeningFixtures.staff(org, "张工", ReopeningFixtures.passport(), true);
    String id = ReopeningFixtures.draft(org, "RESUME_WORK", null, PLANNED, 3);
    for (String illegal : List.of("start-review", "request-inspection", "approve", "suspend", "resume", "reopen")) {
      Api.Answer refused = illegal.equals("reopen")
          ? org.asContact().post("/api/v1/resumption/applications/" + id + "/reopen", "{}")
          : step(api, "commander", id, illegal, Map.of("reason", "x"));
      assertThat(refused.status()).as(illegal).isEqualTo(409);
      assertThat(refused.json().get("currentState").asString()).as(illegal).isEqualTo("DRAFT");
      assertThat(refused.json().get("detail").asString()).as(illegal).contains("DRAFT");
    }
    // the organisation's self-check in the draft
    assertThat(org.asContact().put("/api/v1/resumption/applications/" + id + "/checklist/MECHANISM",
        Map.of("outcome", "PASS")).json().get("onSite").asBoolean()).isFalse();
    ReopeningFixtures.documents(org, id);
    assertThat(ReopeningFixtures.sign(org.asContact(), id, "法定代表人").status()).isEqualTo(200);
    assertThat(org.asContact().post("/api/v1/resumption/applications/" + id + "/submit", "{}").json().get("state")
        .asString()).isEqualTo("SUBMITTED");
    Api.Answer twice = org.asContact().post("/api/v1/resumption/applications/" + id + "/submit", "{}");
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("currentState").asString()).isEqualTo("SUBMITTED");
    assertThat(org.asContact().post("/api/v1/resumption/applications/" + id + "/start-review", "{}").status())
        .as("the organisation does not review itself").isEqualTo(403);
    JsonNode review = step(api, "commander", id, "start-review", null).json();
    assertThat(review.get("state").asString()).isEqualTo("MATERIAL_REVIEW");
    assertThat(review.get("reviewDue").asString()).isNotBlank();
    Api.Answer lateSelfCheck = org.asContact().put("/api/v1/resumption/applications/" + id + "/checklist/MECHANISM",
        Map.of("outcome", "PASS"));
    assertThat(lateSelfCheck.status()).isEqualTo(409);
    assertThat(lateSelfCheck.json().get("currentState").asString()).isEqualTo("MATERIAL_REVIEW");
    assertThat(step(api, "commander", id, "request-inspection", null).json().get("state").asString())
        .isEqualTo("SITE_INSPECTION");

    // the self-check does not count: each blocking item must pass on site
    Api.Answer premature = step(api, "commander", id, "approve", null);
    assertThat(premature.status()).isEqualTo(409);
    assertThat(premature.json().get("currentState").asString()).isEqualTo("SITE_INSPECTION");
    assertThat(missing(premature)).contains("checklist.MECHANISM", "checklist.SCREENING", "checklist.SUPPLIES",
        "checklist.DISINFECTION").doesNotContain("checklist.SAFETY", "signOffs.法定代表人", "staff");
    ReopeningFixtures.checkAll(api, "inspector", id, "PASS");
    JsonNode approved = step(api, "commander", id, "approve", Map.of("note", "验收合格")).json();
    assertThat(approved.get("state").asString()).isEqualTo("APPROVED");
    assertThat(approved.get("checklist").get("SUPPLIES").get("onSite").asBoolean()).isTrue();
    assertThat(approved.get("staffing").get("clearedShare").asDouble()).isEqualTo(1.0);

    for (String illegal : List.of("submit", "start-review", "approve", "reject", "resume", "reopen")) {
      Api.Answer refused = illegal.equals("submit") || illegal.equals("reopen")
          ? org.asContact().post("/api/v1/resumption/applications/" + id + "/" + illegal, "{}")
          : step(api, "commander", id, illegal, Map.of("reason", "x"));
      assertThat(refused.status()).as(illegal).isEqualTo(409);
      assertThat(refused.json().get("currentState").asString()).as(illegal).isEqualTo("APPROVED");
    }
    assertThat(step(api, "commander", id, "suspend", Map.of()).status()).as("a reason is needed").isEqualTo(400);
    assertThat(step(api, "commander", id, "suspend", Map.of("reason", "发现涉疫人员")).json().get("state").asString())
        .isEqualTo("SUSPENDED");
    Api.Answer suspendedApprove = step(api, "commander", id, "approve", null);
    assertThat(suspendedApprove.json().get("currentState").asString()).isEqualTo("SUSPENDED");
    JsonNode reinspection = step(api, "commander", id, "resume", null).json();
    assertThat(reinspection.get("state").asString()).isEqualTo("SITE_INSPECTION");
    assertThat(reinspection.get("inspectionDue").asString()).isNotBlank();
    JsonNode again = step(api, "commander", id, "approve", null).json();
    assertThat(again.get("state").asString()).isEqualTo("APPROVED");
    List<String> actions = new ArrayList<>();
    again.get("history").forEach(h -> actions.add(h.get("action").asString()));
    assertThat(actions).containsExactly("CREATED", "SUBMITTED", "REVIEW_STARTED", "INSPECTION_REQUESTED", "APPROVED",
        "SUSPENDED", "REINSPECTION", "APPROVED");
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'RESUMPTION_APPLICATION'"
        + " and subject_id = :id and action = 'UPDATE'").param("id", id).query(Long.class).single())
        .as("7 moves, 3 documents, 1 signature, 6 checklist results").isEqualTo(17);
  }

  @Test
  void aRejectedApplicationGoesBackToDraftAndIsSubmittedAgain() {
    ReopeningFixtures.Org org = ReopeningFixtures.organisation(api, "被退回的机关", "INSTITUTION", null);
    String id = ReopeningFixtures.draft(org, "RETURN_TO_OFFICE", null, PLANNED, 0);
    assertThat(api.as("commander").get("/api/v1/resumption/applications/" + id).json().get("templateCode").asString())
        .isEqualTo("FOUR_AFTER");
    org.asContact().post("/api/v1/resumption/applications/" + id + "/submit", "{}");
    step(api, "commander", id, "start-review", null);
    Api.Answer noReason = step(api, "commander", id, "reject", Map.of());
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
    JsonNode rejected = step(api, "commander", id, "reject", Map.of("reason", "防控方案不完整")).json();
    assertThat(rejected.get("state").asString()).isEqualTo("REJECTED");
    assertThat(rejected.get("reason").asString()).isEqualTo("防控方案不完整");
    Api.Answer update = org.asContact().put("/api/v1/resumption/applications/" + id,
        ReopeningFixtures.application("RETURN_TO_OFFICE", null, PLANNED.plusDays(3), 0));
    assertThat(update.status()).isEqualTo(409);
    assertThat(update.json().get("currentState").asString()).isEqualTo("REJECTED");
    assertThat(org.asContact().post("/api/v1/resumption/applications/" + id + "/reopen", "{}").json().get("state")
        .asString()).isEqualTo("DRAFT");
    assertThat(org.asContact().put("/api/v1/resumption/applications/" + id,
        ReopeningFixtures.application("RETURN_TO_OFFICE", null, PLANNED.plusDays(3), 0)).json().get("plannedDate")
        .asString()).isEqualTo(PLANNED.plusDays(3).toString());
    assertThat(org.asContact().post("/api/v1/resumption/applications/" + id + "/submit", "{}").json().get("state")
        .asString()).isEqualTo("SUBMITTED");
  }

  @Test
  void documentsAreTypedByTheirBytesAndBounded() {
    ReopeningFixtures.Org org = ReopeningFixtures.organisation(api, "上传材料的公司", "ENTERPRISE", null);
    String id = ReopeningFixtures.draft(org, "RESUME_WORK", null, PLANNED, 0);
    Api.Answer html = org.asContact().upload("/api/v1/resumption/applications/" + id + "/documents?kind=APPLICATION",
        "申请书.pdf", "<html>not a pdf</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(html.status()).isEqualTo(415);
    assertThat(html.header("Content-Type")).startsWith("application/problem+json");
    byte[] big = new byte[10 * 1024 * 1024 + 10];
    System.arraycopy(ReopeningFixtures.PDF, 0, big, 0, ReopeningFixtures.PDF.length);
    Api.Answer tooBig = org.asContact().upload("/api/v1/resumption/applications/" + id + "/documents?kind=APPLICATION",
        "大文件.pdf", big);
    assertThat(tooBig.status()).isEqualTo(413);
    Api.Answer noKind = org.asContact().upload("/api/v1/resumption/applications/" + id + "/documents", "a.pdf",
        ReopeningFixtures.PDF);
    assertThat(noKind.status()).isEqualTo(400);
    JsonNode stored = org.asContact().upload("/api/v1/resumption/applications/" + id
        + "/documents?kind=COMMITMENT", "承诺书.pdf", ReopeningFixtures.PDF).json();
    assertThat(stored.get("contentType").asString()).isEqualTo("application/pdf");
    assertThat(stored.get("fileName").asString()).isEqualTo("承诺书.pdf");
    assertThat(api.as("commander").get("/api/v1/resumption/applications/" + id).json().get("documents").size())
        .as("refused files leave nothing").isEqualTo(1);
    Api.Answer file = org.asContact().get("/api/v1/resumption/applications/" + id + "/documents/"
        + stored.get("id").asString());
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.body()).startsWith("%PDF-");
  }

  static List<String> missing(Api.Answer refused) {
    List<String> fields = new ArrayList<>();
    refused.json().get("missing").forEach(m -> fields.add(m.get("field").asString()));
    return fields;
  }
}
