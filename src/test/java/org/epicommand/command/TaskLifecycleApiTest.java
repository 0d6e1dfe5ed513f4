package org.epicommand.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.command.CommandFixtures.as;
import static org.epicommand.command.CommandFixtures.freshUnit;
import static org.epicommand.command.CommandFixtures.inbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.command.CommandFixtures.UnitUser;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@EpiCommandTest
class TaskLifecycleApiTest {

  @Autowired
  Api api;
  @Autowired
  CommandTasks tasks;
  @Autowired
  Clock clock;

  @Test
  void aMeetingDecisionBecomesATaskThatRunsItsWholeLifecycle() {
    UnitUser unit = freshUnit(api, "测试承办单位");
    String number = "调度会〔2022〕" + UUID.randomUUID().toString().substring(0, 6);
    Api.Answer meeting = api.as("commander").post("/api/v1/command/meetings", Map.of("number", number, "kind",
        "DISPATCH", "title", "全市疫情防控调度会", "chair", "张建国", "attendees", List.of("李卫东", "王晓红"),
        "reportsHeard", List.of("市疾控中心汇报流调进展"), "heldOn", "2022-11-10"));
    assertThat(meeting.status()).as(meeting.body()).isEqualTo(201);
    String meetingId = meeting.json().get("id").asString();
    assertThat(meeting.json().get("attendees").get(1).asString()).isEqualTo("王晓红");

    String title = "落实重点人员排查 " + UUID.randomUUID();
    Api.Answer decision = api.as("commander").post("/api/v1/command/meetings/" + meetingId + "/decisions",
        Map.of("text", "开展重点人员排查", "tasks", List.of(Map.of("unitCode", unit.unitCode(), "title", title,
            "deadline", OffsetDateTime.now(clock).plusDays(2).toString()))));
    assertThat(decision.status()).as(decision.body()).isEqualTo(201);
    JsonNode task = decision.json().get("tasks").get(0);
    String id = task.get("id").asString();
    assertThat(task.get("state").asString()).isEqualTo("ASSIGNED");
    assertThat(task.get("overdue").asBoolean()).isFalse();
    assertThat(inbox(as(api, unit), title)).extracting(n -> n.get("kind").asString()).containsExactly("TASK_ASSIGNED");
    assertThat(api.as("commander").get("/api/v1/command/meetings/" + meetingId).json().get("decisions").get(0)
        .get("tasks").get(0).get("id").asString()).isEqualTo(id);

    JsonNode inboxPage = as(api, unit).get("/api/v1/command/tasks/inbox").json();
    assertThat(inboxPage.get("items").get(0).get("id").asString()).isEqualTo(id);

    assertThat(step(as(api, unit), id, "accept").json().get("state").asString()).isEqualTo("ACCEPTED");
    assertThat(step(as(api, unit), id, "start").json().get("state").asString()).isEqualTo("IN_PROGRESS");
    assertThat(step(as(api, unit), id, "complete").json().get("state").asString()).isEqualTo("DONE");
    assertThat(inbox(api.as("commander"), title)).extracting(n -> n.get("kind").asString()).contains("TASK_DONE");
    Api.Answer verified = step(api.as("commander"), id, "verify");
    assertThat(verified.json().get("state").asString()).isEqualTo("VERIFIED");
    assertThat(verified.json().get("history")).hasSize(5);
    assertThat(verified.json().get("history").get(4).get("username").asString()).isEqualTo("commander");

    Api.Answer again = step(as(api, unit), id, "accept");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("currentState").asString()).isEqualTo("VERIFIED");
    assertThat(again.json().get("detail").asString()).contains("VERIFIED");
    Api.Answer remind = step(api.as("commander"), id, "remind");
    assertThat(remind.status()).isEqualTo(409);
    assertThat(remind.json().get("currentState").asString()).isEqualTo("VERIFIED");
  }

  @Test
  void aRejectedTaskGoesBackToInProgressAndIllegalStepsAreRefused() {
    UnitUser unit = freshUnit(api, "退回测试单位");
    String id = assign(unit, "退回测试 " + UUID.randomUUID(), OffsetDateTime.now(clock).plusDays(1));

    Api.Answer early = step(as(api, unit), id, "complete");
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().get("currentState").asString()).isEqualTo("ASSIGNED");
    step(as(api, unit), id, "accept");
    Api.Answer twice = step(as(api, unit), id, "accept");
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("currentState").asString()).isEqualTo("ACCEPTED");
    assertThat(step(api.as("commander"), id, "reject").json().get("currentState").asString()).isEqualTo("ACCEPTED");
    step(as(api, unit), id, "start");
    step(as(api, unit), id, "complete");

    Api.Answer rejected = api.as("commander").post("/api/v1/command/tasks/" + id + "/reject",
        Map.of("note", "材料不全，请补充"));
    assertThat(rejected.json().get("state").asString()).isEqualTo("REJECTED");
    assertThat(inbox(as(api, unit), "退回测试")).extracting(n -> n.get("kind").asString()).contains("TASK_REJECTED");
    assertThat(step(as(api, unit), id, "start").json().get("state").asString()).isEqualTo("IN_PROGRESS");
    assertThat(step(as(api, unit), id, "complete").json().get("state").asString()).isEqualTo("DONE");
    assertThat(step(api.as("commander"), id, "verify").json().get("state").asString()).isEqualTo("VERIFIED");
  }

  @Test
  void onlyTheUnitWorksItsTaskAndOnlyTheOfficeVerifies() {
    UnitUser unit = freshUnit(api, "权限测试单位");
    String id = assign(unit, "权限测试 " + UUID.randomUUID(), OffsetDateTime.now(clock).plusDays(1));

    // cdc reads the command picture but is no member of the unit
    assertThat(api.as("cdc").get("/api/v1/command/tasks/" + id).status()).isEqualTo(200);
    assertThat(step(api.as("cdc"), id, "accept").status()).isEqualTo(403);
    // a community worker neither belongs to the unit nor reads the command picture: the task does not exist
    assertThat(api.as("community").get("/api/v1/command/tasks/" + id).status()).isEqualTo(404);
    assertThat(step(api.as("community"), id, "accept").status()).isEqualTo(404);
    assertThat(step(as(api, unit), id, "verify").status()).isEqualTo(403);
    assertThat(api.as("community").get("/api/v1/command/tasks/inbox").status()).isEqualTo(404);
  }

  @Test
  void remindersAndSupervisionNoticesReachTheInboxes() {
    UnitUser unit = freshUnit(api, "催办测试单位");
    String title = "催办测试 " + UUID.randomUUID();
    String id = assign(unit, title, OffsetDateTime.now(clock).plusDays(1));

    Api.Answer reminded = api.as("commander").post("/api/v1/command/tasks/" + id + "/remind",
        Map.of("note", "请今日内反馈"));
    assertThat(reminded.status()).isEqualTo(200);
    assertThat(reminded.json().get("reminders").asInt()).isEqualTo(1);
    List<JsonNode> reminders = inbox(as(api, unit), "【催办】" + title);
    assertThat(reminders).hasSize(1);
    assertThat(reminders.get(0).get("body").asString()).startsWith("请今日内反馈");
    assertThat(reminders.get(0).get("link").asString()).isEqualTo("/command/tasks/" + id);

    Api.Answer supervised = step(api.as("commander"), id, "supervise");
    assertThat(supervised.json().get("supervisions").asInt()).isEqualTo(1);
    assertThat(inbox(as(api, unit), "【督办】" + title)).hasSize(1);
    assertThat(inbox(api.as("commander"), "【督办】" + title)).hasSize(1);
    assertThat(inbox(api.as("district"), title)).isEmpty();
  }

  @Test
  void anOverdueTaskIsFlaggedAndEscalatedToTheOfficeOnce() {
    UnitUser unit = freshUnit(api, "逾期测试单位");
    String title = "逾期测试 " + UUID.randomUUID();
    String id = assign(unit, title, OffsetDateTime.now(clock).minusHours(1));
    assertThat(api.as("commander").get("/api/v1/command/tasks/" + id).json().get("overdue").asBoolean()).isTrue();
    JsonNode overdueList = api.as("commander").get("/api/v1/command/tasks?overdue=true&unit=" + unit.unitCode()).json();
    assertThat(overdueList.get("items")).hasSize(1);

    tasks.escalateOverdue(clock.instant());
    tasks.escalateOverdue(clock.instant());

    assertThat(inbox(api.as("commander"), "【逾期】")).filteredOn(n -> n.get("title").asString().contains(title))
        .hasSize(1);
    assertThat(inbox(as(api, unit), title)).extracting(n -> n.get("kind").asString()).contains("TASK_OVERDUE");
    JsonNode task = api.as("commander").get("/api/v1/command/tasks/" + id).json();
    assertThat(task.get("escalatedAt").isNull()).isFalse();
    assertThat(task.get("history").get(1).get("action").asString()).isEqualTo("ESCALATE");
  }

  @Test
  void theResponseLevelKeepsItsHistoryAndRefusesTheSameLevel() {
    JsonNode before = api.as("commander").get("/api/v1/command/response-level").json();
    String current = before.get("level").asString();
    String next = current.equals("I") ? "II" : "I";
    Api.Answer changed = api.as("commander").post("/api/v1/command/response-level",
        Map.of("level", next, "reason", "测试调整 " + UUID.randomUUID()));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().get("level").asString()).isEqualTo(next);
    assertThat(changed.json().get("history").get(0).get("changedBy").asString()).isEqualTo("commander");
    assertThat(changed.json().get("history").get(1).get("level").asString()).isEqualTo(current);
    Api.Answer same = api.as("commander").post("/api/v1/command/response-level",
        Map.of("level", next, "reason", "重复"));
    assertThat(same.status()).isEqualTo(409);
    assertThat(api.as("commander").post("/api/v1/command/response-level", Map.of("level", current)).status())
        .isEqualTo(400);
    assertThat(api.as("district").post("/api/v1/command/response-level", Map.of("level", current, "reason", "x"))
        .status()).isEqualTo(403);
    api.as("commander").post("/api/v1/command/response-level", Map.of("level", current, "reason", "恢复"));
  }

  @Test
  void theDemoOrganisationHasEightWorkingGroupsAndTheDistrictsAsUnits() {
    JsonNode organisation = api.as("commander").get("/api/v1/command/organisation").json();
    List<JsonNode> units = new java.util.ArrayList<>();
    organisation.get("units").forEach(units::add);
    assertThat(units).filteredOn(u -> u.get("kind").asString().equals("WORKING_GROUP")).hasSize(8)
        .extracting(u -> u.get("name").asString()).contains("综合协调组", "医疗救治组", "督查问责组");
    assertThat(units).filteredOn(u -> u.get("kind").asString().equals("DISTRICT"))
        .extracting(u -> u.get("code").asString()).contains(DemoPlaces.DISTRICT, "990106");
    assertThat(units).filteredOn(u -> u.get("code").asString().equals(DemoPlaces.DISTRICT)).first()
        .satisfies(u -> assertThat(u.get("members").toString()).contains("district"));
    assertThat(organisation.get("leaders").get(0).get("position").asString()).isEqualTo("LEADER");

    Api.Answer duty = api.as("district").put("/api/v1/command/units/990101/duty/2022-11-11",
        Map.of("leader", "刘主任", "staff", "周干事", "phone", "0571-88880000"));
    assertThat(duty.status()).as(duty.body()).isEqualTo(200);
    assertThat(api.as("commander").get("/api/v1/command/duty?date=2022-11-11").json().toString()).contains("刘主任");
    assertThat(api.as("district").put("/api/v1/command/units/990102/duty/2022-11-11",
        Map.of("leader", "x", "staff", "y", "phone", "110")).status()).isEqualTo(404);
    assertThat(api.as("district").get("/api/v1/command/duty/mine").json().get("unitCode").asString())
        .isEqualTo(DemoPlaces.DISTRICT);
  }

  private String assign(UnitUser unit, String title, OffsetDateTime deadline) {
    Api.Answer task = api.as("commander").post("/api/v1/command/tasks", Map.of("unitCode", unit.unitCode(),
        "title", title, "detail", "测试", "deadline", deadline.withOffsetSameInstant(ZoneOffset.ofHours(8)).toString()));
    assertThat(task.status()).as(task.body()).isEqualTo(201);
    return task.json().get("id").asString();
  }

  private static Api.Answer step(Api.Caller caller, String id, String step) {
    return caller.post("/api/v1/command/tasks/" + id + "/" + step, "");
  }
}
