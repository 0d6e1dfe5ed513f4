package org.epicommand.keygroup.internal;

import org.epicommand.keygroup.MemberSchedules;
import org.epicommand.platform.DailyRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The day passing moves every open membership (due today, overdue, blocked): shortly after midnight in the city's
 * zone ({@code epicommand.keygroup.sweep}, a cron) the sweep runs as of the new day, once a day ({@link DailyRuns},
 * job {@value #JOB}). A platform that was down, or whose sweep failed, at that hour sweeps when it is back: a few
 * minutes after start-up, and otherwise within the hour, so the overdue lists are never a day behind. Off with
 * {@code epicommand.keygroup.jobs=false}.
 */
@Component
@ConditionalOnProperty(name = "epicommand.keygroup.jobs", havingValue = "true", matchIfMissing = true)
class DailySweep {

  static final String JOB = "keygroup.sweep";

  private static final Logger log = LoggerFactory.getLogger(DailySweep.class);

  private final MemberSchedules schedules;
  private final DailyRuns runs;

  DailySweep(MemberSchedules schedules, DailyRuns runs) {
    this.schedules = schedules;
    this.runs = runs;
  }

  @Scheduled(cron = "${epicommand.keygroup.sweep:0 5 0 * * *}", zone = "${epicommand.zone:Asia/Shanghai}")
  void daily() {
    sweepIfDue();
  }

  @Scheduled(fixedDelayString = "${epicommand.daily-runs.catch-up:PT1H}", initialDelayString = "PT3M")
  void catchUp() {
    sweepIfDue();
  }

  /** Sweeps as of today unless today's sweep has run; whether it swept now. */
  boolean sweepIfDue() {
    return runs.runOnce(JOB, today -> {
      int moved = schedules.refreshAll(today);
      log.info("Key-group schedules swept as of {}: {} memberships moved", today, moved);
      return moved + " memberships moved";
    });
  }
}
