package org.epicommand.vaccination;

/**
 * Coverage of one division and age band: residents (as last counted), persons with at least one dose,
 * with the primary course complete, boosted once and twice (each counts those above it too), and the
 * shares in percent (null without residents).
 */
public record CoverageRow(String jurisdictionCode, String jurisdictionName, AgeBand ageBand, long residents,
    long firstDose, long primaryComplete, long boosted, long secondBoosted, Double firstDoseRate,
    Double primaryCompleteRate, Double boostedRate) {

  /** The share of residents for a measure, in percent (null without residents). */
  public Double rate(CoverageMeasure measure) {
    return switch (measure) {
      case FIRST_DOSE -> firstDoseRate;
      case PRIMARY_COMPLETE -> primaryCompleteRate;
      case BOOSTED -> boostedRate;
    };
  }
}
