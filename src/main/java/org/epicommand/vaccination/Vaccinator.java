package org.epicommand.vaccination;

import java.time.Instant;

/**
 * A vaccinator (接种人员) of a site; {@code username} is the staff account (role VACCINATOR) that
 * records doses as this vaccinator, at this site.
 */
public record Vaccinator(String code, String name, String siteCode, String siteName, String username, String phone,
    String certificate, MasterStatus status, Instant retiredAt) {}
