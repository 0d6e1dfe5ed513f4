package org.epicommand.vaccination;

import java.math.BigDecimal;

/** A coverage target: the share of an age band's residents to reach for a measure, in percent. */
public record CoverageTarget(AgeBand ageBand, CoverageMeasure measure, BigDecimal percent) {}
