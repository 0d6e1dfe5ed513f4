package org.epicommand.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.epicommand.labtest.LabtestFixtures.RESULTS_HEADER;
import static org.epicommand.labtest.LabtestFixtures.TUBES_HEADER;
import static org.epicommand.labtest.LabtestFixtures.upload;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.keygroup.KeyGroupBlocksChanged;
import org.epicommand.keygroup.KeyGroupMembersBlocked;
import org.epicommand.keygroup.KeyGroupMembersUnblocked;
import org.epicommand.keygroup.MemberSchedules;
import org.epicommand.labtest.LabtestFixtures;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.ModuleEvents;
import org.epicommand.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import tools.jackson.databind.JsonNode;

/**
 * C2 on the ledger: a key-group member blocked from duty (no negative within 14 days) has their staff row at that
 * organisation marked not cleared and taken off duty, with the reason shown; a republished block changes nothing;
 * a later negative lifts the mark and the quarantine rule alone decides again (cleared, back on duty when put
 * there) — only when no other group blocks the person there; someone blocked already is marked when put on the
 * ledger or imported into it, also when the block began only since the last sweep (the day passed).
 */
@EpiCommandTest
@EnableScenarios
class DutyBlocksTest {

  private static final String LISTENER = "enterprise.DutyBlocks";
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  MemberSchedules schedules;
  @Autowired
  MovableClock clock;

  @AfterEach
  void realTimeAgain() {
    clock.reset();
  }

  @Test
  void aBlockedMemberIsNotClearedUntilANegativeLiftsTheMark(Scenario scenario) {
    String tag = Long.toString(System.nanoTime() % 100_000_000L);
    String code = "DB" + tag;
    assertThat(api.as("cdc").post("/api/v1/key-groups", Map.of("code", code, "name", "停岗人群" + code, "schedule",
        Map.of("everyDays", 3, "blocksDays", 14))).status()).isEqualTo(201);
    ReopeningFixtures.Org org = ReopeningFixtures.organisation(api, "停岗返岗单位" + tag, "WAREHOUSE", null);
    LabtestFixtures.Member member = LabtestFixtures.persons(api, 1, OrganisationFixtures.COMMUNITY).get(0);
    Map<String, Object> staffBody = new HashMap<>(Map.of("name", "检测0", "idType", "RESIDENT_ID", "idNumber",
        member.idNumber(), "post", "装卸", "onDuty", true));
    Api.Answer added = org.asContact().post("/api/v1/organisations/" + org.id() + "/staff", staffBody);
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    String staffUrl = "/api/v1/organisations/" + org.id() + "/staff/" + added.json().get("id").asString();
    assertThat(added.json().get("cleared").asBoolean()).isTrue();
    String barcode = "DB" + tag;
    Instant old = Instant.now().minus(Duration.ofDays(20));
    upload(api, "lab", "tubes", TUBES_HEADER + barcode + ",SINGLE,RESIDENT_ID," + member.idNumber()
        + ",S990101001001," + old + "\n");
    upload(api, "lab", "results", RESULTS_HEADER + barcode + ",NEGATIVE,,,LAB01," + old.plusSeconds(6 * 3600) + "\n");

    Map<String, Object> membership = new HashMap<>(Map.of("personId", member.personId(), "organisation",
        org.creditCode(), "from", LocalDate.now(ZONE).minusDays(30).toString()));
    scenario.stimulate(() -> api.as("district").post("/api/v1/key-groups/" + code + "/members", membership))
        .andWaitForStateChange(() -> ModuleEvents.handled(jdbc, LISTENER, member.personId()), Boolean.TRUE::equals)
        .andVerify(handled -> {
          JsonNode row = org.asContact().get(staffUrl).json();
          assertThat(row.get("cleared").asBoolean()).isFalse();
          assertThat(row.get("onDuty").asBoolean()).as("taken off duty").isFalse();
          assertThat(row.get("blockedDays").asInt()).isEqualTo(14);
          assertThat(row.get("blockedFromDutyAt").isNull()).isFalse();
        });
    assertThat(org.asContact().get("/organisations/" + org.id() + "/staff", "text/html").body())
        .contains("14 天内无阴性结果，暂停上岗", "暂停上岗");
    JsonNode summary = org.asContact().get("/api/v1/organisations/" + org.id() + "/staff/summary").json();
    assertThat(summary.get("onDuty").asInt()).isZero();
    assertThat(org.asContact().get("/api/v1/organisations/" + org.id() + "/staff?cleared=false").json().get("items")
        .size()).isEqualTo(1);
    staffBody.put("onDuty", true);
    Api.Answer refused = org.asContact().put(staffUrl, staffBody);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("detail").asString()).contains("暂停上岗");
    assertThat(audits(added.json().get("id").asString(), "blocked%")).isEqualTo(1L);

