package org.epicommand.analytics;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;

/**
 * The instantaneous reproduction number R<sub>t</sub> (实时再生数) by the method of Cori et al. (2013),
 * computed as the R package EpiEstim's {@code estimate_R} does for a known serial interval (methods
 * {@code parametric_si} and {@code non_parametric_si}); results agree with it to 6 significant digits.
 */
public final class RtEstimation {

  /** The posterior quantiles reported for each window, as in EpiEstim. */
  public static final List<Double> QUANTILE_LEVELS = List.of(0.025, 0.05, 0.25, 0.5, 0.75, 0.95, 0.975);

  /** At most this many windows in one request: as many as there can be days. */
  public static final int MAX_WINDOWS = Incidence.MAX_DAYS;

  // EpiEstim make_config: gamma prior with mean_prior 5 and std_prior 5, i.e. shape (5/5)² = 1, scale 5²/5 = 5
  static final double PRIOR_SHAPE = 1;
  static final double PRIOR_SCALE = 5;

  // EpiEstim make_config: without t_start and t_end, weekly sliding windows t_start = 2…T−6, t_end = 8…T
  static final int DEFAULT_WINDOW_DAYS = 7;

  private RtEstimation() {}

  /** How the serial interval is given. */
  public sealed interface SerialIntervalChoice {}

  /** A gamma with this mean and sd, shifted by one day and discretised (EpiEstim {@code parametric_si}). */
  public record Parametric(Double mean, Double sd) implements SerialIntervalChoice {}

  /** A discrete distribution from day 0 (EpiEstim {@code non_parametric_si}). */
  public record GivenDistribution(List<? extends Number> distribution) implements SerialIntervalChoice {}

  /**
   * The input as received: daily counts (day 1 first), optional imported counts, the serial interval
   * and optional windows (1-based days; both absent means weekly sliding windows).
   */
  public record Request(List<? extends Number> incidence, List<? extends Number> importedIncidence,
      SerialIntervalChoice serialInterval, List<? extends Number> tStart, List<? extends Number> tEnd) {}

  /** The days {@code start} to {@code end}, both included, 1-based; day 1 has no infectors before it. */
  public record Window(int start, int end) {

    public Window {
      if (start < 2 || end < start) {
        throw new IllegalArgumentException("a window needs 2 <= start <= end: " + start + ".." + end);
      }
    }
  }

  /** The posterior of R over one window: mean, sd and the quantiles at {@link #QUANTILE_LEVELS}. */
  public record WindowEstimate(Window window, double mean, double sd, List<Double> quantiles) {

    public WindowEstimate {
      quantiles = List.copyOf(quantiles);
    }
  }

  /**
   * One estimate per window that ends after the mean serial interval, in the order asked, and the
   * serial-interval distribution used (days 0 … T, as EpiEstim returns it).
   */
  public record Result(List<WindowEstimate> windows, SerialInterval serialInterval) {

    public Result {
      windows = List.copyOf(windows);
    }
  }

