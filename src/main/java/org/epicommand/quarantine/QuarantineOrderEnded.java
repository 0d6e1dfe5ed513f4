package org.epicommand.quarantine;

/** An order ended: released, the person became a case, or transferred out. */
public record QuarantineOrderEnded(String orderId, String personId, OrderState state) {}
