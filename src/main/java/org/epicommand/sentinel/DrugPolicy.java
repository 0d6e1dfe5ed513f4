package org.epicommand.sentinel;

import java.time.LocalDate;

/** A dated sales rule: from {@code effectiveFrom} on, inside the jurisdiction, the class is sold in {@code mode}. */
public record DrugPolicy(String id, String jurisdictionCode, LocalDate effectiveFrom, DrugClass drugClass,
    SalesMode mode, String note) {}
