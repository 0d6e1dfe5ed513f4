package org.epicommand.jurisdiction;

/** A point in WGS-84 degrees. */
public record LatLon(double lat, double lon) {}
