package org.epicommand.quality.fuzz;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Import kind {@code results}, imported by {@code lab}: each valid row results a fresh single tube
 * ({@code FR<key>}, without members) that rendering the row puts in place first. The kind has no
 * free text.
 */
final class ResultsKind implements ImportKind {

  private static volatile JdbcClient jdbc;

  @Override
  public String kind() {
    return "results";
  }

  @Override
  public String user() {
    return "lab";
  }

  @Override
  public List<String> columns() {
    return List.of("tubeBarcode", "result", "ctOrf1ab", "ctN", "labCode", "reportedAt");
  }

  @Override
  public List<String> textColumns() {
    return List.of();
  }

  @Override
  public int maxLength(String textColumn) {
    return 40;
  }

  @Override
  public String keyColumn() {
    return "tubeBarcode";
  }

  @Override
  public void prepare(FuzzApplication app) {
    jdbc = app.jdbc();
  }

  record Result(int style, int lab) implements ValidRecipe {

    @Override
    public Map<String, String> cells(RenderState state) {
      long key = state.nextKey();
      String barcode = "FR" + key;
      jdbc.sql("""
          insert into labtest_tube (barcode, kind, state, site_id, collected_at)
          select ?, 'SINGLE', 'COLLECTED', id, timestamptz '2022-11-11 08:00+08' from labtest_site
          where code = 'S990101001001'
          on conflict (barcode) do nothing
          """).param(barcode).update();
      Map<String, String> cells = new LinkedHashMap<>();
      cells.put("tubeBarcode", barcode);
      switch (style % 5) {
        case 0 -> {
          cells.put("result", "NEGATIVE");
          cells.put("ctOrf1ab", "");
          cells.put("ctN", "");
        }
        case 1 -> {
          cells.put("result", "阴性");
          cells.put("ctOrf1ab", "37.5");
          cells.put("ctN", "38");
        }
        case 2 -> {
          cells.put("result", "");
          cells.put("ctOrf1ab", "36");
          cells.put("ctN", "39.9");
        }
        case 3 -> {
          cells.put("result", "invalid");
          cells.put("ctOrf1ab", "");
          cells.put("ctN", "");
        }
        default -> {
          cells.put("result", "POSITIVE");
          cells.put("ctOrf1ab", "25.1");
          cells.put("ctN", "27");
        }
      }
      cells.put("labCode", lab % 2 == 0 ? "LAB01" : "LAB02");
      cells.put("reportedAt", style % 2 == 0 ? "2022-11-11T20:00:00+08:00" : "2022-11-11 20:00:00");
      return cells;
    }
  }

  @Override
  public Gen<Result> validRows() {
    return r -> new Result(r.nextInt(10), r.nextInt(2));
  }

  /** One broken value, each a rejection. */
  record Broken(String column, String value) implements Invalidation {

    @Override
    public void apply(Map<String, String> cells) {
      if (column.equals("allEmpty")) {
        cells.put("result", "");
        cells.put("ctOrf1ab", "");
        cells.put("ctN", "");
      } else {
        cells.put(column, value);
      }
    }
  }

  @Override
  public Gen<Broken> invalidations() {
    return Gen.oneOf(
        Gen.of("", "NOPE-UNKNOWN-TUBE", "X".repeat(41)).map(v -> new Broken("tubeBarcode", v)),
        Gen.of("MAYBE", "阳", "?").map(v -> new Broken("result", v)),
        Gen.of("abc", "-1", "99", "3O.5", "N/A").map(v -> new Broken("ctOrf1ab", v)),
        Gen.of("abc", "61", "，").map(v -> new Broken("ctN", v)),
        Gen.of("", "LAB09").map(v -> new Broken("labCode", v)),
        Gen.of("", "yesterday", "2022-11-31T20:00:00+08:00").map(v -> new Broken("reportedAt", v)),
        Gen.constant(new Broken("allEmpty", "")));
  }

  @Override
  public Map<String, Map<String, String>> stored(JdbcClient jdbc, Collection<String> keys) {
    Map<String, Map<String, String>> stored = new HashMap<>();
    if (keys.isEmpty()) {
      return stored;
    }
    jdbc.sql("select barcode from labtest_tube where barcode in (:keys) and result is not null").param("keys", keys)
        .query(rs -> {
          stored.put(rs.getString(1), Map.of());
        });
    return stored;
  }
}
