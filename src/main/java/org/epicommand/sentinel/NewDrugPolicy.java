package org.epicommand.sentinel;

import java.time.LocalDate;

/** A sales rule to add (rules are never edited: a later rule supersedes). */
public record NewDrugPolicy(String jurisdictionCode, LocalDate effectiveFrom, DrugClass drugClass, SalesMode mode,
    String note) {}
