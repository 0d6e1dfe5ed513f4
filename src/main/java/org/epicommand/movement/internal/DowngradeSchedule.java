package org.epicommand.movement.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.epicommand.movement.RiskAreas;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Proposes the downgrades due each day, shortly after midnight in the city's zone. */
@Component
class DowngradeSchedule {

  private final RiskAreas riskAreas;
  private final Clock clock;

  DowngradeSchedule(RiskAreas riskAreas, Clock clock) {
    this.riskAreas = riskAreas;
    this.clock = clock;
  }

  @Scheduled(cron = "${epicommand.movement.downgrade-cron:0 5 0 * * *}", zone = "${epicommand.zone:Asia/Shanghai}")
  void proposeToday() {
    riskAreas.proposeDowngrades(LocalDate.now(clock));
  }
}
