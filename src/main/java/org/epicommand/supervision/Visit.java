package org.epicommand.supervision;

import java.time.OffsetDateTime;

/** An unannounced visit of a plan's team to one target unit. */
public record Visit(String id, String planId, String theme, String unitCode, String unitName,
    OffsetDateTime plannedAt, VisitState state, OffsetDateTime startedAt, OffsetDateTime completedAt, String summary,
    int problemsFound) {}
