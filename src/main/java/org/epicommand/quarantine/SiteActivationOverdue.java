package org.epicommand.quarantine;

import java.time.Instant;

/** A site's activation, started at {@code startedAt}, has not been completed within its lead time. */
public record SiteActivationOverdue(String siteId, String siteCode, String siteName, String jurisdictionCode,
    Instant startedAt, int leadHours) {}
