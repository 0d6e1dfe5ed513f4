package org.epicommand.keygroup;

import java.time.Instant;

/**
 * An environmental sample was resulted positive: its site and barcode (a follow-up was opened), the site's name and
 * kind, the division it was registered in with its path, and when the sample was collected — what the alert to CDC
 * and the exposure note on open investigations in that division need without reading the site.
 */
public record EnvironmentSamplePositive(String siteId, String barcode, String siteName, SiteKind siteKind,
    String jurisdictionCode, String jurisdictionPath, Instant collectedAt) {}