  /** Validates the request (400 with field errors for bad input) and estimates. */
  public static Result estimate(Request request) {
    List<FieldProblem> problems = new ArrayList<>();
    Incidence incidence = null;
    try {
      incidence = Incidence.of(request.incidence(), request.importedIncidence());
    } catch (ValidationFailure failure) {
      problems.addAll(failure.problems());
    }
    SerialInterval serialInterval = null;
    try {
      serialInterval = serialInterval(request.serialInterval(), incidence == null ? 1 : incidence.days());
    } catch (ValidationFailure failure) {
      problems.addAll(failure.problems());
    }
    List<Window> windows = null;
    if (problems.stream().noneMatch(problem -> problem.field().equals("incidence"))) {
      try {
        windows = windows(request.tStart(), request.tEnd(), request.incidence().size());
      } catch (ValidationFailure failure) {
        problems.addAll(failure.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    return estimate(incidence, serialInterval, windows);
  }

  /**
   * EpiEstim {@code estimate_R_func}, known serial interval. The distribution is padded with zeros to
   * T + 1 days; windows ending on or before its mean are left out (EpiEstim: kept only where
   * {@code t_end > final_mean_si}).
   */
  public static Result estimate(Incidence incidence, SerialInterval serialInterval, List<Window> windows) {
    int days = incidence.days();
    SerialInterval si = serialInterval.paddedTo(days + 1);
    double meanSi = si.mean();
    double[] infectivity = infectivity(incidence, si);
    List<WindowEstimate> estimates = new ArrayList<>();
    for (Window window : windows) {
      if (window.end() > days) {
        throw new IllegalArgumentException("window " + window + " ends after day " + days);
      }
      if (window.end() > meanSi) {
        estimates.add(posterior(incidence, infectivity, window));
      }
    }
    return new Result(estimates, si);
  }

  /** The weekly sliding windows EpiEstim uses by default: [2, 8], [3, 9], …, [T − 6, T]. */
  public static List<Window> weeklyWindows(int days) {
    List<Window> windows = new ArrayList<>();
    for (int start = 2; start + DEFAULT_WINDOW_DAYS - 1 <= days; start++) {
      windows.add(new Window(start, start + DEFAULT_WINDOW_DAYS - 1));
    }
    return windows;
  }

  /**
   * Λ<sub>t</sub> = Σ<sub>k=1…t−1</sub> w<sub>k</sub> I<sub>t−k</sub> with I the total (local + imported)
   * incidence (EpiEstim {@code overall_infectivity}); index t − 1 holds day t, day 1 has none.
   */
  static double[] infectivity(Incidence incidence, SerialInterval si) {
    int days = incidence.days();
    double[] lambda = new double[days];
    for (int t = 2; t <= days; t++) {
      double sum = 0;
      for (int k = 1; k < t; k++) {
        sum += si.weight(k) * incidence.total(t - k);
      }
      lambda[t - 1] = sum;
    }
    return lambda;
  }

  /**
   * Cori et al. 2013, eq. (2): with a Gamma(shape 1, scale 5) prior, the posterior of R over
   * [t<sub>s</sub>, t<sub>e</sub>] is Gamma with shape 1 + Σ local cases and scale 1 / (1/5 + Σ Λ).
   */
  private static WindowEstimate posterior(Incidence incidence, double[] infectivity, Window window) {
    double shape = PRIOR_SHAPE;
    double infectivitySum = 0;
    for (int day = window.start(); day <= window.end(); day++) {
      shape += incidence.localCases(day); // only local cases are offspring
      infectivitySum += infectivity[day - 1];
    }
    double scale = 1 / (1 / PRIOR_SCALE + infectivitySum);
    GammaDistribution posterior = GammaDistribution.of(shape, scale);
    // Commons Statistics inverts the gamma CDF to about 1e-15 relative, far below the 6 digits asked
    List<Double> quantiles = QUANTILE_LEVELS.stream().map(posterior::inverseCumulativeProbability).toList();
    return new WindowEstimate(window, shape * scale, Math.sqrt(shape) * scale, quantiles);
  }

  private static SerialInterval serialInterval(SerialIntervalChoice choice, int days) {
    if (choice instanceof Parametric parametric && parametric.mean() != null && parametric.sd() != null) {
      // EpiEstim: discr_si(seq(0, T − 1), mean_si, std_si), then padded with a 0 for day T
      return SerialInterval.parametric(parametric.mean(), parametric.sd(), days);
    }
    if (choice instanceof GivenDistribution given) {
      return SerialInterval.given(given.distribution());
    }
    throw new ValidationFailure(FieldProblem.of("si", "rt.si"));
  }

  /**
   * EpiEstim {@code check_times}: same lengths, whole days, 2 ≤ t<sub>s</sub> ≤ t<sub>e</sub> ≤ T; both
   * absent means EpiEstim's default weekly windows. Unlike EpiEstim, one list without the other is
   * refused rather than silently replaced by the default.
   */
  private static List<Window> windows(List<? extends Number> starts, List<? extends Number> ends, int days) {
    if (starts == null && ends == null) {
      if (days < DEFAULT_WINDOW_DAYS + 1) {
        // EpiEstim's default seq(2, T − 6) needs T ≥ 8; it fails otherwise
        throw new ValidationFailure(FieldProblem.of("tStart", "rt.windows", days));
      }
      return weeklyWindows(days);
    }
    if (starts == null || starts.isEmpty() || starts.size() > MAX_WINDOWS) {
      throw new ValidationFailure(FieldProblem.of("tStart", "rt.windows", days));
    }
    if (ends == null || ends.size() != starts.size()) {
      throw new ValidationFailure(FieldProblem.of("tEnd", "rt.windows", days));
    }
    boolean badStart = false;
    boolean badEnd = false;
    List<Window> windows = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      int start = day(starts.get(i), days);
      int end = day(ends.get(i), days);
      badStart |= start < 0 || (end > 0 && start > end);
      badEnd |= end < 0;
      if (start > 0 && end >= start) {
        windows.add(new Window(start, end));
      }
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (badStart) {
      problems.add(FieldProblem.of("tStart", "rt.windows", days));
    }
    if (badEnd) {
      problems.add(FieldProblem.of("tEnd", "rt.windows", days));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    return windows;
  }

  /** A whole day in 2 … {@code days}, or −1. */
  private static int day(Number value, int days) {
    double day = value == null ? Double.NaN : value.doubleValue();
    return day >= 2 && day <= days && day == Math.rint(day) ? (int) day : -1;
  }
}
