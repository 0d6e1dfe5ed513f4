package org.epicommand.quarantine;

/** A site's readiness moved ({@code from} → {@code to}), by whom; the site lies in {@code jurisdictionCode}. */
public record SiteStatusChanged(String siteId, String siteCode, String siteName, String jurisdictionCode,
    SiteStatus from, SiteStatus to, String by) {}
