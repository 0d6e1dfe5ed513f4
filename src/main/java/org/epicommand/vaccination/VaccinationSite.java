package org.epicommand.vaccination;

import java.time.Instant;

/** A vaccination site (接种点) as the API and pages show it; {@code mobile}: a mobile team (流动接种点). */
public record VaccinationSite(String code, String name, String organisation, String jurisdictionCode,
    String jurisdictionName, String address, String contactPhone, boolean mobile, MasterStatus status,
    Instant retiredAt) {}
