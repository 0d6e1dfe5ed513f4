package org.epicommand.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.analytics.Areas.Area;
import org.epicommand.analytics.internal.EpiCurves;
import org.epicommand.analytics.internal.GrowthRate;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Epidemic curves and growth (docs/domain.md §16) from the event-fed daily counts: curves by onset and by
 * report date with a trailing 7-day moving average, and the exponential growth rate with doubling
 * (or halving) time for the caller's jurisdiction and each district in it.
 */
@Service
@Transactional(readOnly = true)
public class EpiStatistics {

  /** Days of the moving average. */
  public static final int MOVING_AVERAGE_DAYS = 7;
  /** The longest span of a curve or a growth window. */
  public static final int MAX_DAYS = 366;
  /** The default growth window. */
  public static final int GROWTH_DAYS = 14;
  public static final String GROWTH_METHOD = "POISSON_GLM";

  /** The basis of a count: the day of onset (report day when no onset is known) or of report. */
  public enum Basis { ONSET, REPORT }

  /** Per day: local confirmed, local asymptomatic, imported, all, and the 7-day mean of all (null without 7 days). */
  public record CurveSeries(List<Long> localConfirmed, List<Long> localAsymptomatic, List<Long> imported,
      List<Long> total, List<Double> movingAverage) {}

  public record Curves(LocalDate from, LocalDate to, String district, String areaName, int movingAverageDays,
      List<LocalDate> days, CurveSeries byOnset, CurveSeries byReport) {}

  /**
   * The growth of local cases in one area: r per day with its 95 % interval, doubling time (halving
   * time when {@code halving}) with its interval (upper null = unbounded); all null when not estimable.
   */
  public record GrowthEstimate(String code, String name, boolean estimable, int days, long cases, Double r,
      Double rLower, Double rUpper, Double dispersion, boolean halving, Double doublingTime, Double doublingLower,
      Double doublingUpper) {}

  public record Growth(LocalDate from, LocalDate to, Basis basis, String method, GrowthEstimate area,
      List<GrowthEstimate> districts) {}

  /**
   * Rt of one weekly window ending on {@code end}: posterior mean and 95 % credible interval, and the
   * window's local cases (EpiEstim advises at least 12 for a usable estimate).
   */
  public record RtPoint(LocalDate end, double mean, double lower, double upper, long cases) {}

  private final JdbcClient jdbc;
  private final Areas areas;
  private final Dashboard dashboard;
  private final Clock clock;

  EpiStatistics(JdbcClient jdbc, Areas areas, Dashboard dashboard, Clock clock) {
    this.jdbc = jdbc;
    this.areas = areas;
    this.dashboard = dashboard;
    this.clock = clock;
  }

  /**
   * Rt (Cori et al., weekly sliding windows) on the area's cases by onset date over {@code from} …
   * {@code to} (default: the last 30 days) with a parametric serial interval; 400 for a bad one.
   */
  public List<RtPoint> rt(LocalDate from, LocalDate to, String district, Double siMean, Double siSd) {
    LocalDate[] range = range(from, to, Dashboard.CURVE_DAYS, 2);
    Area area = areas.of(district);
    List<List<Long>> incidence = dashboard.incidenceByOnset(range[0], range[1], area.scope());
    RtEstimation.Result result = RtEstimation.estimate(new RtEstimation.Request(incidence.get(0), incidence.get(1),
        new RtEstimation.Parametric(siMean, siSd), null, null));
    List<RtPoint> points = new ArrayList<>();
    for (RtEstimation.WindowEstimate w : result.windows()) {
      long cases = 0;
      for (int day = w.window().start(); day <= w.window().end(); day++) {
        cases += incidence.get(0).get(day - 1) - incidence.get(1).get(day - 1);
      }
      // a window with neither cases nor infectivity only repeats the prior (mean 5, sd 5): left out
      if (cases > 0 || Math.abs(w.sd() - 5) > 1e-9) {
        points.add(new RtPoint(range[0].plusDays(w.window().end() - 1L), w.mean(), w.quantiles().get(0),
            w.quantiles().get(w.quantiles().size() - 1), cases));
      }
    }
    return points;
  }

  /** The districts of the caller's jurisdiction, for a choice on the pages. */
  public List<Dashboard.DistrictOption> districts() {
    return areas.of(null).districts().stream().map(d -> new Dashboard.DistrictOption(d.code(), d.name())).toList();
  }

  /** Curves from {@code from} to {@code to} (defaults: the last 30 days) for the caller's area or one district. */
  public Curves curves(LocalDate from, LocalDate to, String district) {
    LocalDate[] range = range(from, to, Dashboard.CURVE_DAYS, 2);
    Area area = areas.of(district);
    LocalDate first = range[0].minusDays(MOVING_AVERAGE_DAYS - 1L);
    List<LocalDate> days = range[0].datesUntil(range[1].plusDays(1)).toList();
    return new Curves(range[0], range[1], area.code(), area.name(), MOVING_AVERAGE_DAYS, days,
        series(Basis.ONSET, first, range[1], area.scope()), series(Basis.REPORT, first, range[1], area.scope()));
  }

