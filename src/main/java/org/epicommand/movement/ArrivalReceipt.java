package org.epicommand.movement;

import org.epicommand.quarantine.OrderReason;

/**
 * What a resident's own registration answers: its id and what the arrival rule calls for — computed
 * from the registration alone, so the answer is the same whatever the registry holds.
 */
public record ArrivalReceipt(String id, ArrivalOutcome outcome, OrderReason reason, String ruleSet) {}
