package org.epicommand.treatment;

import java.time.OffsetDateTime;

/** A severe or critical case has had no expert team for longer than allowed since {@code neededSince}. */
public record ExpertTeamOverdue(String caseId, String jurisdictionCode, String severity, OffsetDateTime neededSince) {}
