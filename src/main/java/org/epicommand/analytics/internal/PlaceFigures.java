package org.epicommand.analytics.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the per-place rollups for a map: each figure summed per area, an area being the division at
 * path segment {@code depth} (its code is the {@code depth}-th code of the path), inside a scope. Figures of
 * records placed above the areas' level (a case known only by its district) are in the total under
 * {@link #TOTAL}, not in any area.
 */
@Component
public class PlaceFigures {

  /** The key of the scope's total in each answer (no division code is "*"). */
  public static final String TOTAL = "*";

  /** Figures per area code: new local infections, cases under treatment, persons under management. */
  public record Figures(Map<String, Long> newCases, Map<String, Long> activeCases, Map<String, Long> managed) {}

  private final JdbcClient jdbc;

  PlaceFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** New local infections reported from {@code from} to {@code to}, and the counts that stand now. */
  public Figures of(JurisdictionScope scope, int depth, LocalDate from, LocalDate to) {
    Map<String, Long> newCases = new HashMap<>();
    Map<String, Long> activeCases = new HashMap<>();
    Map<String, Long> managed = new HashMap<>();
    scope.bind(jdbc.sql("select split_part(place_path, '/', :segment), sum(local_cases) from analytics_place_daily"
            + " where day between :from and :to and " + scope.predicate("place_path") + " group by 1"))
        .param("segment", depth + 1).param("from", from).param("to", to)
        .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> add(newCases, rs.getString(1), rs.getLong(2)));
    scope.bind(jdbc.sql("select metric, split_part(place_path, '/', :segment), sum(value) from analytics_place_current"
            + " where " + scope.predicate("place_path") + " group by 1, 2"))
        .param("segment", depth + 1)
        .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> add(
            PlaceCounts.MANAGED.equals(rs.getString(1)) ? managed : activeCases, rs.getString(2), rs.getLong(3)));
    return new Figures(newCases, activeCases, managed);
  }

  private static void add(Map<String, Long> figures, String area, long value) {
    figures.merge(area, value, Long::sum);
    figures.merge(TOTAL, value, Long::sum);
  }
}
