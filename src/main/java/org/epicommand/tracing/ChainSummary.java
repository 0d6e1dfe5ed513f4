package org.epicommand.tracing;

import java.time.LocalDate;

/** A chain in a list: its size and dates inside the reader's jurisdiction, and one case to open it by. */
public record ChainSummary(String chainId, String firstCaseId, String firstLabel, long cases, LocalDate firstDate,
    LocalDate lastDate) {}
