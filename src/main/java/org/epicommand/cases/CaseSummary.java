package org.epicommand.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A case in a list or an export: the document number masked unless the reader may see it in full. */
public record CaseSummary(String id, String personId, String personName, String idNumber, String jurisdictionCode,
    Classification classification, Severity severity, boolean imported, DiscoveryRoute discoveryRoute,
    LocalDate onsetDate, OffsetDateTime diagnosedAt, OffsetDateTime reportedAt, OffsetDateTime reportDueAt,
    OffsetDateTime directReportedAt, boolean reportOverdue, CaseOutcome outcome) {}
