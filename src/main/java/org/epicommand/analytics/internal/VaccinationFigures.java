package org.epicommand.analytics.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.vaccination.AgeBand;
import org.epicommand.vaccination.CoverageMeasure;
import org.epicommand.vaccination.CoverageReport;
import org.epicommand.vaccination.CoverageRow;
import org.epicommand.vaccination.CoverageTarget;
import org.epicommand.vaccination.VaccinationCoverage;
import org.springframework.stereotype.Component;

/**
 * The vaccination layer of the command map: the coverage of each area for one age band and measure, read from
 * the vaccination module's rollups (never doses or persons), with the target set for that band and measure.
 */
@Component
public class VaccinationFigures {

  /** The layer a map shows when none is chosen: 80 and over with a first dose, the first goal of Dec 2022. */
  public static final AgeBand DEFAULT_BAND = AgeBand.AGE_80_PLUS;
  public static final CoverageMeasure DEFAULT_MEASURE = CoverageMeasure.FIRST_DOSE;

  /** A chosen band and measure, the target for them (null: none set) and each area's row by code. */
  public record Layer(AgeBand ageBand, CoverageMeasure measure, Double target, Map<String, CoverageRow> rows) {}

  private final VaccinationCoverage coverage;

  VaccinationFigures(VaccinationCoverage coverage) {
    this.coverage = coverage;
  }

  /**
   * The layer for {@code ageBand} and {@code measure} (names; defaults when blank; unknown ones are 400 on the
   * field) over the areas of {@code level} inside {@code parentCode}.
   */
  public Layer of(String parentCode, JurisdictionLevel level, String ageBand, String measure) {
    List<FieldProblem> problems = new ArrayList<>();
    AgeBand band = parse(AgeBand.class, ageBand, DEFAULT_BAND, "ageBand", problems);
    CoverageMeasure chosen = parse(CoverageMeasure.class, measure, DEFAULT_MEASURE, "measure", problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    CoverageReport report = coverage.coverage(level.name(), band.name(), parentCode);
    Double target = report.targets().stream().filter(t -> t.ageBand() == band && t.measure() == chosen)
        .map(CoverageTarget::percent).filter(p -> p != null).map(java.math.BigDecimal::doubleValue).findFirst()
        .orElse(null);
    Map<String, CoverageRow> rows = new HashMap<>();
    report.rows().forEach(row -> rows.put(row.jurisdictionCode(), row));
    return new Layer(band, chosen, target, rows);
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String text, E fallback, String field,
      List<FieldProblem> problems) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(FieldProblem.of(field, "map." + field));
      return fallback;
    }
  }
}
