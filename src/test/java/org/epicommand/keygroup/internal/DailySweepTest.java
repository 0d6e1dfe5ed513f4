package org.epicommand.keygroup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.keygroup.MemberSchedules;
import org.epicommand.labtest.LabtestFixtures;
import org.epicommand.labtest.LatestTest;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.platform.DailyRuns;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The day's sweep runs once a day and catches up when its hour was missed: with no record of today's sweep (the
 * platform down at midnight, or a run that failed, which is not recorded) it sweeps as of today — a member sampled
 * five days ago on a three-day schedule, left up to date as of then, comes out overdue — and records the day with
 * what it moved; asked again the same day it does nothing.
 */
@EpiCommandTest
class DailySweepTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Autowired
  Api api;

  @Autowired
  MemberSchedules schedules;

  @Autowired
  ScheduleSql sql;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  DailyRuns runs;

  @Test
  void aMissedSweepRunsWhenThePlatformIsBackAndOnlyOnceADay() {
    String code = everyThreeDays("KS", "补扫人群");
    LabtestFixtures.Member person = LabtestFixtures.persons(api, 1, OrganisationFixtures.COMMUNITY).get(0);
    String org = OrganisationFixtures.register(api, "补扫单位" + code, "WAREHOUSE", OrganisationFixtures.COMMUNITY,
        null).json().get("creditCode").asString();
    LocalDate today = LocalDate.now(ZONE);
    Api.Answer member = api.as("district").post("/api/v1/key-groups/" + code + "/members", Map.of("personId",
        person.personId(), "organisation", org, "from", today.minusDays(10).toString()));
    assertThat(member.status()).as(member.body()).isEqualTo(201);
    String id = member.json().get("id").asString();
    // sampled five days ago and derived as of that day: up to date then, due two days ago
    UUID personId = UUID.fromString(person.personId());
    Instant sampled = Instant.now().minus(Duration.ofDays(5));
    sql.observe(List.of(personId), Map.of(personId, new LatestTest(personId, sampled, "NEGATIVE", sampled,
        "/99/01/")), today.minusDays(5), ZONE, OffsetDateTime.now());
    assertThat(state(id)).isEqualTo("UP_TO_DATE");
    jdbc.sql("delete from platform_daily_run where job = ? and day = ?").params(DailySweep.JOB, today).update();

    // a run that fails is not recorded: the next one runs
    assertThatThrownBy(() -> runs.runOnce(DailySweep.JOB, day -> {
      throw new IllegalStateException("the database went away");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(runs.ran(DailySweep.JOB, today)).isFalse();

    DailySweep sweep = new DailySweep(schedules, runs);
    assertThat(sweep.sweepIfDue()).isTrue();
    assertThat(state(id)).isEqualTo("OVERDUE");
    Map<String, Object> recorded = jdbc.sql("select detail, ran_at from platform_daily_run where job = ? and day = ?")
        .params(DailySweep.JOB, today).query().singleRow();
    assertThat((String) recorded.get("detail")).matches("[1-9][0-9]* memberships moved");

    // the same day again: nothing swept, the record as it was
    assertThat(sweep.sweepIfDue()).isFalse();
    assertThat(jdbc.sql("select ran_at from platform_daily_run where job = ? and day = ?")
        .params(DailySweep.JOB, today).query().singleRow().get("ran_at")).isEqualTo(recorded.get("ran_at"));
  }

  @Test
  void theSweepRetiresAMembershipWhoseLastDayHasPassed() {
    String code = everyThreeDays("KE", "到期人群");
    List<LabtestFixtures.Member> persons = LabtestFixtures.persons(api, 2, OrganisationFixtures.COMMUNITY);
    String org = OrganisationFixtures.register(api, "到期单位" + code, "WAREHOUSE", OrganisationFixtures.COMMUNITY,
        null).json().get("creditCode").asString();
    LocalDate today = LocalDate.now(ZONE);
    LocalDate yesterday = today.minusDays(1);
    String ended = join(code, persons.get(0), org, today.minusDays(10), yesterday);
    String lastDayToday = join(code, persons.get(1), org, today.minusDays(10), today);
    assertThat(needingAction(ended)).as("never sampled: on the overdue list").isTrue();

    schedules.refreshAll(today);

    assertThat(jdbc.sql("select retired_at is not null from keygroup_member where id = ?")
        .param(UUID.fromString(ended)).query(Boolean.class).single()).as("its last day was yesterday").isTrue();
    assertThat(needingAction(ended)).as("off the lists").isFalse();
    assertThat(jdbc.sql("select detail from audit_event where subject_type = 'KEY_GROUP_MEMBER' and subject_id = ?"
        + " order by id desc limit 1").param(ended).query(String.class).single())
        .isEqualTo("retired: ended after " + yesterday);
    Api.Answer read = api.as("district").get("/api/v1/key-groups/members/" + ended);
    assertThat(read.json().get("retired").asBoolean()).as(read.body()).isTrue();
    assertThat(jdbc.sql("select retired_at is null from keygroup_member where id = ?")
        .param(UUID.fromString(lastDayToday)).query(Boolean.class).single()).as("today is its last day").isTrue();
    assertThat(needingAction(lastDayToday)).isTrue();

    schedules.refreshAll(today);
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'KEY_GROUP_MEMBER' and subject_id = ?"
        + " and detail like 'retired%'").param(ended).query(Long.class).single()).as("retired once").isEqualTo(1);
  }

  /** A new group tested every three days, its code starting with {@code prefix}. */
  private String everyThreeDays(String prefix, String name) {
    String code = prefix + Long.toString(System.nanoTime() % 100_000_000L);
    Api.Answer group = api.as("cdc").post("/api/v1/key-groups", Map.of("code", code, "name", name + code,
        "schedule", Map.of("everyDays", 3)));
    assertThat(group.status()).as(group.body()).isEqualTo(201);
    return code;
  }

  private String join(String group, LabtestFixtures.Member person, String org, LocalDate from, LocalDate to) {
    Api.Answer member = api.as("district").post("/api/v1/key-groups/" + group + "/members", Map.of("personId",
        person.personId(), "organisation", org, "from", from.toString(), "to", to.toString()));
    assertThat(member.status()).as(member.body()).isEqualTo(201);
    return member.json().get("id").asString();
  }

  private boolean needingAction(String member) {
    return jdbc.sql("select exists (select from keygroup_member_action where member_id = ?)")
        .param(UUID.fromString(member)).query(Boolean.class).single();
  }

  private String state(String member) {
    return jdbc.sql("select state from keygroup_member where id = ?").param(UUID.fromString(member))
        .query(String.class).single();
  }
}
