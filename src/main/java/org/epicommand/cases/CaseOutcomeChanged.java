package org.epicommand.cases;

import java.time.OffsetDateTime;

/**
 * A case's clinical outcome changed: admitted to or moved between hospitals, discharged or died.
 * {@code hospitalCode} is where the case is (or was, when discharged), as recorded on the case —
 * the code of a registered hospital when it was admitted through the treatment module, free text
 * on older records.
 */
public record CaseOutcomeChanged(String caseId, String jurisdictionCode, CaseOutcome from, CaseOutcome outcome,
    String hospitalCode, OffsetDateTime at) {}
