package org.epicommand.quarantine;

import java.time.OffsetDateTime;

/**
 * An alert as lists show it. {@code repeats}: how often it happened in its half-day (1 = once), the
 * last time at {@code lastAt}; repeats update the unresolved alert instead of raising new ones.
 */
public record QuarantineAlert(String id, String orderId, String personName, AlertKind kind, String detail,
    OffsetDateTime raisedAt, AlertState state, String acknowledgedBy, OffsetDateTime acknowledgedAt,
    String resolvedBy, OffsetDateTime resolvedAt, String note, int repeats, OffsetDateTime lastAt) {}