    // the same block told again changes nothing
    scenario.publish(KeyGroupBlocksChanged.of(new KeyGroupMembersBlocked(org.creditCode(), List.of("检测0"), List.of(
        new KeyGroupMembersBlocked.BlockedMember(member.personId(), "检测0", code, 14)))))
        .andWaitForStateChange(() -> ModuleEvents.handled(jdbc, LISTENER, member.personId()), Boolean.TRUE::equals)
        .andVerify(handled -> assertThat(audits(added.json().get("id").asString(), "blocked%")).isEqualTo(1L));

    // a negative today: the block lifts, the quarantine rule alone decides (cleared), duty as the contact sets it
    String fresh = "DC" + tag;
    Instant now = Instant.now().minus(Duration.ofHours(2));
    upload(api, "lab", "tubes", TUBES_HEADER + fresh + ",SINGLE,RESIDENT_ID," + member.idNumber()
        + ",S990101001001," + now + "\n");
    scenario.stimulate(() -> {
      upload(api, "lab", "results", RESULTS_HEADER + fresh + ",NEGATIVE,,,LAB01," + now.plusSeconds(3600) + "\n");
      schedules.observe(List.of(UUID.fromString(member.personId())));
    }).andWaitForStateChange(() -> org.asContact().get(staffUrl).json().get("cleared").asBoolean(),
        Boolean.TRUE::equals).andVerify(cleared -> {
          JsonNode row = org.asContact().get(staffUrl).json();
          assertThat(row.get("blockedFromDutyAt").isNull()).isTrue();
          assertThat(row.get("onDuty").asBoolean()).isFalse();
        });
    assertThat(audits(added.json().get("id").asString(), "block from duty lifted")).isEqualTo(1L);
    assertThat(org.asContact().put(staffUrl, staffBody).json().get("onDuty").asBoolean()).isTrue();
    assertThat(org.asContact().get("/organisations/" + org.id() + "/staff", "text/html").body())
        .doesNotContain("天内无阴性结果，暂停上岗");
  }

  @Test
  void theMarkStaysWhileAnotherGroupStillBlocksThePerson() {
    String tag = Long.toString(System.nanoTime() % 100_000_000L);
    String wide = group("DW" + tag, 14);
    String narrow = group("DN" + tag, 7);
    ReopeningFixtures.Org org = ReopeningFixtures.organisation(api, "双组停岗单位" + tag, "WAREHOUSE", null);
    LabtestFixtures.Member member = LabtestFixtures.persons(api, 1, OrganisationFixtures.COMMUNITY).get(0);
    Api.Answer added = org.asContact().post("/api/v1/organisations/" + org.id() + "/staff", Map.of("name", "检测0",
        "idType", "RESIDENT_ID", "idNumber", member.idNumber(), "post", "装卸", "onDuty", true));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    String staffId = added.json().get("id").asString();
    String staffUrl = "/api/v1/organisations/" + org.id() + "/staff/" + staffId;
    oldNegative(member, "DW" + tag);
    join(wide, member, org);
    join(narrow, member, org);
    await().atMost(Duration.ofSeconds(20)).until(() -> ModuleEvents.handled(jdbc, LISTENER, member.personId())
        && !org.asContact().get(staffUrl).json().get("cleared").asBoolean());

    // the wide group drops its blocking days: its block lifts, the narrow group's still holds
    edition(wide, Map.of("everyDays", 3));
    await().atMost(Duration.ofSeconds(20)).until(() -> audits(staffId, "still blocked%") == 1L
        && ModuleEvents.handled(jdbc, LISTENER, member.personId()));
    JsonNode row = org.asContact().get(staffUrl).json();
    assertThat(row.get("cleared").asBoolean()).as("blocked in the narrow group still").isFalse();
    assertThat(row.get("blockedFromDutyAt").isNull()).isFalse();
    assertThat(row.get("blockedDays").asInt()).as("the narrow group's days").isEqualTo(7);
    assertThat(audits(staffId, "block from duty lifted")).isZero();

    // and then the narrow one: blocked in no group, the mark goes
    edition(narrow, Map.of("everyDays", 3));
    await().atMost(Duration.ofSeconds(20)).until(() -> org.asContact().get(staffUrl).json().get("cleared")
        .asBoolean());
    assertThat(org.asContact().get(staffUrl).json().get("blockedDays").isNull()).isTrue();
    assertThat(audits(staffId, "block from duty lifted")).isEqualTo(1L);
  }

  @Test
  void someoneBlockedAlreadyIsMarkedWhenPutOnTheLedgerOrImported() {
    Joined blocked = joined("DA", "先停岗后返岗单位", 20);
    JsonNode added = addedBlocked(blocked.org(), blocked.members().get(0));
    String by = "blocked from duty by key group " + blocked.code();
    assertThat(audits(added.get("id").asString(), by)).isEqualTo(1L);

    String roster = roster(blocked.org(), blocked.members().get(1));
    JsonNode row = importedBlocked(blocked.org(), roster);
    assertThat(audits(row.get("id").asString(), by)).isEqualTo(1L);
    Api.Answer again = blocked.org().asContact().upload("/api/v1/imports/staff-roster?wait=true", "roster.csv",
        roster.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(again.json().get("rowsAlreadyPresent").asInt()).as(again.body()).isEqualTo(1);
    assertThat(audits(row.get("id").asString(), "blocked%")).isEqualTo(1L);
  }

  @Test
  void aBlockBegunSinceTheLastSweepCountsWhenPutOnTheLedgerOrImported() {
    Joined joined = joined("DS", "隔夜停岗单位", 10);
    String code = joined.code();
    ReopeningFixtures.Org org = joined.org();
    List<LabtestFixtures.Member> members = joined.members();
    for (LabtestFixtures.Member member : members) {
      assertThat(state(code, member)).as("a negative 10 days ago, within the 14").isEqualTo("OVERDUE");
    }
    // five days on, before the night's sweep: the negative lies 15 days back, the stored states say overdue still
    clock.moveTo(Instant.now().plus(Duration.ofDays(5)));
    JsonNode added = addedBlocked(org, members.get(0));
    JsonNode row = importedBlocked(org, roster(org, members.get(1)));

    // the blocks begun are stored and told once: the ledger's listener, hearing them, marks nothing twice
    for (LabtestFixtures.Member member : members) {
      assertThat(state(code, member)).isEqualTo("BLOCKED_FROM_DUTY");
      assertThat(jdbc.sql("select a.state from keygroup_member_action a join keygroup_member m on m.id = a.member_id"
          + " where m.group_code = ? and m.person_id = ?::uuid").params(code, member.personId()).query(String.class)
          .single()).isEqualTo("BLOCKED_FROM_DUTY");
      await().atMost(Duration.ofSeconds(20)).until(() -> ModuleEvents.handled(jdbc, LISTENER, member.personId()));
    }
    assertThat(audits(added.get("id").asString(), "blocked%")).isEqualTo(1L);
    assertThat(audits(row.get("id").asString(), "blocked%")).isEqualTo(1L);

    // a negative lands before the night's sweep: the block the question stored is lifted, and so is the mark (had the
    // question only read, the membership would never have been blocked, the lift never told, the mark kept for good)
    String staffUrl = "/api/v1/organisations/" + org.id() + "/staff/" + added.get("id").asString();
    negative(members.get(0), "DL" + Long.toString(System.nanoTime() % 100_000_000L), 0);
    await().atMost(Duration.ofSeconds(20)).until(() -> org.asContact().get(staffUrl).json().get("cleared")
        .asBoolean());
    assertThat(state(code, members.get(0))).isNotEqualTo("BLOCKED_FROM_DUTY");
    assertThat(org.asContact().get(staffUrl).json().get("blockedFromDutyAt").isNull()).isTrue();
    assertThat(audits(added.get("id").asString(), "block from duty lifted")).isEqualTo(1L);
  }

  /**
   * One event for blocks at two organisations (a results batch's): both rows marked, each with its group's days and
   * one audit line, the row typed before its holder was registered linked first; then one event lifting both.
   */
  @Test
  void oneEventMarksAndLiftsAtSeveralOrganisationsAndLinksRowsTypedBeforeRegistration(Scenario scenario) {
    String tag = Long.toString(System.nanoTime() % 100_000_000L);
    ReopeningFixtures.Org first = ReopeningFixtures.organisation(api, "批量停岗甲" + tag, "WAREHOUSE", null);
    ReopeningFixtures.Org second = ReopeningFixtures.organisation(api, "批量停岗乙" + tag, "WAREHOUSE", null);
    List<LabtestFixtures.Member> members = LabtestFixtures.persons(api, 2, OrganisationFixtures.COMMUNITY);
    String atFirst = staffRow(first, members.get(0), "检测0");
    String atSecond = staffRow(second, members.get(1), "检测1");
    jdbc.sql("update enterprise_staff set person_id = null where id = ?::uuid").params(atSecond).update();

    KeyGroupBlocksChanged blocked = new KeyGroupBlocksChanged(List.of(
        new KeyGroupMembersBlocked(first.creditCode(), List.of("检测0"), List.of(new KeyGroupMembersBlocked
            .BlockedMember(members.get(0).personId(), "检测0", "GA" + tag, 14))),
        new KeyGroupMembersBlocked(second.creditCode(), List.of("检测1"), List.of(new KeyGroupMembersBlocked
            .BlockedMember(members.get(1).personId(), "检测1", "GB" + tag, 7)))), List.of());
    scenario.publish(blocked).andWaitForStateChange(() -> ModuleEvents.handled(jdbc, LISTENER, "GB" + tag),
        Boolean.TRUE::equals).andVerify(handled -> assertThat(handled).isTrue());
    JsonNode one = first.asContact().get("/api/v1/organisations/" + first.id() + "/staff/" + atFirst).json();
    JsonNode two = second.asContact().get("/api/v1/organisations/" + second.id() + "/staff/" + atSecond).json();
    assertThat(one.get("blockedDays").asInt()).isEqualTo(14);
    assertThat(one.get("onDuty").asBoolean()).isFalse();
    assertThat(two.get("blockedDays").asInt()).as("its own group's days").isEqualTo(7);
    assertThat(jdbc.sql("select person_id::text from enterprise_staff where id = ?::uuid").params(atSecond)
        .query(String.class).single()).as("linked before marked").isEqualTo(members.get(1).personId());
    assertThat(audits(atFirst, "blocked from duty by key group GA" + tag + ", off duty")).isEqualTo(1L);
    assertThat(audits(atSecond, "blocked from duty by key group GB" + tag + ", off duty")).isEqualTo(1L);
    assertThat(jdbc.sql("select count(distinct username) from audit_event where subject_id in (?, ?)"
        + " and detail like 'blocked%' and username = 'system'").params(atFirst, atSecond).query(Long.class)
        .single()).isEqualTo(1L);
    assertThat(second.asContact().get("/api/v1/organisations/" + second.id() + "/staff/summary").json()
        .get("onDuty").asInt()).as("the organisation's figures recounted").isZero();

    // neither is blocked by any group now: one event lifts both marks
    scenario.publish(new KeyGroupBlocksChanged(List.of(), List.of(
        new KeyGroupMembersUnblocked(first.creditCode(), List.of(members.get(0).personId())),
        new KeyGroupMembersUnblocked(second.creditCode(), List.of(members.get(1).personId())))))
        .andWaitForStateChange(() -> audits(atSecond, "block from duty lifted"), n -> n == 1L)
        .andVerify(lifted -> assertThat(lifted).isEqualTo(1L));
    assertThat(audits(atFirst, "block from duty lifted")).isEqualTo(1L);
    assertThat(first.asContact().get("/api/v1/organisations/" + first.id() + "/staff/" + atFirst).json()
        .get("blockedFromDutyAt").isNull()).isTrue();
  }

  /** A staff row of the member at the organisation, on duty; its id. */
  private String staffRow(ReopeningFixtures.Org org, LabtestFixtures.Member member, String name) {
    Api.Answer added = org.asContact().post("/api/v1/organisations/" + org.id() + "/staff", Map.of("name", name,
        "idType", "RESIDENT_ID", "idNumber", member.idNumber(), "post", "装卸", "onDuty", true));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    return added.json().get("id").asString();
  }

  /** A key group (14 blocking days), an organisation, and two persons on it in the group. */
  private record Joined(String code, ReopeningFixtures.Org org, List<LabtestFixtures.Member> members) {}

  /**
   * A group of 14 blocking days and an organisation, and two persons each sampled negative {@code daysAgo} days ago
   * (the results taken into the schedules), then joined to the group at the organisation.
   */
  private Joined joined(String prefix, String organisationName, int daysAgo) {
    String tag = Long.toString(System.nanoTime() % 100_000_000L);
    String code = group(prefix + tag, 14);
    ReopeningFixtures.Org org = ReopeningFixtures.organisation(api, organisationName + tag, "WAREHOUSE", null);
    List<LabtestFixtures.Member> members = LabtestFixtures.persons(api, 2, OrganisationFixtures.COMMUNITY);
    for (int i = 0; i < 2; i++) {
      LabtestFixtures.Member member = members.get(i);
      negative(member, prefix + i + tag, daysAgo);
      await().atMost(Duration.ofSeconds(20)).until(() -> ModuleEvents.handled(jdbc, "keygroup.internal.ScheduleJobs",
          member.personId()));
      join(code, member, org);
    }
    return new Joined(code, org, members);
  }

  /** Puts the blocked member on the ledger: refused on duty (409), added off duty and marked at once. */
  private JsonNode addedBlocked(ReopeningFixtures.Org org, LabtestFixtures.Member member) {
    String staff = "/api/v1/organisations/" + org.id() + "/staff";
    Map<String, Object> body = new HashMap<>(Map.of("name", "检测0", "idType", "RESIDENT_ID", "idNumber",
        member.idNumber(), "post", "装卸", "onDuty", true));
    Api.Answer refused = org.asContact().post(staff, body);
    assertThat(refused.status()).as("blocked: not on duty").isEqualTo(409);
    assertThat(refused.json().get("detail").asString()).contains("暂停上岗");
    body.put("onDuty", false);
    Api.Answer added = org.asContact().post(staff, body);
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.json().get("cleared").asBoolean()).as("marked at once").isFalse();
    assertThat(added.json().get("blockedDays").asInt()).isEqualTo(14);
    assertThat(added.json().get("blockedFromDutyAt").isNull()).isFalse();
    return added.json();
  }

  /** A roster of one row (on duty): the member as 检测1 at the organisation. */
  private static String roster(ReopeningFixtures.Org org, LabtestFixtures.Member member) {
    return "creditCode,idType,idNumber,name,phone,post,returnedFrom,returnedOn\n" + org.creditCode()
        + ",RESIDENT_ID," + member.idNumber() + ",检测1,,仓库,,\n";
  }

  /** Imports the roster of a blocked member: stored off duty, marked; the ledger has nobody on duty. */
  private JsonNode importedBlocked(ReopeningFixtures.Org org, String roster) {
    String staff = "/api/v1/organisations/" + org.id() + "/staff";
    Api.Answer imported = org.asContact().upload("/api/v1/imports/staff-roster?wait=true", "roster.csv",
        roster.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(imported.json().get("rowsImported").asInt()).as(imported.body()).isEqualTo(1);
    JsonNode row = org.asContact().get(staff + "?cleared=false").json().get("items").valueStream()
        .filter(r -> r.get("name").asString().equals("检测1")).findFirst().orElseThrow();
    assertThat(row.get("onDuty").asBoolean()).as("imported on duty, blocked: off duty").isFalse();
    assertThat(row.get("blockedDays").asInt()).isEqualTo(14);
    assertThat(org.asContact().get(staff + "/summary").json().get("onDuty").asInt()).isZero();
    return row;
  }

  private String state(String group, LabtestFixtures.Member member) {
    return jdbc.sql("select state from keygroup_member where group_code = ? and person_id = ?::uuid"
        + " and retired_at is null").params(group, member.personId()).query(String.class).single();
  }

  private String group(String code, int blocksDays) {
    Api.Answer created = api.as("cdc").post("/api/v1/key-groups", Map.of("code", code, "name", "停岗人群" + code,
        "schedule", Map.of("everyDays", 3, "blocksDays", blocksDays)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return code;
  }

  private void edition(String group, Map<String, Object> schedule) {
    Api.Answer added = api.as("cdc").post("/api/v1/key-groups/" + group + "/schedules", schedule);
    assertThat(added.status()).as(added.body()).isLessThan(300);
  }

  /** A negative 20 days ago, the person's only test. */
  private void oldNegative(LabtestFixtures.Member member, String barcode) {
    negative(member, barcode, 20);
  }

  /** A negative {@code daysAgo} days ago, the person's only test. */
  private void negative(LabtestFixtures.Member member, String barcode, int daysAgo) {
    Instant old = Instant.now().minus(Duration.ofDays(daysAgo));
    upload(api, "lab", "tubes", TUBES_HEADER + barcode + ",SINGLE,RESIDENT_ID," + member.idNumber()
        + ",S990101001001," + old + "\n");
    upload(api, "lab", "results", RESULTS_HEADER + barcode + ",NEGATIVE,,,LAB01," + old.plusSeconds(6 * 3600) + "\n");
  }

  private void join(String group, LabtestFixtures.Member member, ReopeningFixtures.Org org) {
    Api.Answer joined = api.as("district").post("/api/v1/key-groups/" + group + "/members", Map.of("personId",
        member.personId(), "organisation", org.creditCode(), "from", LocalDate.now(ZONE).minusDays(30).toString()));
    assertThat(joined.status()).as(joined.body()).isEqualTo(201);
  }

  private long audits(String staffId, String detail) {
    return jdbc.sql("select count(*) from audit_event where subject_type = 'STAFF_MEMBER' and subject_id = ?"
        + " and detail like ?").params(staffId, detail).query(Long.class).single();
  }
}
