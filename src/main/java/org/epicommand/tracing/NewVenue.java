package org.epicommand.tracing;

/**
 * A venue to register, or the corrected fields of one ({@code code} is then ignored: a venue's code
 * never changes). {@code lat}/{@code lon}: optional WGS-84 degrees, both or neither.
 */
public record NewVenue(String code, String name, String address, VenueType type, String jurisdictionCode,
    Double lat, Double lon) {}
