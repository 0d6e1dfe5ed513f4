package org.epicommand.tracing;

import java.time.OffsetDateTime;

/**
 * A venue with its code (场所码): what scans refer to and trajectories may name. {@code lat}/{@code lon}:
 * optional WGS-84 degrees (both or neither); {@code retiredAt}: when it was retired, null while active.
 */
public record Venue(String id, String code, String name, String address, VenueType type, String jurisdictionCode,
    Double lat, Double lon, VenueState state, OffsetDateTime retiredAt) {}
