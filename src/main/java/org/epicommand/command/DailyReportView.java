package org.epicommand.command;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** One unit's report for one day; {@code version} (1 when filed, +1 per correction) goes with a correction. */
public record DailyReportView(UUID id, UUID templateId, String unitCode, String unitName, LocalDate date,
    boolean zero, Map<String, Object> values, ReportStatus status, String submittedBy, OffsetDateTime submittedAt,
    String correctedBy, OffsetDateTime correctedAt, int version) {}
