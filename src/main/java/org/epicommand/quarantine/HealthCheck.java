package org.epicommand.quarantine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** One health check: the latest report of a half-day counts. {@code reportedBy}: STAFF, SELF or HOUSEHOLD. */
public record HealthCheck(String orderId, LocalDate date, HalfDay half, BigDecimal temperature,
    List<Symptom> symptoms, String reportedBy, OffsetDateTime reportedAt) {}
