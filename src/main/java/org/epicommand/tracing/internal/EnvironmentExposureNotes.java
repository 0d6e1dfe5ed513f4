package org.epicommand.tracing.internal;

import java.time.ZoneOffset;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.keygroup.EnvironmentSamplePositive;
import org.epicommand.tracing.InvestigationNotes;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A positive environmental sample puts an "environment exposure" note on the open investigations of the division the
 * site was registered in, so that the investigators ask their cases about the site (once per sample).
 */
@Component
class EnvironmentExposureNotes {

  static final String BY = "system";

  private final InvestigationNotes notes;

  EnvironmentExposureNotes(InvestigationNotes notes) {
    this.notes = notes;
  }

  @ApplicationModuleListener
  void on(EnvironmentSamplePositive event) {
    notes.noteOpenInvestigations(new JurisdictionScope(event.jurisdictionCode(), event.jurisdictionPath()),
        InvestigationNotes.ENVIRONMENT_EXPOSURE, event.siteName(), event.barcode(),
        event.collectedAt().atOffset(ZoneOffset.UTC), "env-sample:" + event.barcode(), BY);
  }
}
