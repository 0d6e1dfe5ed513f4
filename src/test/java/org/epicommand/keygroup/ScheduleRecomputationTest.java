package org.epicommand.keygroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.epicommand.labtest.LabtestFixtures.RESULTS_HEADER;
import static org.epicommand.labtest.LabtestFixtures.TUBES_HEADER;
import static org.epicommand.labtest.LabtestFixtures.upload;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.keygroup.internal.ScheduleSql;
import org.epicommand.labtest.LabtestFixtures;
import org.epicommand.labtest.LatestTest;
import org.epicommand.labtest.LatestTests;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.ModuleEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one statement that recomputes schedules writes only the memberships whose schedule changes (their row
 * version, {@code xmin}, stays as it was otherwise), and answers a block's beginning once: a member blocked from
 * duty, then sampled negative, is unblocked by exactly one write and told again when blocked again; the blocks one
 * statement begins or lifts at several organisations are told in one event.
 */
@EpiCommandTest
@RecordApplicationEvents
class ScheduleRecomputationTest {

  @Autowired
  ApplicationEvents events;

  @Autowired
  Api api;

  @Autowired
  MemberSchedules schedules;

  @Autowired
  ScheduleSql sql;

  @Autowired
  LatestTests latest;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  javax.sql.DataSource dataSource;

  @Autowired
  org.springframework.transaction.PlatformTransactionManager transactions;

  @Test
  void aMemberWhoseScheduleStaysIsNotWritten() {
    String code = KeyGroupApiTest.group(api, "KR", Map.of("everyDays", 3));
    List<LabtestFixtures.Member> people = LabtestFixtures.persons(api, 2, OrganisationFixtures.COMMUNITY);
    String org = organisation();
    String never = member(code, org, people.get(0), 10);
    String sampled = member(code, org, people.get(1), 10);
    sample(people.get(1), Instant.now().minus(Duration.ofHours(3)));
    assertThat(row(sampled).get("state")).isEqualTo("UP_TO_DATE");
    assertThat(row(never).get("state")).isEqualTo("NEVER_TESTED");
    assertThat(action(sampled)).isNull();
    assertThat(action(never)).isEqualTo("NEVER_TESTED " + LocalDate.now(KeyGroupApiTest.ZONE).minusDays(10));
    Object neverVersion = row(never).get("xmin");
    Object sampledVersion = row(sampled).get("xmin");

    schedules.observe(List.of(person(people.get(0)), person(people.get(1))));
    assertThat(refresh(sampled, LocalDate.now(KeyGroupApiTest.ZONE))).isEmpty();
    assertThat(row(never).get("xmin")).isEqualTo(neverVersion);
    assertThat(row(sampled).get("xmin")).isEqualTo(sampledVersion);
    // the day passing does move it: due on its due day, written once
    LocalDate due = jdbc.sql("select next_due from keygroup_member where id = :id")
        .param("id", UUID.fromString(sampled)).query(LocalDate.class).single();
    assertThat(refresh(sampled, due)).extracting(ScheduleSql.Changed::after).containsExactly("DUE_TODAY");
    assertThat(action(sampled)).isEqualTo("DUE_TODAY " + due);
    assertThat(refresh(sampled, due)).isEmpty();
    assertThat(refresh(sampled, LocalDate.now(KeyGroupApiTest.ZONE))).extracting(ScheduleSql.Changed::after)
        .containsExactly("UP_TO_DATE");
    assertThat(action(sampled)).isNull();
  }

