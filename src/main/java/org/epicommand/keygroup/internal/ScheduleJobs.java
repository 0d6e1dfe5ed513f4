package org.epicommand.keygroup.internal;

import org.epicommand.keygroup.MemberSchedules;
import org.epicommand.labtest.TubesResulted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the members' schedule states: each stored batch of results ({@link TubesResulted}) moves the memberships
 * of its persons, and shortly after midnight in the city's zone the day passing moves everyone (due today, overdue).
 */
@Component
class ScheduleJobs {

  private final MemberSchedules schedules;

  ScheduleJobs(MemberSchedules schedules) {
    this.schedules = schedules;
  }

  @ApplicationModuleListener
  void on(TubesResulted event) {
    schedules.observe(event.persons());
  }

  @Scheduled(cron = "${epicommand.keygroup.sweep:0 5 0 * * *}", zone = "${epicommand.zone:Asia/Shanghai}")
  void daily() {
    schedules.refreshAll();
  }
}
