package org.epicommand.treatment.internal;

import java.time.Clock;
import org.epicommand.treatment.ExpertTeams;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks at the expert-team clock every few minutes ({@code epicommand.treatment.sweep-interval}). */
@Component
class ExpertSweep {

  private final ExpertTeams teams;
  private final Clock clock;

  ExpertSweep(ExpertTeams teams, Clock clock) {
    this.teams = teams;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${epicommand.treatment.sweep-interval:PT5M}", initialDelayString = "PT1M")
  void sweep() {
    teams.sweep(clock.instant());
  }
}
