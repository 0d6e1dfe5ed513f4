package org.epicommand.keygroup.internal;

import org.epicommand.keygroup.MemberSchedules;
import org.epicommand.labtest.TubesResulted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the members' schedule states as results land: each stored batch of results ({@link TubesResulted}) moves
 * the memberships of its persons. The day passing moves everyone ({@link DailySweep}).
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
}
