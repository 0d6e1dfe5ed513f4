package org.epicommand.analytics.internal;

/**
 * The exponential growth rate r of daily counts y<sub>t</sub> (t = 0 … n−1) by a Poisson GLM with a
 * log link, log E[y<sub>t</sub>] = a + r·t, fitted by Newton–Raphson (IRLS). The 95 % interval is a
 * Wald interval r ± 1.96·se, where se comes from the Fisher information and is widened by the
 * quasi-Poisson dispersion φ = max(1, Pearson χ² / (n − 2)) when the counts vary more than Poisson.
 * Doubling time ln 2 / r while growing, halving time ln 2 / |r| while shrinking.
 */
public final class GrowthRate {

  /** z<sub>0.975</sub>. */
  static final double Z = 1.959963984540054;
  static final double LN2 = Math.log(2);
  /** At least this many cases in the window, on at least two days, for a fit. */
  public static final int MIN_CASES = 5;
  private static final int MAX_ITERATIONS = 100;

  private GrowthRate() {}

  /**
   * A fit: {@code estimable} false when the window has too few cases (then the numbers are NaN).
   * {@code doublingTime} is the doubling time when r &gt; 0 and the halving time when r &lt; 0
   * ({@code halving}); its interval bounds are infinite when the interval of r contains 0.
   */
  public record Fit(boolean estimable, int days, long cases, double r, double se, double lower, double upper,
      double dispersion, boolean halving, double doublingTime, double doublingLower, double doublingUpper) {}

  public static Fit fit(double[] counts) {
    int n = counts.length;
    double total = 0;
    int daysWithCases = 0;
    for (double y : counts) {
      if (!(y >= 0) || !Double.isFinite(y)) {
        throw new IllegalArgumentException("counts must be finite and non-negative");
      }
      total += y;
      daysWithCases += y > 0 ? 1 : 0;
    }
    if (n < 3 || total < MIN_CASES || daysWithCases < 2) {
      return notEstimable(n, total);
    }
    // centred time keeps the two coefficients nearly uncorrelated: r is the same, the intercept moves
    double centre = (n - 1) / 2.0;
    double[] start = ols(counts, centre);
    double a = start[0];
    double r = start[1];
    boolean converged = false;
    for (int iteration = 0; iteration < MAX_ITERATIONS && !converged; iteration++) {
      double u0 = 0;
      double u1 = 0;
      double i00 = 0;
      double i01 = 0;
      double i11 = 0;
      for (int t = 0; t < n; t++) {
        double x = t - centre;
        double mu = Math.exp(a + r * x);
        u0 += counts[t] - mu;
        u1 += x * (counts[t] - mu);
        i00 += mu;
        i01 += mu * x;
        i11 += mu * x * x;
      }
      double det = i00 * i11 - i01 * i01;
      if (!(det > 0)) {
        return notEstimable(n, total);
      }
      double da = (i11 * u0 - i01 * u1) / det;
      double dr = (i00 * u1 - i01 * u0) / det;
      a += da;
      r += dr;
      converged = Math.abs(dr) < 1e-12 && Math.abs(da) < 1e-10;
    }
    if (!converged || !Double.isFinite(r)) {
      return notEstimable(n, total);
    }
    double i00 = 0;
    double i01 = 0;
    double i11 = 0;
    double pearson = 0;
    for (int t = 0; t < n; t++) {
      double x = t - centre;
      double mu = Math.exp(a + r * x);
      i00 += mu;
      i01 += mu * x;
      i11 += mu * x * x;
      pearson += (counts[t] - mu) * (counts[t] - mu) / mu;
    }
    double dispersion = Math.max(1, pearson / (n - 2));
    double se = Math.sqrt(dispersion * i00 / (i00 * i11 - i01 * i01));
    double lower = r - Z * se;
    double upper = r + Z * se;
    boolean halving = r < 0;
    double doubling = LN2 / Math.abs(r);
    double dLower;
    double dUpper;
    if (lower > 0 || upper < 0) {
      dLower = LN2 / Math.max(Math.abs(lower), Math.abs(upper));
      dUpper = LN2 / Math.min(Math.abs(lower), Math.abs(upper));
    } else {
      dLower = LN2 / Math.abs(halving ? lower : upper);
      dUpper = Double.POSITIVE_INFINITY;
    }
    return new Fit(true, n, Math.round(total), r, se, lower, upper, dispersion, halving, doubling, dLower, dUpper);
  }

  /** Starting values: least squares on log(y + 0.5). */
  private static double[] ols(double[] counts, double centre) {
    int n = counts.length;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (int t = 0; t < n; t++) {
      sy += Math.log(counts[t] + 0.5);
    }
    double meanY = sy / n;
    for (int t = 0; t < n; t++) {
      double x = t - centre;
      sxx += x * x;
      sxy += x * (Math.log(counts[t] + 0.5) - meanY);
    }
    return new double[] {meanY, sxy / sxx};
  }

  private static Fit notEstimable(int n, double total) {
    return new Fit(false, n, Math.round(total), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false,
        Double.NaN, Double.NaN, Double.NaN);
  }
}
