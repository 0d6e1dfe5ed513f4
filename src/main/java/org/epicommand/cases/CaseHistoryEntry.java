package org.epicommand.cases;

import java.time.OffsetDateTime;

/**
 * One entry of a case's history: a classification change (with {@code conversion} for asymptomatic →
 * confirmed), an outcome change, a re-positive, or the direct report; when, by whom and why.
 */
public record CaseHistoryEntry(OffsetDateTime at, String kind, String fromValue, String toValue, String reason,
    String username, boolean conversion) {}
