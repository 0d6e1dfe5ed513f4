package org.epicommand.tracing;

/** A contact came under control (its quarantine order opened); {@code orderId} may be null for a manual mark. */
public record ContactUnderControl(String contactId, String personId, String jurisdictionCode, String orderId) {}