  @Test
  void aBatchsTimesArriveToTheMicrosecond() {
    String code = KeyGroupApiTest.group(api, "KU", Map.of("everyDays", 3));
    List<LabtestFixtures.Member> people = LabtestFixtures.persons(api, 2, OrganisationFixtures.COMMUNITY);
    String org = organisation();
    String positive = member(code, org, people.get(0), 10);
    String negative = member(code, org, people.get(1), 10);
    // the times go as microseconds since the epoch: none may be lost, the last one of a week least of all
    Instant sampled = Instant.parse("2026-11-30T16:00:00.123456Z");
    Instant earlier = Instant.parse("2026-11-29T15:59:59.999999Z");
    UUID first = person(people.get(0));
    UUID second = person(people.get(1));
    sql.observe(List.of(first, second), Map.of(
        first, new LatestTest(first, sampled, "POSITIVE", null, "/99/01/"),
        second, new LatestTest(second, earlier, "NEGATIVE", earlier, "/99/01/")),
        LocalDate.of(2026, 12, 1), KeyGroupApiTest.ZONE, OffsetDateTime.now());
    Map<String, Object> a = samplings(positive);
    assertThat(((java.sql.Timestamp) a.get("last_sampled_at")).toInstant()).isEqualTo(sampled);
    assertThat(a.get("last_negative_at")).isNull();
    // 00:00:00.123456 on Tuesday 1 December in the city's zone: that ISO week began Monday 30 November
    assertThat(a.get("week_start").toString()).isEqualTo("2026-11-30");
    Map<String, Object> b = samplings(negative);
    assertThat(((java.sql.Timestamp) b.get("last_negative_at")).toInstant()).isEqualTo(earlier);
    // 23:59:59.999999 on Sunday 29 November in the city's zone: still the week before
    assertThat(((java.sql.Timestamp) b.get("last_sampled_at")).toInstant()).isEqualTo(earlier);
    assertThat(b.get("week_start").toString()).isEqualTo("2026-11-23");
  }

  @Test
  void theMembersNeedingActionFollowTheMembershipsCorrectionAndRetirement() {
    String code = KeyGroupApiTest.group(api, "KM", Map.of("everyDays", 3));
    LabtestFixtures.Member person = LabtestFixtures.persons(api, 1, OrganisationFixtures.COMMUNITY).get(0);
    String member = member(code, organisation(), person, 10);
    assertThat(action(member)).isEqualTo("NEVER_TESTED " + LocalDate.now(KeyGroupApiTest.ZONE).minusDays(10));
    // moved to an organisation of another community: the row follows its division
    String elsewhere = OrganisationFixtures.register(api, "重算单位" + KeyGroupApiTest.tag(), "WAREHOUSE",
        DemoPlaces.NEIGHBOUR, null).json().get("creditCode").asString();
    Api.Answer corrected = api.as("district").put("/api/v1/key-groups/members/" + member,
        Map.of("organisation", elsewhere, "post", "搬运"));
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    assertThat(jdbc.sql("select jurisdiction_path from keygroup_member_action where member_id = :id")
        .param("id", UUID.fromString(member)).query(String.class).single())
        .isEqualTo(jdbc.sql("select jurisdiction_path from keygroup_member where id = :id")
            .param("id", UUID.fromString(member)).query(String.class).single()).contains(DemoPlaces.NEIGHBOUR);
    assertThat(api.as("district").post("/api/v1/key-groups/members/" + member + "/retire", Map.of()).status())
        .isEqualTo(200);
    assertThat(action(member)).isNull();
  }

  @Test
  void aBlockedMemberSampledNegativeIsUnblockedOnceAndToldAgainOfTheNextBlock() {
    String code = KeyGroupApiTest.group(api, "KB", Map.of("everyDays", 3, "blocksDays", 14));
    LabtestFixtures.Member person = LabtestFixtures.persons(api, 1, OrganisationFixtures.COMMUNITY).get(0);
    String org = organisation();
    String member = member(code, org, person, 30);
    sample(person, Instant.now().minus(Duration.ofDays(20)));
    assertThat(row(member).get("state")).isEqualTo("BLOCKED_FROM_DUTY");
    assertThat(row(member).get("blocked_notified_at")).isNotNull();
    assertThat(action(member)).startsWith("BLOCKED_FROM_DUTY ");
    Object blockedVersion = row(member).get("xmin");
    schedules.observe(List.of(person(person)));
    assertThat(row(member).get("xmin")).isEqualTo(blockedVersion);

    sample(person, Instant.now().minus(Duration.ofHours(2)));
    LocalDate today = LocalDate.now(KeyGroupApiTest.ZONE);
    assertThat(row(member).get("state")).isEqualTo("UP_TO_DATE");
    assertThat(row(member).get("blocked_notified_at")).isNull();
    assertThat(action(member)).isNull();
    Object unblockedVersion = row(member).get("xmin");
    assertThat(sql.observe(List.of(person(person)), latest.of(List.of(person(person))), today,
        KeyGroupApiTest.ZONE, OffsetDateTime.now())).isEmpty();
    assertThat(row(member).get("xmin")).isEqualTo(unblockedVersion);

    // no negative within the 14 days again: a new block, told (its beginning answered) once
    List<ScheduleSql.Changed> blockedAgain = refresh(member, today.plusDays(20));
    assertThat(blockedAgain).singleElement().satisfies(c -> {
      assertThat(c.before()).isEqualTo("UP_TO_DATE");
      assertThat(c.after()).isEqualTo("BLOCKED_FROM_DUTY");
      assertThat(c.newlyBlocked()).isTrue();
      assertThat(c.organisationCode()).isEqualTo(org);
    });
    assertThat(refresh(member, today.plusDays(21))).isEmpty();
    assertThat(refresh(member, today)).singleElement().satisfies(c -> {
      assertThat(c.after()).isEqualTo("UP_TO_DATE");
      assertThat(c.newlyBlocked()).isFalse();
    });
    assertThat(row(member).get("blocked_notified_at")).isNull();
  }

