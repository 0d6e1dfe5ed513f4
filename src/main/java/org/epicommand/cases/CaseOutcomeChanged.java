package org.epicommand.cases;

import java.time.OffsetDateTime;

/**
 * A case's clinical course moved: admitted, transferred, discharged or died ({@code outcome}), or back
 * to awaiting admission after a re-positive test (复阳, {@code outcome} null). Read models count the
 * cases under treatment from it.
 */
public record CaseOutcomeChanged(String caseId, CaseOutcome outcome, OffsetDateTime at) {

  /** Whether the case has left treatment (discharged or died). */
  public boolean closed() {
    return outcome == CaseOutcome.DISCHARGED || outcome == CaseOutcome.DIED;
  }
}
