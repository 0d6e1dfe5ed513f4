package org.epicommand.tracing;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A contact of a case (docs/api.md, Contract → Cases and tracing). {@code sourceContactId}: for a
 * SECONDARY contact, the close contact it met. {@code underControlWithinTarget}: under control within
 * 24 h of the case report (the KPI).
 */
public record Contact(String id, String caseId, String personId, String personName, String jurisdictionCode,
    ContactCategory category, ContactType contactType, ContactDiscoveryRoute discoveryRoute,
    LocalDate lastExposureDate, String sourceContactId, TrackingState trackingState, ContactOutcome outcome,
    OffsetDateTime caseReportedAt, OffsetDateTime identifiedAt, OffsetDateTime locatedAt,
    OffsetDateTime underControlAt, String orderId, String note) {}