  @Test
  void theBlocksOneStatementBeginsAtTwoOrganisationsAreToldInOneEvent() {
    String code = KeyGroupApiTest.group(api, "KT", Map.of("everyDays", 3, "blocksDays", 14));
    List<LabtestFixtures.Member> people = LabtestFixtures.persons(api, 2, OrganisationFixtures.COMMUNITY);
    String first = organisation();
    String second = organisation();
    member(code, first, people.get(0), 30);
    member(code, second, people.get(1), 30);
    sample(people.get(0), Instant.now().minus(Duration.ofHours(3)));
    sample(people.get(1), Instant.now().minus(Duration.ofHours(3)));
    events.clear();

    // twenty days on, no negative within the 14 days: one statement blocks both, told once for both organisations
    schedules.refreshGroup(code, LocalDate.now(KeyGroupApiTest.ZONE).plusDays(20));
    assertThat(events.stream(KeyGroupBlocksChanged.class)).singleElement().satisfies(told -> {
      assertThat(told.unblocked()).isEmpty();
      assertThat(told.blocked()).extracting(KeyGroupMembersBlocked::organisationCode)
          .containsExactlyInAnyOrder(first, second);
      assertThat(told.blocked()).flatExtracting(KeyGroupMembersBlocked::members)
          .extracting(KeyGroupMembersBlocked.BlockedMember::personId)
          .containsExactlyInAnyOrder(people.get(0).personId(), people.get(1).personId());
    });
    // as of today again: both lifted, told once
    events.clear();
    schedules.refreshGroup(code, LocalDate.now(KeyGroupApiTest.ZONE));
    assertThat(events.stream(KeyGroupBlocksChanged.class)).singleElement().satisfies(told -> {
      assertThat(told.blocked()).isEmpty();
      assertThat(told.unblocked()).extracting(KeyGroupMembersUnblocked::organisationCode)
          .containsExactlyInAnyOrder(first, second);
    });
  }

