package org.epicommand.tracing;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An investigation of one case (流调) as the API and pages show it. {@code windowStart} is the first
 * day of the look-back window: {@code lookBackDays} before onset, or before the first positive
 * sampling for asymptomatic cases (ed. 9: 4 days; ed. 7–8: 2 days); null while neither date is known.
 */
public record Investigation(String id, String caseId, String caseLabel, String jurisdictionCode,
    String classification, LocalDate onsetDate, LocalDate samplingDate, OffsetDateTime caseReportedAt,
    String investigator, InvestigationState state, OffsetDateTime coreDueAt, OffsetDateTime reportDueAt,
    OffsetDateTime coreDoneAt, OffsetDateTime completedAt, OffsetDateTime reviewedAt, String reviewedBy,
    boolean coreOverdue, boolean reportOverdue, LocalDate windowAnchor, Integer lookBackDays, LocalDate windowStart,
    String ruleSet) {}
