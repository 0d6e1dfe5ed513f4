package org.epicommand.keygroup.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.epicommand.keygroup.MemberSchedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The day passing moves every open membership (due today, overdue, blocked): shortly after midnight in the city's
 * zone ({@code epicommand.keygroup.sweep}, a cron) the sweep runs as of the new day, once a day — each day swept is
 * recorded ({@code keygroup_sweep_day}). A platform that was down, or whose sweep failed, at that hour sweeps when
 * it is back: a few minutes after start-up and every hour it looks for today's record and sweeps when there is
 * none, so the overdue lists are never a day behind. Off with {@code epicommand.keygroup.jobs=false}.
 */
@Component
@ConditionalOnProperty(name = "epicommand.keygroup.jobs", havingValue = "true", matchIfMissing = true)
class DailySweep {

  private static final Logger log = LoggerFactory.getLogger(DailySweep.class);

  private final MemberSchedules schedules;
  private final JdbcClient jdbc;
  private final Clock clock;

  DailySweep(MemberSchedules schedules, JdbcClient jdbc, Clock clock) {
    this.schedules = schedules;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Scheduled(cron = "${epicommand.keygroup.sweep:0 5 0 * * *}", zone = "${epicommand.zone:Asia/Shanghai}")
  void daily() {
    sweepIfDue();
  }

  @Scheduled(fixedDelayString = "${epicommand.keygroup.catch-up:PT1H}", initialDelayString = "PT3M")
  void catchUp() {
    sweepIfDue();
  }

  /** Sweeps as of today unless today's sweep has run: the memberships it moved, or -1 when it had run. */
  int sweepIfDue() {
    LocalDate today = LocalDate.now(clock);
    if (jdbc.sql("select exists (select from keygroup_sweep_day where day = ?)").param(today).query(Boolean.class)
        .single()) {
      return -1;
    }
    int moved = schedules.refreshAll(today);
    jdbc.sql("insert into keygroup_sweep_day (day, swept_at, moved) values (?, ?, ?) on conflict (day) do nothing")
        .params(today, OffsetDateTime.now(clock), moved).update();
    log.info("Key-group schedules swept as of {}: {} memberships moved", today, moved);
    return moved;
  }
}
