package org.epicommand.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A case to report, as the API and the line-list import receive it; {@code age} only from line lists. */
public record NewCase(String personId, Classification classification, LocalDate onsetDate, LocalDate samplingDate,
    OffsetDateTime diagnosedAt, Severity severity, Boolean imported, DiscoveryRoute discoveryRoute, Integer age) {}
