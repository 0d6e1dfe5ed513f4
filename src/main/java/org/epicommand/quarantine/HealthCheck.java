package org.epicommand.quarantine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One reading of a health check. Readings are kept as given: a half-day may have several (staff and
 * the person's own), the latest shown first. {@code reportedBy}: STAFF, SELF or HOUSEHOLD.
 */
public record HealthCheck(String orderId, LocalDate date, HalfDay half, BigDecimal temperature,
    List<Symptom> symptoms, String reportedBy, OffsetDateTime reportedAt) {}
