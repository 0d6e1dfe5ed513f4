package org.epicommand.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The full record of a case (reading it is audited). {@code reportDueAt} is the 2-hour deadline of
 * the online direct report (网络直报) from diagnosis; {@code homeMonitoringUntil} the last day of the
 * 7 days of home health monitoring after discharge.
 */
public record CaseReport(String id, String personId, String personName, String idNumber, Integer age,
    String jurisdictionCode, Classification classification, Severity severity, boolean imported,
    DiscoveryRoute discoveryRoute, LocalDate onsetDate, LocalDate samplingDate, OffsetDateTime diagnosedAt,
    OffsetDateTime reportedAt, OffsetDateTime reportDueAt, OffsetDateTime directReportedAt, boolean reportOverdue,
    CaseOutcome outcome, String hospital, OffsetDateTime outcomeAt, LocalDate homeMonitoringUntil,
    int rePositiveCount, String householdId) {}
