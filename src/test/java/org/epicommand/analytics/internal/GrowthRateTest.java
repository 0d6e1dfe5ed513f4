package org.epicommand.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The Poisson-GLM growth rate: exact on exact exponentials, the score equations at the fit, its interval. */
class GrowthRateTest {

  @Test
  void anExactExponentialGivesItsRateAndDoublingTime() {
    double[] counts = new double[14];
    for (int t = 0; t < counts.length; t++) {
      counts[t] = 20 * Math.exp(0.1 * t);
    }
    GrowthRate.Fit fit = GrowthRate.fit(counts);
    assertThat(fit.estimable()).isTrue();
    assertThat(fit.r()).isCloseTo(0.1, within(1e-10));
    assertThat(fit.doublingTime()).isCloseTo(Math.log(2) / 0.1, within(1e-8));
    assertThat(fit.halving()).isFalse();
    assertThat(fit.dispersion()).isEqualTo(1.0); // a perfect fit: no extra-Poisson variation
  }

  @Test
  void aShrinkingSeriesGivesAHalvingTime() {
    double[] counts = new double[10];
    for (int t = 0; t < counts.length; t++) {
      counts[t] = 200 * Math.exp(-0.2 * t);
    }
    GrowthRate.Fit fit = GrowthRate.fit(counts);
    assertThat(fit.r()).isCloseTo(-0.2, within(1e-10));
    assertThat(fit.halving()).isTrue();
    assertThat(fit.doublingTime()).isCloseTo(Math.log(2) / 0.2, within(1e-8));
    assertThat(fit.upper()).isNegative();
    assertThat(fit.doublingLower()).isLessThan(fit.doublingTime());
    assertThat(fit.doublingUpper()).isGreaterThan(fit.doublingTime()).isFinite();
  }

  @Test
  void atTheFitTheScoreEquationsHoldAndTheIntervalIsTheWaldOne() {
    double[] counts = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7};
    GrowthRate.Fit fit = GrowthRate.fit(counts);
    int n = counts.length;
    // recover the intercept of log μ = a + r (t − centre) from Σ y = Σ μ
    double centre = (n - 1) / 2.0;
    double total = 0;
    double shape = 0;
    for (int t = 0; t < n; t++) {
      total += counts[t];
      shape += Math.exp(fit.r() * (t - centre));
    }
    double a = Math.log(total / shape);
    double score = 0;
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double pearson = 0;
    for (int t = 0; t < n; t++) {
      double x = t - centre;
      double mu = Math.exp(a + fit.r() * x);
      score += x * (counts[t] - mu);
      s0 += mu;
      s1 += mu * x;
      s2 += mu * x * x;
      pearson += (counts[t] - mu) * (counts[t] - mu) / mu;
    }
    assertThat(score).isCloseTo(0, within(1e-8));
    assertThat(fit.r()).isPositive();
    double phi = Math.max(1, pearson / (n - 2));
    assertThat(fit.dispersion()).isCloseTo(phi, within(1e-9));
    double se = Math.sqrt(phi * s0 / (s0 * s2 - s1 * s1));
    assertThat(fit.se()).isCloseTo(se, within(1e-9));
    assertThat(fit.lower()).isCloseTo(fit.r() - 1.959963984540054 * se, within(1e-9));
    assertThat(fit.upper()).isCloseTo(fit.r() + 1.959963984540054 * se, within(1e-9));
    // an interval of r that contains 0 leaves the doubling time unbounded above
    if (fit.lower() < 0) {
      assertThat(fit.doublingUpper()).isInfinite();
    }
  }

  @Test
  void tooFewCasesAreNotEstimable() {
    assertThat(GrowthRate.fit(new double[] {0, 0, 0, 0, 0, 0, 0}).estimable()).isFalse();
    assertThat(GrowthRate.fit(new double[] {0, 0, 0, 0, 0, 0, 9}).estimable()).isFalse(); // one day only
    assertThat(GrowthRate.fit(new double[] {1, 0, 1, 0, 1, 0, 0}).estimable()).isFalse(); // 3 cases
    assertThat(GrowthRate.fit(new double[] {1, 0, 2, 0, 1, 0, 1}).estimable()).isTrue();
  }

  @Test
  void theMovingAverageIsTrailingAndNeedsAFullWindow() {
    Double[] mean = EpiCurves.trailingMean(new long[] {7, 0, 0, 0, 0, 0, 0, 14, 0}, 7);
    assertThat(mean[5]).isNull();
    assertThat(mean[6]).isEqualTo(1.0);
    assertThat(mean[7]).isEqualTo(2.0); // the 7 left the window, the 14 came in
    assertThat(mean[8]).isEqualTo(2.0);
  }
}
