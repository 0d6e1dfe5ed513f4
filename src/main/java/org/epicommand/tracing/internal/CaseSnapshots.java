package org.epicommand.tracing.internal;

import java.util.UUID;
import org.epicommand.cases.CaseReclassified;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps the chains' copy of a case's classification current. */
@Component
class CaseSnapshots {

  private final ChainStore store;

  CaseSnapshots(ChainStore store) {
    this.store = store;
  }

  @ApplicationModuleListener
  void on(CaseReclassified event) {
    store.updateClassification(UUID.fromString(event.caseId()), event.to());
  }
}
