package org.epicommand.tracing;

/** A venue with its code (场所码): what scans refer to and trajectories may name. */
public record Venue(String id, String code, String name, String address, VenueType type, String jurisdictionCode) {}
