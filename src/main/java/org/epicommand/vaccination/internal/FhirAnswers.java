package org.epicommand.vaccination.internal;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.epicommand.vaccination.internal.ImmunizationMapper.Issue;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The FHIR answers of the Immunization endpoints, as FHIR JSON: an OperationOutcome (errors say {@code
 * error.<key>}, information {@code <key>}, in the request's language, with the element as FHIRPath), or a
 * transaction/batch-response Bundle with one outcome per entry.
 */
@Component
public class FhirAnswers {

  /** An HTTP status and its FHIR JSON body. */
  public record Answer(int status, String body) {}

  /** What is said of one resource: an error or information. */
  record Said(boolean error, Issue issue) {}

  /** One entry of a response Bundle: its status line and what is said of it. */
  record EntryResponse(String status, Said said) {}

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private final MessageSource messages;

  FhirAnswers(MessageSource messages) {
    this.messages = messages;
  }

  Answer error(int status, Issue... issues) {
    OperationOutcome outcome = new OperationOutcome();
    for (Issue issue : issues) {
      add(outcome, new Said(true, issue));
    }
    return new Answer(status, FHIR.newJsonParser().encodeResourceToString(outcome));
  }

  Answer information(int status, Issue issue) {
    return perEntry(status, List.of(new Said(false, issue)));
  }

  Answer perEntry(int status, List<Said> said) {
    OperationOutcome outcome = new OperationOutcome();
    said.forEach(s -> add(outcome, s));
    return new Answer(status, FHIR.newJsonParser().encodeResourceToString(outcome));
  }

  Answer responseBundle(int status, Bundle.BundleType type, List<EntryResponse> entries) {
    Bundle bundle = new Bundle().setType(type);
    for (EntryResponse entry : entries) {
      OperationOutcome outcome = new OperationOutcome();
      add(outcome, entry.said());
      bundle.addEntry().getResponse().setStatus(entry.status()).setOutcome(outcome);
    }
    return new Answer(status, FHIR.newJsonParser().encodeResourceToString(bundle));
  }

  private void add(OperationOutcome outcome, Said said) {
    Issue issue = said.issue();
    String key = said.error() ? "error." + issue.key() : issue.key();
    OperationOutcome.IssueType type;
    try {
      type = OperationOutcome.IssueType.fromCode(issue.type());
    } catch (org.hl7.fhir.exceptions.FHIRException e) {
      type = OperationOutcome.IssueType.INVALID;
    }
    var component = outcome.addIssue()
        .setSeverity(said.error() ? OperationOutcome.IssueSeverity.ERROR : OperationOutcome.IssueSeverity.INFORMATION)
        .setCode(type).setDiagnostics(messages.getMessage(key, issue.args(), key, LocaleContextHolder.getLocale()));
    if (issue.expression() != null) {
      component.addExpression(issue.expression());
    }
  }
}
