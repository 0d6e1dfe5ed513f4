package org.epicommand.movement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.epicommand.quarantine.OrderReason;
import org.epicommand.quarantine.RiskLevel;

/**
 * A registered arrival and what the arrival rule of {@code ruleSet} decided ({@code reason}, {@code outcome}).
 * {@code personId} is null when no person is linked (UNVERIFIED) or the linked person lives outside the
 * reader's jurisdiction (REFERRED, read where it was registered); {@code name} is then the name as typed, and
 * {@code contactPhone} and {@code claimedDocument} (masked) say whom to contact.
 */
public record Arrival(String id, String personId, String name, String originRegion, String originAreaId,
    RiskLevel originLevel, boolean inbound, String route, LocalDate arrivalDate, String jurisdictionCode,
    String ruleSet, OrderReason reason, ArrivalOutcome outcome, String orderId, String channel,
    OffsetDateTime createdAt, String checkpointCode, String contactPhone, String claimedDocument) {}
