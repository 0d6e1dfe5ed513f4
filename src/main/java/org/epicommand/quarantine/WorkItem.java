package org.epicommand.quarantine;

import java.time.LocalDate;

/** One line of a work list: whose order (and person), and the date and detail that put it there. */
public record WorkItem(String orderId, String personName, String jurisdictionCode, OrderState state, LocalDate date,
    String detail, String personId) {}
