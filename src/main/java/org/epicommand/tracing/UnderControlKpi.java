package org.epicommand.tracing;

/**
 * Share of close and secondary contacts under control within 24 h of their case's report, per
 * district of the contacts' homes (docs/domain.md §5 KPI). {@code share} is null without contacts.
 */
public record UnderControlKpi(String districtCode, String districtName, long contacts, long underControl,
    long underControlInTime, Double share) {}
