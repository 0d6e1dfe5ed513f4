package org.epicommand.labtest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A person awaiting a single-tube retest after their pool was positive: one line of a community's retest list. */
public record RetestItem(UUID personId, String name, String jurisdictionCode, String poolBarcode,
    LocalDate samplingDate, Instant since) {}
