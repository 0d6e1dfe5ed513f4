package org.epicommand.quality.fuzz;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.epicommand.support.DemoPlaces;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Import kind {@code venues}, imported by {@code cdc} (the city) into divisions of the first district.
 * Codes are {@code FZV} and the row's key, so no other test's venue is touched; the type is written
 * as its code, in lower case, or by its Chinese or English name.
 */
final class VenuesKind implements ImportKind {

  static final List<String> DIVISIONS = List.of(DemoPlaces.DISTRICT, DemoPlaces.STREET, DemoPlaces.COMMUNITY);
  static final List<String> TYPES = List.of("SUPERMARKET", "market", "超市", "Pharmacy", "学校", "OTHER");

  @Override
  public String kind() {
    return "venues";
  }

  @Override
  public String user() {
    return "cdc";
  }

  @Override
  public List<String> columns() {
    return List.of("code", "name", "type", "address", "jurisdictionCode", "lat", "lon");
  }

  @Override
  public List<String> textColumns() {
    return List.of("name", "address");
  }

  @Override
  public int maxLength(String textColumn) {
    return textColumn.equals("name") ? 200 : 300;
  }

  @Override
  public String keyColumn() {
    return "code";
  }

  /** A valid venue, with or without an address and coordinates. */
  record Venue(int type, boolean address, boolean coordinates, int division) implements ValidRecipe {

    @Override
    public Map<String, String> cells(RenderState state) {
      long key = state.nextKey();
      Map<String, String> cells = new LinkedHashMap<>();
      cells.put("code", "FZV" + key);
      cells.put("name", "模糊场所" + RenderState.chinese(key));
      cells.put("type", TYPES.get(type % TYPES.size()));
      cells.put("address", address ? "模糊路" + key % 100 + "号" : "");
      cells.put("jurisdictionCode", DIVISIONS.get(division % DIVISIONS.size()));
      // inside the demo city's first community (DemoGeography.ANCHORS), which all three divisions hold
      cells.put("lat", coordinates ? String.format(Locale.ROOT, "%.5f", 30.272 + (key % 1000) / 100_000.0) : "");
      cells.put("lon", coordinates ? String.format(Locale.ROOT, "%.5f", 120.152 + (key % 997) / 100_000.0) : "");
      return cells;
    }
  }

  @Override
  public Gen<Venue> validRows() {
    return r -> new Venue(r.nextInt(6), r.nextBoolean(), r.nextBoolean(), r.nextInt(3));
  }

  /** One broken value; each is a rejection under the venue rules. */
  record Broken(String column, String value) implements Invalidation {

    @Override
    public void apply(Map<String, String> cells) {
      if (column.equals("lonMissing")) {
        cells.put("lat", "30.1");
        cells.put("lon", "");
      } else {
        cells.put(column, value);
      }
    }
  }

  @Override
  public Gen<Broken> invalidations() {
    return Gen.oneOf(
        Gen.of("", "场所码", "FZ V1", "X".repeat(65), "a/b").map(v -> new Broken("code", v)),
        Gen.of("", "   ", "场".repeat(201)).map(v -> new Broken("name", v)),
        Gen.of("", "游艇", "BOAT", "1").map(v -> new Broken("type", v)),
        Gen.of("", "999999", "99010100100X", "000000").map(v -> new Broken("jurisdictionCode", v)),
        Gen.of("91", "-90.5", "120.15", "北纬30", "NaN", "1e3", "30.5d", "0x1p3").map(v -> new Broken("lat", v)),
        Gen.of("181", "-180.01", "东经120").map(v -> new Broken("lon", v)),
        Gen.constant(new Broken("lonMissing", "")),
        Gen.constant(new Broken("address", "路".repeat(301))));
  }

  @Override
  public Map<String, Map<String, String>> stored(JdbcClient jdbc, Collection<String> keys) {
    Map<String, Map<String, String>> stored = new HashMap<>();
    if (keys.isEmpty()) {
      return stored;
    }
    jdbc.sql("select code, name, coalesce(address, '') from venue where code in (:keys)").param("keys", keys)
        .query(rs -> {
          stored.put(rs.getString(1), Map.of("name", rs.getString(2), "address", rs.getString(3)));
        });
    return stored;
  }
}
