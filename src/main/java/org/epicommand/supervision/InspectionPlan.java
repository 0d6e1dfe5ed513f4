package org.epicommand.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * An inspection plan: one theme for one day of one team (its name and its members' usernames),
 * optionally limited to a district, and its visits to target units. A day may have several plans,
 * one per team and district.
 */
public record InspectionPlan(String id, LocalDate date, String theme, String teamName, String districtCode,
    String districtName, List<String> team, List<Visit> visits, String createdBy) {}
