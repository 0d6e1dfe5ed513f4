package org.epicommand.command;

import java.time.OffsetDateTime;

/** One change of the response level: to what, why, by whom, when. */
public record LevelChange(ResponseLevel level, String reason, String changedBy, OffsetDateTime changedAt) {}
