package org.epicommand.movement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.epicommand.quarantine.RiskLevel;

/**
 * A risk area as the list shows it (docs/api.md, Contract → Movement). {@code proposedLevel}: the level of
 * the open downgrade proposal, or the one the rule in force would propose today; null when it stays.
 */
public record RiskArea(String id, String name, RiskLevel level, String jurisdictionCode, OffsetDateTime designatedAt,
    LocalDate lastNewCaseDate, RiskLevel proposedLevel) {}
