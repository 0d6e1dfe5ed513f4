package org.epicommand.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.command.CommandFixtures.as;
import static org.epicommand.command.CommandFixtures.fields;
import static org.epicommand.command.CommandFixtures.freshUnit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
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

/**
 * Units are created, corrected, retired and reactivated through the API, with street and community
 * kinds bound to a division of their level; a retired unit keeps its history, refuses new work (409)
 * and owes no daily report from its retirement day on. The leadership group keeps who served when.
 */
@EpiCommandTest
class OrganisationApiTest {

  @Autowired
  Api api;
  @Autowired
  Clock clock;

  @Test
  void aStreetUnitIsCreatedCorrectedAndItsDivisionChecked() {
    String code = "S-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Answer created = api.as("commander").post("/api/v1/command/units", Map.of("code", code, "name", "测试街道办",
        "kind", "STREET", "jurisdictionCode", "990102003", "reporting", true));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("kind").asString()).isEqualTo("STREET");
    assertThat(created.json().get("sortOrder").asInt()).isEqualTo(500);
    assertThat(api.as("commander").post("/api/v1/command/units", Map.of("code", code, "name", "重复",
        "kind", "DEPARTMENT")).status()).isEqualTo(409);

    // unknown division, a division of another level, a community without one
    assertThat(fields(api.as("commander").post("/api/v1/command/units", Map.of("code", code + "x", "name", "甲",
        "kind", "STREET", "jurisdictionCode", "990199999")))).containsExactly("jurisdictionCode");
    assertThat(fields(api.as("commander").post("/api/v1/command/units", Map.of("code", code + "x", "name", "乙",
        "kind", "STREET", "jurisdictionCode", DemoPlaces.OTHER_DISTRICT)))).containsExactly("jurisdictionCode");
    assertThat(fields(api.as("commander").post("/api/v1/command/units", Map.of("code", code + "x", "name", "丙",
        "kind", "COMMUNITY")))).containsExactly("jurisdictionCode");
    assertThat(fields(api.as("commander").post("/api/v1/command/units", Map.of("code", "?", "name", "",
        "kind", "DEPARTMENT", "jurisdictionCode", "nowhere")))).containsExactlyInAnyOrder("code", "name",
        "jurisdictionCode");

    Api.Answer corrected = api.as("commander").put("/api/v1/command/units/" + code, Map.of("name", "测试街道",
        "kind", "STREET", "jurisdictionCode", "990102004", "reporting", false, "sortOrder", 310));
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    JsonNode listed = unit(code);
    assertThat(listed.get("name").asString()).isEqualTo("测试街道");
    assertThat(listed.get("jurisdictionCode").asString()).isEqualTo("990102004");
    assertThat(listed.get("reporting").asBoolean()).isFalse();
    assertThat(listed.get("sortOrder").asInt()).isEqualTo(310);
    assertThat(fields(api.as("commander").put("/api/v1/command/units/" + code, Map.of("name", "x",
        "kind", "COMMUNITY", "jurisdictionCode", "990102004")))).containsExactly("jurisdictionCode");
    assertThat(api.as("commander").put("/api/v1/command/units/NOPE-" + code, Map.of("name", "x", "kind",
        "DEPARTMENT")).status()).isEqualTo(404);
    assertThat(api.as("cdc").put("/api/v1/command/units/" + code, Map.of("name", "x", "kind", "DEPARTMENT"))
        .status()).isEqualTo(403);
    assertThat(api.as("auditor").get("/api/v1/audit?subjectId=" + code).json().get("items").valueStream()
        .map(e -> e.get("action").asString()).toList()).contains("CREATE", "UPDATE");
  }

  @Test
  void aRetiredUnitKeepsItsHistoryRefusesNewWorkAndIsNotMissingFromItsRetirementDay() {
    UnitUser unit = freshUnit(api, "撤销测试单位");
    LocalDate today = LocalDate.now(clock);
    String path = "/api/v1/command/units/" + unit.unitCode();
    Api.Answer task = api.as("commander").post("/api/v1/command/tasks", task(unit.unitCode(), "撤销前的任务"));
    assertThat(task.status()).as(task.body()).isEqualTo(201);
    assertThat(status(today.minusDays(1), unit.unitCode())).isEqualTo("MISSING");

    Api.Answer retired = api.as("commander").post(path + "/retire", "{}");
    assertThat(retired.status()).as(retired.body()).isEqualTo(200);
    assertThat(retired.json().get("retiredOn").asString()).isEqualTo(today.toString());
    Api.Answer again = api.as("commander").post(path + "/retire", Map.of("from", today.toString()));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("currentState").asString()).isEqualTo("RETIRED");

    // new work: a task, a day of duty, a member — all 409
    Api.Answer newTask = api.as("commander").post("/api/v1/command/tasks", task(unit.unitCode(), "撤销后的任务"));
    assertThat(newTask.status()).as(newTask.body()).isEqualTo(409);
    assertThat(newTask.json().get("currentState").asString()).isEqualTo("RETIRED");
    assertThat(as(api, unit).put(path + "/duty/" + today, Map.of("leader", "甲", "staff", "乙", "phone", "110"))
        .status()).isEqualTo(409);
    assertThat(api.as("commander").post(path + "/members", Map.of("username", "cdc")).status()).isEqualTo(409);
    // a report for today is refused, yesterday's (owed before the retirement) may still be filed
    assertThat(as(api, unit).post("/api/v1/daily-reports", Map.of("date", today.toString(), "zero", true))
        .status()).isEqualTo(409);
    assertThat(as(api, unit).post("/api/v1/daily-reports", Map.of("date", today.minusDays(1).toString(),
        "zero", true)).status()).isEqualTo(201);

    // the history stays: the task, the unit with its day of retirement; completeness from today on leaves it out
    assertThat(as(api, unit).get("/api/v1/command/tasks/" + task.json().get("id").asString()).status())
        .isEqualTo(200);
    assertThat(unit(unit.unitCode()).get("retiredOn").asString()).isEqualTo(today.toString());
    assertThat(status(today, unit.unitCode())).isNull();
    assertThat(status(today.minusDays(1), unit.unitCode())).isIn("LATE", "ZERO");
    JsonNode matrix = api.as("commander").get("/api/v1/daily-reports/matrix?from=" + today.minusDays(1) + "&to="
        + today).json();
    JsonNode row = null;
    for (JsonNode r : matrix.get("rows")) {
      row = r.get("unitCode").asString().equals(unit.unitCode()) ? r : row;
    }
    assertThat(row).isNotNull();
    assertThat(row.get("statuses").get(1).isNull()).as("nothing owed from the retirement day").isTrue();
    assertThat(pickerCodes()).doesNotContain(unit.unitCode());

    Api.Answer back = api.as("commander").post(path + "/reactivate", "");
    assertThat(back.status()).as(back.body()).isEqualTo(200);
    assertThat(back.json().get("retiredOn").isNull()).isTrue();
    assertThat(api.as("commander").post(path + "/reactivate", "").json().get("currentState").asString())
        .isEqualTo("ACTIVE");
    assertThat(status(today, unit.unitCode())).isEqualTo("MISSING");
    assertThat(api.as("commander").post("/api/v1/command/tasks", task(unit.unitCode(), "恢复后的任务")).status())
        .isEqualTo(201);
  }

  @Test
  void membersAreAddedAndRemoved() {
    UnitUser unit = freshUnit(api, "成员测试单位");
    String path = "/api/v1/command/units/" + unit.unitCode() + "/members";
    Api.Answer added = api.as("commander").post(path, Map.of("username", "cdc"));
    assertThat(added.json().get("members").toString()).isEqualTo("[\"cdc\",\"" + unit.username() + "\"]");
    assertThat(fields(api.as("commander").post(path, Map.of("username", "nobody-" + UUID.randomUUID()))))
        .containsExactly("username");
    Api.Answer removed = api.as("commander").delete(path + "/cdc");
    assertThat(removed.status()).as(removed.body()).isEqualTo(200);
    assertThat(removed.json().get("members").toString()).isEqualTo("[\"" + unit.username() + "\"]");
    assertThat(api.as("commander").delete(path + "/cdc").status()).as("idempotent").isEqualTo(200);
    assertThat(api.as("commander").delete("/api/v1/command/units/NOPE-X/members/cdc").status()).isEqualTo(404);
    // the removed user no longer works for the unit
    assertThat(as(api, unit).get("/api/v1/command/tasks/inbox").status()).isEqualTo(200);
    assertThat(api.as("cdc").get("/api/v1/command/tasks/inbox?unit=" + unit.unitCode()).status()).isEqualTo(404);
  }

  @Test
  void theLeadershipGroupHasOneLeaderOrderedDeputiesAndKeepsWhoServedWhen() {
    JsonNode group = api.as("cdc").get("/api/v1/command/leadership").json();
    assertThat(group.get("serving").get(0).get("position").asString()).isEqualTo("LEADER");
    String leaderId = group.get("serving").get(0).get("id").asString();
    Api.Answer second = api.as("commander").post("/api/v1/command/leadership/members", Map.of("name", "第二组长",
        "position", "LEADER", "title", "市长"));
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.json().get("existingId").asString()).isEqualTo(leaderId);

    String name = "测试副组长" + UUID.randomUUID().toString().substring(0, 4);
    Api.Answer deputy = api.as("commander").post("/api/v1/command/leadership/members", Map.of("name", name,
        "position", "DEPUTY", "title", "副市长", "phone", "0571-87001234", "username", "cdc", "sortOrder", 0,
        "servedFrom", LocalDate.now(clock).minusDays(5).toString()));
    assertThat(deputy.status()).as(deputy.body()).isEqualTo(201);
    String id = deputy.json().get("id").asString();
    List<JsonNode> serving = new ArrayList<>();
    api.as("commander").get("/api/v1/command/leadership").json().get("serving").forEach(serving::add);
    List<String> positions = serving.stream().map(l -> l.get("position").asString()).toList();
    assertThat(positions.indexOf("DEPUTY")).isEqualTo(1);
    assertThat(positions.lastIndexOf("DEPUTY")).isLessThan(positions.indexOf("MEMBER"));
    assertThat(serving.stream().filter(l -> l.get("position").asString().equals("DEPUTY"))
        .map(l -> l.get("name").asString()).findFirst()).as("sortOrder 0 first").contains(name);
    // one serving member per account
    assertThat(api.as("commander").post("/api/v1/command/leadership/members", Map.of("name", "另一人",
        "position", "MEMBER", "username", "cdc")).json().get("existingId").asString()).isEqualTo(id);

    Api.Answer corrected = api.as("commander").put("/api/v1/command/leadership/members/" + id, Map.of("name", name,
        "position", "DEPUTY", "title", "常务副市长", "username", "cdc"));
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    assertThat(corrected.json().get("title").asString()).isEqualTo("常务副市长");
    assertThat(corrected.json().get("servedFrom").asString()).as("kept when not given")
        .isEqualTo(LocalDate.now(clock).minusDays(5).toString());

    assertThat(fields(api.as("commander").post("/api/v1/command/leadership/members/" + id + "/end",
        Map.of("servedUntil", LocalDate.now(clock).plusDays(1).toString())))).containsExactly("servedUntil");
    Api.Answer ended = api.as("commander").post("/api/v1/command/leadership/members/" + id + "/end", "{}");
    assertThat(ended.status()).as(ended.body()).isEqualTo(200);
    assertThat(ended.json().get("servedUntil").asString()).isEqualTo(LocalDate.now(clock).toString());
    JsonNode after = api.as("commander").get("/api/v1/command/leadership").json();
    assertThat(after.get("serving").toString()).doesNotContain(name);
    assertThat(after.get("former").get(0).get("name").asString()).isEqualTo(name);
    assertThat(api.as("commander").post("/api/v1/command/leadership/members/" + id + "/end", "{}").json()
        .get("currentState").asString()).isEqualTo("ENDED");
    assertThat(api.as("commander").put("/api/v1/command/leadership/members/" + id, Map.of("name", name,
        "position", "DEPUTY")).status()).isEqualTo(409);

    Map<String, Object> bad = new HashMap<>(Map.of("name", "", "phone", "abc", "username", "nobody-x",
        "servedFrom", LocalDate.now(clock).plusDays(3).toString()));
    assertThat(fields(api.as("commander").post("/api/v1/command/leadership/members", bad)))
        .containsExactlyInAnyOrder("name", "position", "phone", "username", "servedFrom");
    assertThat(api.as("cdc").post("/api/v1/command/leadership/members", Map.of("name", "x", "position", "MEMBER"))
        .status()).isEqualTo(403);
    assertThat(api.as("commander").post("/api/v1/command/leadership/members/" + UUID.randomUUID() + "/end", "{}")
        .status()).isEqualTo(404);
  }

  private Map<String, Object> task(String unitCode, String title) {
    return Map.of("unitCode", unitCode, "title", title, "deadline", OffsetDateTime.now(clock).plusDays(1).toString());
  }

  private JsonNode unit(String code) {
    for (JsonNode unit : api.as("commander").get("/api/v1/command/units").json()) {
      if (unit.get("code").asString().equals(code)) {
        return unit;
      }
    }
    throw new AssertionError("no unit " + code);
  }

  private List<String> pickerCodes() {
    String page = api.as("commander").get("/command/meetings/" + meetingId(), "text/html").body();
    List<String> codes = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<option value=\"([^\"]+)\"").matcher(page);
    while (m.find()) {
      codes.add(m.group(1));
    }
    return codes;
  }

  private String meetingId() {
    return api.as("commander").post("/api/v1/command/meetings", Map.of("number", "撤销测试" + UUID.randomUUID()
        .toString().substring(0, 6), "kind", "DISPATCH", "title", "调度会", "chair", "李卫东", "heldOn",
        LocalDate.now(clock).toString())).json().get("id").asString();
  }

  /** A unit's status in the completeness list of a day (default template), or null when not listed. */
  private String status(LocalDate day, String unitCode) {
    for (JsonNode row : api.as("commander").get("/api/v1/daily-reports/completeness?date=" + day).json()) {
      if (row.get("unitCode").asString().equals(unitCode)) {
        return row.get("status").asString();
      }
    }
    return null;
  }
}
