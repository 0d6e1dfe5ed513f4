package org.epicommand.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.UserContext;
import org.epicommand.analytics.internal.PlaceFigures;
import org.epicommand.analytics.internal.VaccinationFigures;
import org.epicommand.jurisdiction.DivisionBoundaries;
import org.epicommand.jurisdiction.DivisionShape;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.jurisdiction.MapDetail;
import org.epicommand.jurisdiction.MapFeatures;
import org.epicommand.labtest.Campaign;
import org.epicommand.labtest.Campaigns;
import org.epicommand.labtest.CoverageRow;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.vaccination.AgeBand;
import org.epicommand.vaccination.CoverageMeasure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The choropleth of the command map (docs/domain.md §16): a division's districts, streets or communities
 * with new local infections over the last days, cases under treatment, persons under management and
 * the latest campaign's test coverage, and on request the vaccination coverage of an age band and measure
 * against its target — always inside the caller's jurisdiction, one level at a time so
 * that a click drills down. On a public or shared screen (the big screen, a kiosk) a community's
 * count from 1 to {@value #SMALL_NUMBER} − 1 is shown as "&lt;5" and its number is not sent.
 */
@Service
@Transactional(readOnly = true)
public class MapLayers {

  /** Below this count a community's figure is not shown on a shared screen. */
  public static final int SMALL_NUMBER = 5;
  /** The longest window of new cases a map shows. */
  public static final int MAX_DAYS = 28;

  /** A step of the way from the caller's own jurisdiction down to the division shown. */
  public record Crumb(String code, String name, JurisdictionLevel level) {}

  /**
   * One map: the division shown ({@code code}), the way down to it, the level of its areas, whether they
   * can be drilled into, how many divisions of that level have no boundary yet, the window of new cases,
   * the totals inside the division (records placed above the areas' level included), the campaign the
   * coverage is of, the vaccination layer asked for (null: none), and the areas as GeoJSON features with
   * their figures.
   */
  public record AreaMap(String code, String name, JurisdictionLevel level, JurisdictionLevel areaLevel,
      List<Crumb> trail, boolean drillable, int withoutBoundary, int days, LocalDate to, boolean shared,
      Map<String, Object> totals, String campaign, Vaccination vaccination, MapDetail detail,
      MapFeatures.FeatureCollection areas) {}

  /**
   * The vaccination layer of a map: the age band and measure its areas' {@code vaccination} figure (coverage in
   * percent) is of, and the target set for them in percent (null: no target for that band and measure).
   */
  public record Vaccination(AgeBand ageBand, CoverageMeasure measure, Double target) {}

  /** The vaccination layer asked for: an age band and a measure (names; blank: the defaults). */
  public record VaccinationChoice(String ageBand, String measure) {}

  private final CurrentUser currentUser;
  private final Jurisdictions jurisdictions;
  private final DivisionBoundaries boundaries;
  private final PlaceFigures figures;
  private final Campaigns campaigns;
  private final VaccinationFigures vaccination;
  private final Clock clock;

  MapLayers(CurrentUser currentUser, Jurisdictions jurisdictions, DivisionBoundaries boundaries, PlaceFigures figures,
      Campaigns campaigns, VaccinationFigures vaccination, Clock clock) {
    this.vaccination = vaccination;
    this.currentUser = currentUser;
    this.jurisdictions = jurisdictions;
    this.boundaries = boundaries;
    this.figures = figures;
    this.campaigns = campaigns;
    this.clock = clock;
  }

  /**
   * The areas of {@code parentCode} (the caller's jurisdiction when null; a division outside it is 404)
   * on {@code level} (the next level down when null: all communities of a city with {@code VILLAGE}).
   * {@code shared}: a shared screen — a caller without the dashboard right always gets one.
   */
  public AreaMap areas(String parentCode, JurisdictionLevel level, Integer days, boolean shared) {
    return areas(parentCode, level, days, shared, LocalDate.now(clock), null);
  }

  /**
   * As {@link #areas(String, JurisdictionLevel, Integer, boolean)}, with the vaccination layer of {@code choice}
   * (null: none) — each area's coverage of the band and measure in percent, and the target for them.
   */
  public AreaMap areas(String parentCode, JurisdictionLevel level, Integer days, boolean shared,
      VaccinationChoice choice) {
    return areas(parentCode, level, days, shared, LocalDate.now(clock), choice);
  }

  /** As {@link #areas(String, JurisdictionLevel, Integer, boolean)}, with new cases up to {@code to} (a report's day).
   * */
  public AreaMap areas(String parentCode, JurisdictionLevel level, Integer days, boolean shared, LocalDate to) {
    return areas(parentCode, level, days, shared, to, null);
  }

  private AreaMap areas(String parentCode, JurisdictionLevel level, Integer days, boolean shared, LocalDate to,
      VaccinationChoice choice) {
    UserContext user = currentUser.get();
    boolean hidesSmall = shared || !user.has(Permission.DASHBOARD_READ);
    int window = days == null ? 1 : days;
    if (window < 1 || window > MAX_DAYS) {
      throw new ValidationFailure(FieldProblem.of("days", "map.days", MAX_DAYS));
    }
    Jurisdiction parent = parentCode == null || parentCode.isBlank()
        ? jurisdictions.find(user.jurisdictionCode()).orElseThrow(() -> new RecordNotFound("jurisdiction"))
        : jurisdictions.find(parentCode.strip()).filter(j -> user.scope().contains(j.path()))
            .orElseThrow(() -> new RecordNotFound("jurisdiction"));
    JurisdictionLevel areaLevel = level != null ? level : jurisdictions.children(parent.code()).stream()
        .findFirst().map(Jurisdiction::level).orElse(parent.level());
    if (areaLevel.number() < parent.level().number()) {
      throw new ValidationFailure(FieldProblem.of("level", "map.level"));
    }
    List<DivisionShape> shapes;
    MapDetail detail;
    int withoutBoundary;
    if (areaLevel == parent.level()) {
      detail = MapDetail.FINE;
      shapes = boundaries.shape(parent.code(), detail).stream().toList();
      withoutBoundary = shapes.isEmpty() ? 1 : 0;
    } else {
      detail = boundaries.detailFor(parent.scope(), areaLevel);
      shapes = boundaries.shapes(parent.scope(), areaLevel, detail);
      withoutBoundary = jurisdictions.descendantsAt(parent.scope(), areaLevel).size() - shapes.size();
    }
    int depth = shapes.isEmpty() ? 0 : shapes.get(0).path().split("/").length - 1;
    PlaceFigures.Figures counts = figures.of(parent.scope(), depth, to.minusDays(window - 1L), to);
    boolean communities = areaLevel.number() >= JurisdictionLevel.VILLAGE.number();
    Optional<Campaign> campaign = campaigns.list().stream().findFirst();
    Map<String, CoverageRow> coverage = new HashMap<>();
    campaign.ifPresent(c -> campaigns.coverage(c.id(), areaLevel.name())
        .forEach(row -> coverage.put(row.jurisdictionCode(), row)));
    VaccinationFigures.Layer vaccinated = choice == null ? null
        : vaccination.of(parent.code(), areaLevel, choice.ageBand(), choice.measure());
    JurisdictionLevel below = areaLevel.number() < JurisdictionLevel.GRID.number()
        ? JurisdictionLevel.ofNumber(areaLevel.number() + 1) : null;
    boolean drillable = below != null && areaLevel != parent.level() && boundaries.any(parent.scope(), below);
    MapFeatures.FeatureCollection areas = MapFeatures.of(shapes, shape -> {
      Map<String, Object> properties = new LinkedHashMap<>();
      figure(properties, "newCases", counts.newCases().getOrDefault(shape.code(), 0L), communities && hidesSmall);
      figure(properties, "activeCases", counts.activeCases().getOrDefault(shape.code(), 0L), communities && hidesSmall);
      figure(properties, "managed", counts.managed().getOrDefault(shape.code(), 0L), communities && hidesSmall);
      CoverageRow row = coverage.get(shape.code());
      properties.put("coverage", row == null || row.residents() == 0 ? null
          : Math.round(1000.0 * row.tested() / row.residents()) / 10.0);
      if (!hidesSmall && row != null) {
        properties.put("residents", row.residents());
        properties.put("tested", row.tested());
      }
      if (vaccinated != null) {
        vaccinationFigure(properties, vaccinated.rows().get(shape.code()), vaccinated.measure(), hidesSmall);
      }
      return properties;
    });
    // a community's own totals are a community's counts too
    boolean smallTotals = hidesSmall && parent.level().number() >= JurisdictionLevel.VILLAGE.number();
    Map<String, Object> totals = new LinkedHashMap<>();
    figure(totals, "newCases", counts.newCases().getOrDefault(PlaceFigures.TOTAL, 0L), smallTotals);
    figure(totals, "activeCases", counts.activeCases().getOrDefault(PlaceFigures.TOTAL, 0L), smallTotals);
    figure(totals, "managed", counts.managed().getOrDefault(PlaceFigures.TOTAL, 0L), smallTotals);
    return new AreaMap(parent.code(), parent.name(), parent.level(), areaLevel, trail(user, parent), drillable,
        Math.max(0, withoutBoundary), window, to, hidesSmall, totals, campaign.map(Campaign::name).orElse(null),
        vaccinated == null ? null : new Vaccination(vaccinated.ageBand(), vaccinated.measure(), vaccinated.target()),
        detail, areas);
  }

  /** An area's vaccination coverage (percent, null without residents); the counts only off shared screens. */
  private static void vaccinationFigure(Map<String, Object> properties,
      org.epicommand.vaccination.CoverageRow row, CoverageMeasure measure, boolean hidesSmall) {
    Double rate = row == null ? null : row.rate(measure);
    properties.put("vaccination", rate);
    properties.put("vaccinationText", rate == null ? "–" : rate + "%");
    if (!hidesSmall && row != null) {
      properties.put("vaccinationResidents", row.residents());
      properties.put("vaccinated", switch (measure) {
        case FIRST_DOSE -> row.firstDose();
        case PRIMARY_COMPLETE -> row.primaryComplete();
        case BOOSTED -> row.boosted();
      });
    }
  }

  /**
   * A figure as the map shows it: {@code name} the number (null when hidden) and {@code nameText} what is
   * written ("&lt;5" for a small community count on a shared screen).
   */
  private static void figure(Map<String, Object> properties, String name, long value, boolean hideSmall) {
    boolean hidden = hideSmall && value > 0 && value < SMALL_NUMBER;
    properties.put(name, hidden ? null : value);
    properties.put(name + "Text", hidden ? "<" + SMALL_NUMBER : Long.toString(value));
  }

  /** From the caller's own jurisdiction down to {@code node}. */
  private List<Crumb> trail(UserContext user, Jurisdiction node) {
    return jurisdictions.ancestry(node.code()).stream().filter(j -> user.scope().contains(j.path()))
        .map(j -> new Crumb(j.code(), j.name(), j.level())).toList();
  }
}
