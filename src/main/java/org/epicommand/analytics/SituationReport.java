package org.epicommand.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.epicommand.account.CurrentUser;
import org.epicommand.analytics.Dashboard.DashboardView;
import org.epicommand.analytics.Dashboard.DistrictRow;
import org.epicommand.analytics.RtEstimation.Parametric;
import org.epicommand.analytics.RtEstimation.WindowEstimate;
import org.epicommand.analytics.internal.Charts;
import org.epicommand.analytics.internal.MapChart;
import org.epicommand.jurisdiction.DivisionBoundaries;
import org.epicommand.jurisdiction.MapFeatures;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily situation report (疫情形势分析报告, docs/domain.md §16) for the command meeting, for the caller's
 * jurisdiction: the dashboard's figures as of the end of a day, the epidemic curve and Rt drawn as charts
 * on the server, hot spots (districts with most new local cases), rooms, the beds and rooms gap against the
 * projection (from the module that keeps beds, when there is one) and open work. Counts only.
 */
@Service
@Transactional(readOnly = true)
public class SituationReport {

  /** The serial interval the report's Rt assumes (days; a gamma shifted by one day, as in EpiEstim). */
  public static final double SI_MEAN = 4.0;
  public static final double SI_SD = 2.0;
  /** Below this many local cases in a window Rt says more about the prior than the data (Cori et al.). */
  public static final int RT_MIN_CASES = 12;
  /** At most this many hot spots. */
  public static final int HOT_SPOTS = 5;

  public record HotSpot(String code, String name, long localToday, long societyToday) {}

  /** Rt over the window ending on the report day (null on a span too short to estimate). */
  public record RtLatest(LocalDate from, LocalDate to, double mean, double low, double high, long localCases,
      boolean reliable) {}

  /**
   * {@code mapChart}: the areas below the report's division coloured by the day's new local cases, with the
   * risk areas; null when they have no boundaries.
   */
  public record Report(LocalDate date, String areaName, OffsetDateTime generatedAt, DashboardView figures,
      List<HotSpot> hotSpots, RtLatest rt, double siMean, double siSd, String curveChart, String rtChart,
      String mapChart, CapacityGap capacityGap) {}

  private final Dashboard dashboard;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final MapLayers maps;
  private final MapOverlays overlays;
  private final DivisionBoundaries boundaries;
  private final ObjectProvider<CapacityGap.Source> gaps;

  SituationReport(Dashboard dashboard, CurrentUser currentUser, Clock clock, MapLayers maps, MapOverlays overlays,
      DivisionBoundaries boundaries, ObjectProvider<CapacityGap.Source> gaps) {
    this.gaps = gaps;
    this.dashboard = dashboard;
    this.currentUser = currentUser;
    this.clock = clock;
    this.maps = maps;
    this.overlays = overlays;
    this.boundaries = boundaries;
  }

  /** The report of {@code date} (today when null); a day after today is 400. */
  public Report of(LocalDate date) {
    LocalDate today = LocalDate.now(clock);
    LocalDate day = date == null ? today : date;
    if (day.isAfter(today) || day.isBefore(today.minusYears(5))) {
      throw new ValidationFailure(FieldProblem.of("date", "analytics.reportDate"));
    }
    DashboardView view = dashboard.view(null, day);
    String area = currentUser.get().jurisdictionName();
    List<HotSpot> hotSpots = view.byDistrict().stream().filter(r -> r.localToday() > 0)
        .sorted(Comparator.comparingLong(DistrictRow::localToday).reversed()
            .thenComparing(Comparator.comparingLong(DistrictRow::societyToday).reversed()))
        .limit(HOT_SPOTS).map(r -> new HotSpot(r.code(), r.name(), r.localToday(), r.societyToday())).toList();

    List<String> labels = view.curve().days().stream().map(d -> d.toString().substring(5)).toList();
    Dashboard.Series byReport = view.curve().byReport();
    String curveChart = Charts.stackedBars(labels,
        List.of(byReport.localConfirmed(), byReport.localAsymptomatic(), byReport.imported()));

    LocalDate first = view.curve().days().get(0);
    List<List<Long>> incidence = dashboard.incidenceByOnset(first, day, currentUser.get().scope());
    RtEstimation.Result result = RtEstimation.estimate(new RtEstimation.Request(incidence.get(0), incidence.get(1),
        new Parametric(SI_MEAN, SI_SD), null, null));
    List<Double> mean = new ArrayList<>();
    List<Double> low = new ArrayList<>();
    List<Double> high = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      mean.add(null);
      low.add(null);
      high.add(null);
    }
    RtLatest latest = null;
    for (WindowEstimate w : result.windows()) {
      int index = w.window().end() - 1;
      mean.set(index, w.mean());
      low.set(index, w.quantiles().get(0));
      high.set(index, w.quantiles().get(6));
      long local = 0;
      for (int d = w.window().start(); d <= w.window().end(); d++) {
        local += incidence.get(0).get(d - 1) - incidence.get(1).get(d - 1);
      }
      latest = new RtLatest(first.plusDays(w.window().start() - 1L), first.plusDays(w.window().end() - 1L), w.mean(),
          w.quantiles().get(0), w.quantiles().get(6), local, local >= RT_MIN_CASES);
    }
    String rtChart = Charts.rt(labels, mean, low, high);
    return new Report(day, area, OffsetDateTime.now(clock), view, hotSpots, latest, SI_MEAN, SI_SD, curveChart,
        rtChart, map(day), gaps.stream().map(CapacityGap.Source::capacityGap).filter(java.util.Objects::nonNull)
        .findFirst().orElse(null));
  }

  /** The day's new local cases on the map of the areas below the caller's division, with the risk areas. */
  private String map(LocalDate day) {
    MapLayers.AreaMap map = maps.areas(null, null, 1, false, day);
    if (map.areas().features().isEmpty()) {
      return null;
    }
    List<MapChart.Area> areas = new ArrayList<>();
    for (MapFeatures.Feature feature : map.areas().features()) {
      boundaries.polygon(feature.geometry()).ifPresent(geometry -> {
        double[] label = (double[]) feature.properties().get("cp");
        long cases = ((Number) feature.properties().get("newCases")).longValue();
        areas.add(new MapChart.Area(geometry, (String) feature.properties().get("name"), cases, Long.toString(cases),
            label[0], label[1]));
      });
    }
    List<MapChart.Overlay> risks = new ArrayList<>();
    for (MapFeatures.Feature risk : overlays.of(null).riskAreas().features()) {
      boundaries.polygon(risk.geometry()).ifPresent(geometry ->
          risks.add(new MapChart.Overlay(geometry, (String) risk.properties().get("colour"))));
    }
    return MapChart.draw(areas, risks);
  }
}