  /**
   * The growth rate of local cases (confirmed + asymptomatic) over {@code from} … {@code to}
   * (default: the last 14 days) by a Poisson GLM, for the caller's area (or one district) and each
   * district in it. By report date by default: onset counts of the last days are still incomplete.
   */
  public Growth growth(LocalDate from, LocalDate to, Basis basis, String district) {
    LocalDate[] range = range(from, to, GROWTH_DAYS, 3);
    Basis b = basis == null ? Basis.REPORT : basis;
    Area area = areas.of(district);
    int length = (int) (range[1].toEpochDay() - range[0].toEpochDay()) + 1;
    Map<String, double[]> byDistrict = new LinkedHashMap<>();
    double[] all = new double[length];
    area.scope().bind(jdbc.sql("select district_code, day, sum(cases) from analytics_daily_count where basis = :basis"
        + " and day between :from and :to and not imported and classification in ('CONFIRMED', 'ASYMPTOMATIC') and "
        + area.scope().predicate("district_path") + " group by district_code, day"))
        .param("basis", b.name()).param("from", range[0]).param("to", range[1])
        .query((rs, n) -> {
          int index = (int) (rs.getObject(2, LocalDate.class).toEpochDay() - range[0].toEpochDay());
          byDistrict.computeIfAbsent(rs.getString(1), k -> new double[length])[index] += rs.getLong(3);
          all[index] += rs.getLong(3);
          return index;
        }).list();
    GrowthEstimate overall = estimate(area.code(), area.name(), all);
    List<GrowthEstimate> districts = new ArrayList<>();
    for (Jurisdiction d : area.districts()) {
      districts.add(estimate(d.code(), d.name(), byDistrict.getOrDefault(d.code(), new double[length])));
    }
    return new Growth(range[0], range[1], b, GROWTH_METHOD, overall, districts);
  }

  private static GrowthEstimate estimate(String code, String name, double[] counts) {
    GrowthRate.Fit fit = GrowthRate.fit(counts);
    if (!fit.estimable()) {
      return new GrowthEstimate(code, name, false, fit.days(), fit.cases(), null, null, null, null, false, null, null,
          null);
    }
    return new GrowthEstimate(code, name, true, fit.days(), fit.cases(), fit.r(), fit.lower(), fit.upper(),
        fit.dispersion(), fit.halving(), fit.doublingTime(), fit.doublingLower(),
        Double.isInfinite(fit.doublingUpper()) ? null : fit.doublingUpper());
  }

  /** [from, to] with defaults; 400 (field {@code from}) when the span is outside minDays … {@link #MAX_DAYS}. */
  private LocalDate[] range(LocalDate from, LocalDate to, int defaultDays, int minDays) {
    LocalDate end = to != null ? to : LocalDate.now(clock);
    LocalDate start = from != null ? from : end.minusDays(defaultDays - 1L);
    long days = end.toEpochDay() - start.toEpochDay() + 1;
    if (days < minDays || days > MAX_DAYS) {
      throw new ValidationFailure(FieldProblem.of(from == null ? "to" : "from", "analytics.span", minDays, MAX_DAYS));
    }
    return new LocalDate[] {start, end};
  }

  /** The series from {@code first} (6 days before the shown range) to {@code last}; the shown part is returned. */
  private CurveSeries series(Basis basis, LocalDate first, LocalDate last, JurisdictionScope scope) {
    int length = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
    long[][] values = new long[3][length];
    scope.bind(jdbc.sql("select day, classification, imported, sum(cases) from analytics_daily_count"
        + " where basis = :basis and day between :from and :to and classification in ('CONFIRMED', 'ASYMPTOMATIC')"
        + " and " + scope.predicate("district_path") + " group by day, classification, imported"))
        .param("basis", basis.name()).param("from", first).param("to", last)
        .query((rs, n) -> {
          int index = (int) (rs.getObject(1, LocalDate.class).toEpochDay() - first.toEpochDay());
          int series = rs.getBoolean(3) ? 2 : "CONFIRMED".equals(rs.getString(2)) ? 0 : 1;
          values[series][index] += rs.getLong(4);
          return index;
        }).list();
    long[] total = new long[length];
    for (int d = 0; d < length; d++) {
      total[d] = values[0][d] + values[1][d] + values[2][d];
    }
    Double[] mean = EpiCurves.trailingMean(total, MOVING_AVERAGE_DAYS);
    int skip = MOVING_AVERAGE_DAYS - 1;
    return new CurveSeries(shown(values[0], skip), shown(values[1], skip), shown(values[2], skip), shown(total, skip),
        Arrays.asList(mean).subList(skip, length));
  }

  private static List<Long> shown(long[] values, int skip) {
    return Arrays.stream(values).skip(skip).boxed().toList();
  }
}
