package org.epicommand.vaccination;

import java.time.Instant;

/**
 * A stored adverse event with its deadline: it is to be reported by {@code reportDueAt} (48 h after it
 * was recorded by default); {@code overdue} while it is not.
 */
public record AdverseEvent(String id, String doseId, String personId, String personName, String jurisdictionCode,
    Instant onsetAt, String symptoms, AefiSeverity severity, AefiOutcome outcome, AefiState state,
    String recordedBy, Instant recordedAt, Instant reportDueAt, Instant reportedAt, Instant closedAt,
    boolean overdue) {}
