package org.epicommand.analytics.internal;

/** Helpers for daily epidemic curves. */
public final class EpiCurves {

  private EpiCurves() {}

  /**
   * The trailing {@code window}-day moving average: value d is the mean of days d − window + 1 … d of
   * {@code values}; the first {@code window − 1} values have no full window and are null, so callers
   * pass {@code window − 1} days before the first day they show.
   */
  public static Double[] trailingMean(long[] values, int window) {
    Double[] mean = new Double[values.length];
    long sum = 0;
    for (int d = 0; d < values.length; d++) {
      sum += values[d];
      if (d >= window) {
        sum -= values[d - window];
      }
      mean[d] = d >= window - 1 ? (double) sum / window : null;
    }
    return mean;
  }
}
