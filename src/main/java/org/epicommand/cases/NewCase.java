package org.epicommand.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A case to report, as the API and the line-list import receive it. {@code age} and
 * {@code directReportedElsewhere} only come from line lists: their cases were already directly
 * reported by the system the list comes from, so they never show as overdue here.
 */
public record NewCase(String personId, Classification classification, LocalDate onsetDate, LocalDate samplingDate,
    OffsetDateTime diagnosedAt, Severity severity, Boolean imported, DiscoveryRoute discoveryRoute, Integer age,
    boolean directReportedElsewhere) {}
