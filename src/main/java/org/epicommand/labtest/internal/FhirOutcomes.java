package org.epicommand.labtest.internal;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.epicommand.labtest.internal.FhirObservationMapper.Issue;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * FHIR answers: OperationOutcomes (severity, code, diagnostics in the request's language, FHIRPath
 * expression) and batch/transaction response Bundles, encoded as FHIR JSON. Error texts come from
 * {@code error.<key>}, informational ones from {@code <key>} in the message bundles.
 */
@Component
class FhirOutcomes {

  /** What is said about one resource: a severity and the issue. */
  record Said(String severity, Issue issue) {}

  /** One entry of a response Bundle: its HTTP status line and what is said about it. */
  record EntryResponse(String status, Said said) {}

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private final MessageSource messages;

  FhirOutcomes(MessageSource messages) {
    this.messages = messages;
  }

  FhirResults.Answer error(int status, Issue... issues) {
    OperationOutcome outcome = new OperationOutcome();
    for (Issue issue : issues) {
      add(outcome, new Said("error", issue));
    }
    return new FhirResults.Answer(status, encode(outcome));
  }

  FhirResults.Answer information(int status, String expression, String key, Object... args) {
    OperationOutcome outcome = new OperationOutcome();
    add(outcome, new Said("information", new Issue("informational", expression, key, args)));
    return new FhirResults.Answer(status, encode(outcome));
  }

  FhirResults.Answer perEntry(int status, List<Said> said) {
    OperationOutcome outcome = new OperationOutcome();
    said.forEach(s -> add(outcome, s));
    return new FhirResults.Answer(status, encode(outcome));
  }

  FhirResults.Answer responseBundle(int status, Bundle.BundleType type, List<EntryResponse> entries) {
    Bundle bundle = new Bundle();
    bundle.setType(type);
    for (EntryResponse entry : entries) {
      OperationOutcome outcome = new OperationOutcome();
      add(outcome, entry.said());
      bundle.addEntry().getResponse().setStatus(entry.status()).setOutcome(outcome);
    }
    return new FhirResults.Answer(status, encode(bundle));
  }

  private void add(OperationOutcome outcome, Said said) {
    Issue issue = said.issue();
    OperationOutcome.OperationOutcomeIssueComponent component = outcome.addIssue()
        .setSeverity(said.severity().equals("error") ? OperationOutcome.IssueSeverity.ERROR
            : OperationOutcome.IssueSeverity.INFORMATION)
        .setCode(type(issue.type()))
        .setDiagnostics(text(said.severity().equals("error") ? "error." + issue.key() : issue.key(), issue.args()));
    if (issue.expression() != null) {
      component.setExpression(List.of(new StringType(issue.expression())));
    }
  }

  private static OperationOutcome.IssueType type(String code) {
    try {
      return OperationOutcome.IssueType.fromCode(code);
    } catch (org.hl7.fhir.exceptions.FHIRException e) {
      return OperationOutcome.IssueType.INVALID;
    }
  }

  private String text(String key, Object[] args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }

  private static String encode(org.hl7.fhir.instance.model.api.IBaseResource resource) {
    return FHIR.newJsonParser().encodeResourceToString(resource);
  }
}
