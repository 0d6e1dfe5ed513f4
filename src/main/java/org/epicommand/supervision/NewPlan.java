package org.epicommand.supervision;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A plan to create: the day, its theme, the team's usernames, the target units' division codes, the
 * start time, and optionally the team's name (e.g. 第一督查组) and the district the plan covers (its
 * targets must lie inside it). One plan per day, team name and district.
 */
public record NewPlan(LocalDate date, String theme, List<String> team, List<String> targets, LocalTime startTime,
    String teamName, String districtCode) {}
