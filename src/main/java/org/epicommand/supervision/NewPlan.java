package org.epicommand.supervision;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** A plan to create: the day, its one theme, the team's usernames, the target units' division codes. */
public record NewPlan(LocalDate date, String theme, List<String> team, List<String> targets, LocalTime startTime) {}
