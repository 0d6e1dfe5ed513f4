package org.epicommand.tracing.internal;

import java.util.UUID;
import org.epicommand.cases.CaseReclassified;
import org.epicommand.cases.CaseReported;
import org.epicommand.person.PersonReference;
import org.epicommand.person.PersonRegistry;
import org.epicommand.tracing.Investigations;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Every case reported here gets its investigation, with the deadlines running from the report. A
 * case from a line list (directly reported by another system) was investigated where it was
 * reported: an automatic investigation would only fill the overdue lists; investigators open one by
 * hand when they need it.
 */
@Component
class CaseInvestigationStarter {

  private final Investigations investigations;
  private final PersonRegistry persons;
  private final InvestigationStore store;

  CaseInvestigationStarter(Investigations investigations, PersonRegistry persons, InvestigationStore store) {
    this.investigations = investigations;
    this.persons = persons;
    this.store = store;
  }

  @ApplicationModuleListener
  void on(CaseReported event) {
    if (event.reportedElsewhere()) {
      return;
    }
    String label = persons.referenceForPlatform(UUID.fromString(event.personId())).map(PersonReference::name)
        .orElse("");
    investigations.openForReportedCase(event, label);
  }

  @ApplicationModuleListener
  void on(CaseReclassified event) {
    store.onsetAndClassification(UUID.fromString(event.caseId()), null, event.to().name());
  }
}
