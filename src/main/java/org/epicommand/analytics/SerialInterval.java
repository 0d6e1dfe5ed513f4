package org.epicommand.analytics;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;

/**
 * A discrete serial-interval distribution (代际间隔): {@code weights[k]} is the probability w<sub>k</sub>
 * that a case shows symptoms k days after its infector, with w<sub>0</sub> = 0. It weighs past
 * incidence in the infectivity Λ<sub>t</sub> = Σ<sub>k≥1</sub> w<sub>k</sub> I<sub>t−k</sub>.
 */
public record SerialInterval(double[] weights) {

  /** EpiEstim's {@code check_si_distr}: a given distribution may miss 1 by at most this much. */
  static final double SUM_TOLERANCE = 0.01;

  public SerialInterval {
    weights = weights.clone();
  }

  /**
   * A gamma distribution with the given mean and standard deviation, shifted by one day and
   * discretised as in Cori et al. 2013, Web Appendix 11 (EpiEstim's {@code discr_si}), for
   * k = 0 … {@code days} − 1. Not normalised: the truncated tail is simply left out, as EpiEstim does.
   */
  public static SerialInterval parametric(double mean, double sd, int days) {
    // EpiEstim check_config for parametric_si: mean_si > 1 and std_si > 0
    if (!(mean > 1) || !(sd > 0) || !Double.isFinite(mean) || !Double.isFinite(sd)) {
      throw invalid();
    }
    // The gamma describes the serial interval minus one day: mean μ − 1, sd σ
    double shape = Math.pow((mean - 1) / sd, 2);
    double scale = sd * sd / (mean - 1);
    if (!(shape > 0) || !(scale > 0) || !Double.isFinite(shape + 1) || !Double.isFinite(scale)) {
      throw invalid();
    }
    if (days < 1) {
      throw new IllegalArgumentException("days must be positive: " + days);
    }
    GammaDistribution f = GammaDistribution.of(shape, scale);
    GammaDistribution f1 = GammaDistribution.of(shape + 1, scale);
    double[] weights = new double[days];
    for (int k = 0; k < days; k++) {
      // Cori et al. 2013, Web Appendix 11: a delay that starts uniformly within day 0 and ends on day k
      double w = k * cdf(f, k) + (k - 2) * cdf(f, k - 2) - 2 * (k - 1) * cdf(f, k - 1)
          + shape * scale * (2 * cdf(f1, k - 1) - cdf(f1, k - 2) - cdf(f1, k));
      weights[k] = Math.max(0, w); // rounding can leave tiny negatives: clipped at 0 as in discr_si
    }
    return new SerialInterval(weights);
  }

  /**
   * A distribution given day by day from day 0. EpiEstim's {@code check_si_distr}: no negative
   * values, w<sub>0</sub> = 0, and a sum within 0.01 of 1 (the weights are used as given, not
   * normalised).
   */
  public static SerialInterval given(List<? extends Number> distribution) {
    if (distribution == null || distribution.isEmpty()) {
      throw invalid();
    }
    double[] weights = new double[distribution.size()];
    double sum = 0;
    for (int k = 0; k < weights.length; k++) {
      Number value = distribution.get(k);
      if (value == null || !Double.isFinite(value.doubleValue()) || value.doubleValue() < 0) {
        throw invalid();
      }
      weights[k] = value.doubleValue();
      sum += weights[k];
    }
    if (weights[0] != 0 || Math.abs(sum - 1) > SUM_TOLERANCE) {
      throw invalid();
    }
    return new SerialInterval(weights);
  }

  /** w<sub>k</sub>, 0 beyond the end of the distribution. */
  public double weight(int k) {
    return k < weights.length ? weights[k] : 0;
  }

  public int length() {
    return weights.length;
  }

  /** Σ k·w<sub>k</sub>, EpiEstim's {@code final_mean_si}: not normalised by the sum of the weights. */
  public double mean() {
    double mean = 0;
    for (int k = 0; k < weights.length; k++) {
      mean += k * weights[k];
    }
    return mean;
  }

  /** This distribution with zeros appended up to {@code length} days (never shortened). */
  public SerialInterval paddedTo(int length) {
    return length <= weights.length ? this : new SerialInterval(Arrays.copyOf(weights, length));
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SerialInterval that && Arrays.equals(weights, that.weights);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    return "SerialInterval" + Arrays.toString(weights);
  }

  /** The gamma CDF, 0 at and below 0 (R's {@code pgamma} for negative arguments). */
  private static double cdf(GammaDistribution distribution, double x) {
    return x <= 0 ? 0 : distribution.cumulativeProbability(x);
  }

  private static ValidationFailure invalid() {
    return new ValidationFailure(FieldProblem.of("si", "rt.si"));
  }
}
