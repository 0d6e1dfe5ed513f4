package org.epicommand.analytics.internal;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.distribution.GammaDistribution;

/**
 * Summary of observed delays in whole days (serial intervals, incubation periods): n, mean, sample
 * sd (n − 1), median, the 2.5/25/50/75/97.5 % quantiles (R's default type 7: linear between order
 * statistics), min, max and a gamma fitted by the method of moments (shape = mean²/var,
 * scale = var/mean; only when the mean is positive and the values vary) with its 2.5/50/97.5 %
 * quantiles from Apache Commons Statistics. Negative delays (an infectee falling ill before the
 * infector) are kept in the empirical figures; the gamma then describes only their positive bulk.
 */
public final class DelayStatistics {

  public static final List<Double> LEVELS = List.of(0.025, 0.25, 0.5, 0.75, 0.975);

  private DelayStatistics() {}

  /** The fitted gamma: shape, scale and its quantiles at 2.5, 50 and 97.5 %. */
  public record Gamma(double shape, double scale, double q025, double median, double q975) {}

  /** {@code gamma} is null when no gamma can be fitted; everything is NaN when {@code n} is 0. */
  public record Summary(int n, double mean, double sd, double median, List<Double> quantiles, double min, double max,
      Gamma gamma, int negatives, int[] histogram, int histogramStart) {}

  public static Summary of(int[] delays) {
    int n = delays.length;
    if (n == 0) {
      return new Summary(0, Double.NaN, Double.NaN, Double.NaN, List.of(), Double.NaN, Double.NaN, null, 0,
          new int[0], 0);
    }
    int[] sorted = delays.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (int d : sorted) {
      sum += d;
    }
    double mean = sum / n;
    double squares = 0;
    for (int d : sorted) {
      squares += (d - mean) * (d - mean);
    }
    double variance = n > 1 ? squares / (n - 1) : Double.NaN;
    double sd = Math.sqrt(variance);
    List<Double> quantiles = LEVELS.stream().map(p -> quantile(sorted, p)).toList();
    Gamma gamma = null;
    if (n > 1 && mean > 0 && variance > 0) {
      double shape = mean * mean / variance;
      double scale = variance / mean;
      GammaDistribution fitted = GammaDistribution.of(shape, scale);
      gamma = new Gamma(shape, scale, fitted.inverseCumulativeProbability(0.025),
          fitted.inverseCumulativeProbability(0.5), fitted.inverseCumulativeProbability(0.975));
    }
    int negatives = (int) Arrays.stream(sorted).filter(d -> d < 0).count();
    int start = sorted[0];
    int[] histogram = new int[sorted[n - 1] - start + 1];
    for (int d : sorted) {
      histogram[d - start]++;
    }
    return new Summary(n, mean, sd, quantile(sorted, 0.5), quantiles, sorted[0], sorted[n - 1], gamma, negatives,
        histogram, start);
  }

  /** R type 7: h = (n − 1)p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]) on the sorted values. */
  static double quantile(int[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int low = (int) Math.floor(h);
    int high = Math.min(low + 1, sorted.length - 1);
    return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
  }
}
