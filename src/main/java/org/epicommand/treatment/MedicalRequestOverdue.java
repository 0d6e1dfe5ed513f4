package org.epicommand.treatment;

import java.time.OffsetDateTime;

/**
 * A medical-service request was not dispatched within its urgency's limit (emergency 30 min, urgent 4 h,
 * routine 24 h by default): published once per request by the treatment clock.
 */
public record MedicalRequestOverdue(String requestId, String jurisdictionCode, MedicalRequest.Need need,
    MedicalRequest.Urgency urgency, OffsetDateTime requestedAt, OffsetDateTime dispatchDue) {}
