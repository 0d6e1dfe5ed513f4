package org.epicommand.labtest;

/** Coverage of a campaign in one jurisdiction: target residents, tested, not yet tested. */
public record CoverageRow(String jurisdictionCode, long residents, long tested, long untested) {}
