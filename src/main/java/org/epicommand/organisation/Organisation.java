package org.epicommand.organisation;

import java.time.OffsetDateTime;
import java.util.List;

/** An organisation as its readers see it: its division by name, its state (a retired one keeps its history). */
public record Organisation(String id, String creditCode, String name, OrganisationKind kind, Sector sector,
    String jurisdictionCode, String jurisdictionName, String districtCode, String address, String legalRepresentative,
    String contactName, String contactPhone, int headcount, SchoolLevel schoolLevel, List<String> cohorts,
    Boolean boarding, Integer maxCapacity, String religion, Integer clergyCount, boolean active,
    OffsetDateTime retiredAt) {}
