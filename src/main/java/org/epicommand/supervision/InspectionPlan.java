package org.epicommand.supervision;

import java.time.LocalDate;
import java.util.List;

/** An inspection plan: one theme for one day, the team (inspector usernames) and its visits to target units. */
public record InspectionPlan(String id, LocalDate date, String theme, List<String> team, List<Visit> visits,
    String createdBy) {}
