package org.epicommand.movement.internal;

import java.time.Clock;
import org.epicommand.cases.CaseReported;
import org.epicommand.cases.Classification;
import org.epicommand.cases.DiscoveryRoute;
import org.epicommand.movement.RiskAreas;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Feeds risk areas from the case flow: a local confirmed or asymptomatic case reported in a division
 * is a new infection of the areas drawn on it — unless it was found under control (in quarantine or
 * closed-loop work), which docs/domain.md §8 does not count. Imported cases do not restart a local count.
 */
@Component
class CaseInfections {

  private final RiskAreas riskAreas;
  private final Clock clock;

  CaseInfections(RiskAreas riskAreas, Clock clock) {
    this.riskAreas = riskAreas;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(CaseReported event) {
    boolean infection = event.classification() == Classification.CONFIRMED
        || event.classification() == Classification.ASYMPTOMATIC;
    if (!infection || event.imported()) {
      return;
    }
    // a historical line list counts on its own report days (none when it has no date), never as today's
    event.countedDay(clock.getZone()).ifPresent(day -> riskAreas.recordNewInfectionForPlatform(
        event.jurisdictionCode(), day, event.discoveryRoute() == DiscoveryRoute.UNDER_CONTROL));
  }
}
