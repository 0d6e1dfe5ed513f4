package org.epicommand.quarantine;

import java.time.LocalDate;

/** A person came under quarantine control (published when an order is opened). */
public record QuarantineOrderOpened(String orderId, String personId, String jurisdictionCode, OrderReason reason,
    Regime firstRegime, LocalDate plannedEndDate, String source, String sourceRef) {}
