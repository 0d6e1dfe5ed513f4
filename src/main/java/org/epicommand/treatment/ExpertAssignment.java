package org.epicommand.treatment;

import java.time.OffsetDateTime;

/**
 * A severe or critical case and its expert team: since when it needs one, the team and its lead expert
 * (null while waiting), whether the wait is overdue and whether the alert went out.
 */
public record ExpertAssignment(String caseId, String personName, String severity, OffsetDateTime neededSince,
    String teamId, String teamName, String leadExpert, OffsetDateTime assignedAt, boolean overdue,
    OffsetDateTime alertedAt) {}
