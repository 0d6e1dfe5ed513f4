package org.epicommand.cases;

import java.time.OffsetDateTime;

/**
 * A case's clinical course moved: admitted to or moved between hospitals, discharged or died
 * ({@code outcome}), or back to awaiting admission after a re-positive test (复阳, {@code outcome}
 * null, {@code from} DISCHARGED). {@code hospitalCode} is where the case is (or was, when
 * discharged), as recorded on the case — the code of a registered hospital when it was admitted
 * through the treatment module, free text on older records. Read models count the cases under
 * treatment from it; the treatment module opens and closes hospital stays.
 */
public record CaseOutcomeChanged(String caseId, String jurisdictionCode, CaseOutcome from, CaseOutcome outcome,
    String hospitalCode, OffsetDateTime at) {

  /** Whether the case has left treatment (discharged or died). */
  public boolean closed() {
    return outcome == CaseOutcome.DISCHARGED || outcome == CaseOutcome.DIED;
  }
}
