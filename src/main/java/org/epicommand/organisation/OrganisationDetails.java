package org.epicommand.organisation;

import java.util.List;

/**
 * What an organisation's keeper gives: the credit code (fixed once registered), name, kind, sector (the
 * kind's default when empty), 属地 division, address, legal representative, contact, headcount, and by
 * kind: a school's level, cohorts (e.g. 高三, 初三) and boarding; a scenic spot's certified maximum
 * capacity; a religious site's religion and resident clergy.
 */
public record OrganisationDetails(String creditCode, String name, OrganisationKind kind, Sector sector,
    String jurisdictionCode, String address, String legalRepresentative, String contactName, String contactPhone,
    Integer headcount, SchoolLevel schoolLevel, List<String> cohorts, Boolean boarding, Integer maxCapacity,
    String religion, Integer clergyCount) {}
