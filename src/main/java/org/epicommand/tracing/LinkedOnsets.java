package org.epicommand.tracing;

import java.time.LocalDate;

/** One infector → infectee link with the two cases' onset dates (null where unknown). */
public record LinkedOnsets(String infectorCaseId, String infecteeCaseId, LocalDate infectorOnset,
    LocalDate infecteeOnset) {}
