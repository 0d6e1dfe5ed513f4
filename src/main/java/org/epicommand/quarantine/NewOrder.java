package org.epicommand.quarantine;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A request to put a person under control. {@code ruleSet} may be null: the rule set in force on
 * the anchor date is used. {@code sourceRef} identifies the originating record (contact, tube,
 * registration) so that the same event twice opens one order.
 */
public record NewOrder(UUID personId, OrderReason reason, LocalDate anchorDate, String ruleSet, OrderSource source,
    String sourceRef) {}
