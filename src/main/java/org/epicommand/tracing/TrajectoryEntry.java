package org.epicommand.tracing;

import java.time.OffsetDateTime;

/**
 * One place of a case's trajectory: a venue (by its code) or a free place and address, from/to,
 * the activity, and the transport with its number (flight, train) and seat.
 */
public record TrajectoryEntry(String id, String investigationId, String venueCode, String place, String address,
    String jurisdictionCode, OffsetDateTime fromAt, OffsetDateTime toAt, String activity, TransportMode transportMode,
    String transportNumber, String seat) {}
