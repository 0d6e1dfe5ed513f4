package org.epicommand.quarantine.internal;

import java.util.UUID;
import org.epicommand.cases.CaseReclassified;
import org.epicommand.cases.CaseReported;
import org.epicommand.cases.Classification;
import org.epicommand.quarantine.OrderState;
import org.epicommand.quarantine.OrderReleases;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A person under control who is reported or reclassified as a confirmed or asymptomatic case
 * leaves quarantine for treatment: the open order ends as BECAME_CASE (and a room stay with it
 * is left to the site's release step).
 */
@Component
class CaseOutcomes {

  private final OrderReleases releases;

  CaseOutcomes(OrderReleases releases) {
    this.releases = releases;
  }

  @ApplicationModuleListener
  void on(CaseReported event) {
    if (isInfection(event.classification())) {
      releases.endForPlatform(UUID.fromString(event.personId()), OrderState.BECAME_CASE, "case " + event.caseId());
    }
  }

  @ApplicationModuleListener
  void on(CaseReclassified event) {
    if (isInfection(event.to()) && !isInfection(event.from())) {
      releases.endForPlatform(UUID.fromString(event.personId()), OrderState.BECAME_CASE, "case " + event.caseId());
    }
  }

  private static boolean isInfection(Classification classification) {
    return classification == Classification.CONFIRMED || classification == Classification.ASYMPTOMATIC;
  }
}
