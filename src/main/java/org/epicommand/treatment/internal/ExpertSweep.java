package org.epicommand.treatment.internal;

import java.time.Clock;
import org.epicommand.treatment.ExpertTeams;
import org.epicommand.treatment.MedicalRequests;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks at the treatment clocks every few minutes ({@code epicommand.treatment.sweep-interval}): severe cases
 * without an expert team, medical-service requests not dispatched in time.
 */
@Component
class ExpertSweep {

  private final ExpertTeams teams;
  private final MedicalRequests requests;
  private final Clock clock;

  ExpertSweep(ExpertTeams teams, MedicalRequests requests, Clock clock) {
    this.teams = teams;
    this.requests = requests;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${epicommand.treatment.sweep-interval:PT5M}", initialDelayString = "PT1M")
  void sweep() {
    teams.sweep(clock.instant());
    requests.sweep(clock.instant());
  }
}
