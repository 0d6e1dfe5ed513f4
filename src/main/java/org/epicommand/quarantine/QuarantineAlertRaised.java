package org.epicommand.quarantine;

/** An alert was raised for a person under control (for notifications and dashboards). */
public record QuarantineAlertRaised(String alertId, String orderId, String jurisdictionCode, AlertKind kind,
    String detail) {}
