package org.epicommand.quarantine;

import java.time.OffsetDateTime;

/** An alert as lists show it. */
public record QuarantineAlert(String id, String orderId, String personName, AlertKind kind, String detail,
    OffsetDateTime raisedAt, AlertState state, String acknowledgedBy, OffsetDateTime acknowledgedAt,
    String resolvedBy, OffsetDateTime resolvedAt, String note) {}
