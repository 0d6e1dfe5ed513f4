package org.epicommand.organisation;

import java.util.List;

/**
 * An organisation as other modules keep it beside their own records: its id and code, kind and sector,
 * 属地 division, county-level district (null when placed above one), its scope path
 * ({@code <division path><credit code>/}: inside its division's subtree, and a scope of its own) and the
 * figures that count (headcount, cohorts, capacity), active or retired.
 */
public record OrganisationSnapshot(String id, String creditCode, String name, OrganisationKind kind, Sector sector,
    String jurisdictionCode, String districtCode, String path, int headcount, List<String> cohorts,
    Integer maxCapacity, boolean active) {}
