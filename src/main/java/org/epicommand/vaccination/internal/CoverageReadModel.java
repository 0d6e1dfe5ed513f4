package org.epicommand.vaccination.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.vaccination.AgeBand;
import org.epicommand.vaccination.CoverageMeasure;
import org.epicommand.vaccination.CoverageRow;
import org.epicommand.vaccination.VaccinationStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Coverage from the two rollups, never from doses or persons: vaccinated persons per path, year of birth
 * and status ({@code vaccination_coverage}), residents per path and year of birth ({@code
 * vaccination_population}). Both are summed per division of the asked level (the path's first
 * segments) and year of birth in one grouped query each; the years are then put into age bands for the
 * year asked.
 */
@Repository
public class CoverageReadModel {

  private final JdbcClient jdbc;

  CoverageReadModel(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Per unit (path → counts per year of birth): residents, and vaccinated per status. */
  private record Counts(Map<Integer, Long> residents, Map<Integer, Map<VaccinationStatus, Long>> vaccinated) {

    Counts() {
      this(new HashMap<>(), new HashMap<>());
    }
  }

  /** The coverage of each unit (divisions of one level, all as deep in the tree) by band, for {@code year}. */
  public List<CoverageRow> coverage(JurisdictionScope scope, List<Jurisdiction> units, List<AgeBand> bands, int year) {
    if (units.isEmpty()) {
      return List.of();
    }
    int depth = units.get(0).path().split("/").length - 1;
    String prefix = "^(?:/[^/]+){" + depth + "}/";
    Map<String, Counts> counts = new HashMap<>();
    scope.bind(jdbc.sql("select substring(jurisdiction_path from :prefix), birth_year, sum(residents)"
        + " from vaccination_population where " + scope.predicate("jurisdiction_path") + " group by 1, 2"))
        .param("prefix", prefix).query(rs -> {
          counts.computeIfAbsent(rs.getString(1), p -> new Counts()).residents().put(rs.getInt(2), rs.getLong(3));
        });
    scope.bind(jdbc.sql("select substring(jurisdiction_path from :prefix), birth_year, status, sum(persons)"
        + " from vaccination_coverage where " + scope.predicate("jurisdiction_path") + " group by 1, 2, 3"))
        .param("prefix", prefix).query(rs -> {
          counts.computeIfAbsent(rs.getString(1), p -> new Counts()).vaccinated()
              .computeIfAbsent(rs.getInt(2), y -> new EnumMap<>(VaccinationStatus.class))
              .merge(VaccinationStatus.valueOf(rs.getString(3)), rs.getLong(4), Long::sum);
        });
    List<CoverageRow> rows = new ArrayList<>();
    for (Jurisdiction unit : units) {
      Counts c = counts.getOrDefault(unit.path(), new Counts());
      for (AgeBand band : bands) {
        rows.add(row(unit, band, c, year));
      }
    }
    return rows;
  }

  private static CoverageRow row(Jurisdiction unit, AgeBand band, Counts c, int year) {
    long residents = 0;
    long[] measures = new long[4];
    for (Map.Entry<Integer, Long> e : c.residents().entrySet()) {
      if (e.getKey() > 0 && band.contains(year - e.getKey())) {
        residents += e.getValue();
      }
    }
    for (Map.Entry<Integer, Map<VaccinationStatus, Long>> e : c.vaccinated().entrySet()) {
      if (e.getKey() <= 0 || !band.contains(year - e.getKey())) {
        continue;
      }
      e.getValue().forEach((status, n) -> {
        if (status.meets(CoverageMeasure.FIRST_DOSE)) {
          measures[0] += n;
        }
        if (status.meets(CoverageMeasure.PRIMARY_COMPLETE)) {
          measures[1] += n;
        }
        if (status.meets(CoverageMeasure.BOOSTED)) {
          measures[2] += n;
        }
        if (status == VaccinationStatus.SECOND_BOOSTED) {
          measures[3] += n;
        }
      });
    }
    return new CoverageRow(unit.code(), unit.name(), band, residents, measures[0], measures[1], measures[2],
        measures[3], rate(measures[0], residents), rate(measures[1], residents), rate(measures[2], residents));
  }

  /** A share in percent with one decimal, at most 100 (residents are counted now and then, doses as they come). */
  static Double rate(long part, long whole) {
    return whole == 0 ? null : Math.min(100.0, Math.round(part * 1000.0 / whole) / 10.0);
  }

  /** When the residents were last counted; null before the first count (a new installation). */
  public Instant countedAt() {
    return jdbc.sql("select max(counted_at) from vaccination_population").query(OffsetDateTime.class).optional()
        .map(OffsetDateTime::toInstant).orElse(null);
  }

  /** Replaces the residents' counts with a new count of the registry (path → year of birth → residents). */
  public long replacePopulation(Map<String, Map<Integer, Long>> counted, Instant at) {
    jdbc.sql("delete from vaccination_population").update();
    List<String> paths = new ArrayList<>();
    List<Integer> years = new ArrayList<>();
    List<Long> residents = new ArrayList<>();
    counted.forEach((path, byYear) -> byYear.forEach((year, n) -> {
      paths.add(path);
      years.add(year);
      residents.add(n);
    }));
    jdbc.sql("""
        insert into vaccination_population (jurisdiction_path, birth_year, residents, counted_at)
        select x.path, x.year, x.n, ? from unnest(?::text[], ?::smallint[], ?::bigint[]) as x(path, year, n)
        """).params(MasterRows.utc(at), paths.toArray(String[]::new), years.toArray(Integer[]::new),
            residents.toArray(Long[]::new)).update();
    return residents.stream().mapToLong(Long::longValue).sum();
  }

  public boolean populationEmpty() {
    return !jdbc.sql("select exists (select 1 from vaccination_population)").query(Boolean.class).single();
  }
}
