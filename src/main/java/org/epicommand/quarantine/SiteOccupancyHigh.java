package org.epicommand.quarantine;

/**
 * A check-in took a site's occupied rooms to or above the alert share of its rooms in service
 * ({@code epicommand.quarantine.occupancy-alert-percent}, 80 %): published once per crossing.
 */
public record SiteOccupancyHigh(String siteId, String siteCode, String siteName, String jurisdictionCode,
    int occupied, int usable, int percent) {}