  /**
   * A schedule statement that PostgreSQL chooses to lose a deadlock runs again, in its savepoint, after the other
   * transaction. Here a group's sweep (in a transaction, as the nightly one) has written both memberships and waits
   * for the row among the members needing action that another transaction inserted first; that one then asks for a
   * membership the sweep wrote. The sweep, waiting longer, is the one PostgreSQL stops (should the machine stall for
   * over a second between the two waits, the other one is, and the scene is played again).
   */
  @Test
  void aScheduleStatementThatLosesADeadlockRunsAgain() throws Exception {
    String code = KeyGroupApiTest.group(api, "KD", Map.of("everyDays", 3));
    List<LabtestFixtures.Member> people = LabtestFixtures.persons(api, 2, OrganisationFixtures.COMMUNITY);
    String org = organisation();
    String first = member(code, org, people.get(0), 10);
    String second = member(code, org, people.get(1), 10);
    LocalDate today = LocalDate.now(KeyGroupApiTest.ZONE);
    Instant at = Instant.now().minus(Duration.ofHours(3));
    Map<UUID, LatestTest> tests = new HashMap<>();
    people.forEach(p -> tests.put(person(p), new LatestTest(person(p), at, "NEGATIVE", at, "/99/01/")));
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    java.util.concurrent.ExecutorService sweeper = java.util.concurrent.Executors.newSingleThreadExecutor();
    boolean sweepLost = false;
    try {
      for (int scene = 0; scene < 3 && !sweepLost; scene++) {
        sql.observe(tests.keySet(), tests, today, KeyGroupApiTest.ZONE, OffsetDateTime.now());
        assertThat(action(first)).isNull();
        try (java.sql.Connection other = dataSource.getConnection()) {
          other.setAutoCommit(false);
          // five days on, both are overdue: the other transaction writes the first one's row needing action first
          update(other, "insert into keygroup_member_action (member_id, state, next_due, jurisdiction_path)"
              + " select id, 'OVERDUE', next_due, jurisdiction_path from keygroup_member where id = ?", first);
          java.util.concurrent.Future<List<ScheduleSql.Changed>> sweep = sweeper.submit(() -> transaction.execute(
              s -> sql.refresh("m.group_code = :code", spec -> spec.param("code", code), today.plusDays(5),
                  KeyGroupApiTest.ZONE, OffsetDateTime.now())));
          int otherPid = pid(other);
          await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5)).until(() -> jdbc.sql(
              "select count(*) > 0 from pg_stat_activity where :pid = any(pg_blocking_pids(pid))")
              .param("pid", otherPid).query(Boolean.class).single());
          try {
            update(other, "update keygroup_member set post = '夜班' where id = ?", second);
            sweepLost = true;
            assertThat(sweep.isDone()).as("the sweep runs again, after the other transaction").isFalse();
            other.commit();
          } catch (java.sql.SQLException e) {
            assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("40P01");
            other.rollback();
          }
          assertThat(sweep.get(30, java.util.concurrent.TimeUnit.SECONDS)).extracting(ScheduleSql.Changed::after)
              .containsExactly("OVERDUE", "OVERDUE");
        }
        if (!sweepLost) {
          refresh(first, today);
          refresh(second, today);
        }
      }
    } finally {
      sweeper.shutdownNow();
    }
    assertThat(sweepLost).as("the sweep lost the deadlock in one of three scenes").isTrue();
    String overdue = "OVERDUE " + LocalDate.ofInstant(at, KeyGroupApiTest.ZONE).plusDays(3);
    assertThat(action(first)).isEqualTo(overdue);
    assertThat(action(second)).isEqualTo(overdue);
    assertThat(jdbc.sql("select post from keygroup_member where id = :id").param("id", UUID.fromString(second))
        .query(String.class).single()).isEqualTo("夜班");
    schedules.refreshGroup(code);
  }

  /**
   * A batch's statement waits for a membership another transaction holds, and that transaction deleted the member's
   * row needing action (as a statement does for a member it found up to date): once it commits, the batch finds the
   * member overdue, and its row needing action is written again — the update through the key finds it gone, so the
   * insert puts it back.
   */
  @Test
  void aRowNeedingActionDeletedMeanwhileIsWrittenAgain() throws Exception {
    String code = KeyGroupApiTest.group(api, "KR", Map.of("everyDays", 3));
    LabtestFixtures.Member m = LabtestFixtures.persons(api, 1, OrganisationFixtures.COMMUNITY).get(0);
    String member = member(code, organisation(), m, 10);
    assertThat(action(member)).startsWith("NEVER_TESTED");
    LocalDate today = LocalDate.now(KeyGroupApiTest.ZONE);
    Instant at = Instant.now().minus(Duration.ofDays(5));
    Map<UUID, LatestTest> tests = Map.of(person(m), new LatestTest(person(m), at, "NEGATIVE", at, "/99/01/"));
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    java.util.concurrent.ExecutorService batch = java.util.concurrent.Executors.newSingleThreadExecutor();
    try (java.sql.Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      update(other, "update keygroup_member set post = '白班' where id = ?", member);
      update(other, "delete from keygroup_member_action where member_id = ?", member);
      java.util.concurrent.Future<List<ScheduleSql.Changed>> observed = batch.submit(() -> transaction.execute(
          s -> sql.observe(tests.keySet(), tests, today, KeyGroupApiTest.ZONE, OffsetDateTime.now())));
      int otherPid = pid(other);
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5)).until(() -> jdbc.sql(
          "select count(*) > 0 from pg_stat_activity where :pid = any(pg_blocking_pids(pid))")
          .param("pid", otherPid).query(Boolean.class).single());
      assertThat(observed.isDone()).as("the batch waits for the membership").isFalse();
      other.commit();
      observed.get(30, java.util.concurrent.TimeUnit.SECONDS);
    } finally {
      batch.shutdownNow();
    }
    assertThat(action(member)).isEqualTo("OVERDUE " + LocalDate.ofInstant(at, KeyGroupApiTest.ZONE).plusDays(3));
    assertThat(jdbc.sql("select post from keygroup_member where id = :id").param("id", UUID.fromString(member))
        .query(String.class).single()).isEqualTo("白班");
  }

  private static void update(java.sql.Connection connection, String statement, String id)
      throws java.sql.SQLException {
    try (java.sql.PreparedStatement update = connection.prepareStatement(statement)) {
      update.setObject(1, UUID.fromString(id));
      update.executeUpdate();
    }
  }

  private static int pid(java.sql.Connection connection) throws java.sql.SQLException {
    try (java.sql.Statement query = connection.createStatement();
        java.sql.ResultSet rs = query.executeQuery("select pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private List<ScheduleSql.Changed> refresh(String member, LocalDate today) {
    return sql.refresh("m.id = :member", s -> s.param("member", UUID.fromString(member)), today,
        KeyGroupApiTest.ZONE, OffsetDateTime.now());
  }

  /** A negative sampling at {@code at}, its results batch handled by the schedules' listener. */
  private void sample(LabtestFixtures.Member m, Instant time) {
    Instant at = time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    String barcode = "K" + KeyGroupApiTest.tag();
    upload(api, "lab", "tubes", TUBES_HEADER + barcode + ",SINGLE,RESIDENT_ID," + m.idNumber() + ",S990101001001,"
        + at + "\n");
    upload(api, "lab", "results", RESULTS_HEADER + barcode + ",NEGATIVE,,,LAB01," + at.plusSeconds(3600) + "\n");
    await().atMost(Duration.ofSeconds(15)).until(() -> ModuleEvents.handled(jdbc, "keygroup.internal.ScheduleJobs",
        m.personId()) && latest.of(List.of(person(m))).get(person(m)).lastSampledAt().equals(at));
    schedules.observe(List.of(person(m)));
  }

  /** The member's row among those needing action, as "STATE next_due" ({@code null}: none). */
  private String action(String member) {
    return jdbc.sql("select state || ' ' || coalesce(next_due::text, '-') from keygroup_member_action"
        + " where member_id = :id").param("id", UUID.fromString(member)).query(String.class).optional()
        .orElse(null);
  }

  private Map<String, Object> samplings(String member) {
    return jdbc.sql("select last_sampled_at, last_negative_at, week_start from keygroup_member where id = :id")
        .param("id", UUID.fromString(member)).query().singleRow();
  }

  private Map<String, Object> row(String member) {
    return jdbc.sql("select state, blocked_notified_at, xmin::text as xmin from keygroup_member where id = :id")
        .param("id", UUID.fromString(member)).query().singleRow();
  }

  private String member(String code, String org, LabtestFixtures.Member m, int daysAgo) {
    Map<String, Object> body = new HashMap<>(Map.of("personId", m.personId(), "organisation", org));
    body.put("from", LocalDate.now(KeyGroupApiTest.ZONE).minusDays(daysAgo).toString());
    Api.Answer added = api.as("district").post("/api/v1/key-groups/" + code + "/members", body);
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    return added.json().get("id").asString();
  }

  private String organisation() {
    return OrganisationFixtures.register(api, "重算单位" + KeyGroupApiTest.tag(), "WAREHOUSE",
        OrganisationFixtures.COMMUNITY, null).json().get("creditCode").asString();
  }

  private static UUID person(LabtestFixtures.Member m) {
    return UUID.fromString(m.personId());
  }
}
