package org.epicommand.quality.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Import kind {@code tubes}, imported by {@code lab}: each valid row is a single tube with a fresh
 * barcode ({@code FT<key>}) holding one of twenty passport holders registered once per JVM in the
 * first demo community, sampled at the community's demo site. The kind has no free text.
 */
final class TubesKind implements ImportKind {

  static final String SITE = "S990101001001";
  static final int PERSONS = 20;

  @Override
  public String kind() {
    return "tubes";
  }

  @Override
  public String user() {
    return "lab";
  }

  @Override
  public List<String> columns() {
    return List.of("tubeBarcode", "kind", "memberIdType", "memberIdNumber", "siteCode", "collectedAt");
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

  static String passport(int i) {
    return String.format("LT%08d", i);
  }

  @Override
  public void prepare(FuzzApplication app) {
    StringBuilder csv = new StringBuilder("name,idType,idNumber,sex,birthDate,phone,address,jurisdictionCode\n");
    for (int i = 0; i < PERSONS; i++) {
      csv.append("模糊采样").append(RenderState.chinese(i)).append(",PASSPORT,").append(passport(i))
          .append(",,,,,990101001001\n");
    }
    JsonNode status = app.api().as("commander").upload("/api/v1/imports/persons?wait=true", "members.csv",
        csv.toString().getBytes(StandardCharsets.UTF_8)).json();
    assertThat(status.get("rowsImported").asLong()).as(status.toString()).isEqualTo(PERSONS);
  }

  record Tube(int person, int typeStyle, int timeStyle) implements ValidRecipe {

    @Override
    public Map<String, String> cells(RenderState state) {
      long key = state.nextKey();
      Map<String, String> cells = new LinkedHashMap<>();
      cells.put("tubeBarcode", "FT" + key);
      cells.put("kind", typeStyle % 2 == 0 ? "SINGLE" : "single");
      cells.put("memberIdType", typeStyle % 3 == 0 ? "PASSPORT" : "passport");
      cells.put("memberIdNumber", passport(person % PERSONS));
      cells.put("siteCode", SITE);
      cells.put("collectedAt", switch (timeStyle % 3) {
        case 0 -> "2022-11-11T08:00:00+08:00";
        case 1 -> "2022-11-11 08:30";
        default -> "2022-11-11T00:30:00Z";
      });
      return cells;
    }
  }

  @Override
  public Gen<Tube> validRows() {
    return r -> new Tube(r.nextInt(PERSONS), r.nextInt(6), r.nextInt(3));
  }

  /** One broken value, each a rejection. */
  record Broken(String column, String value) implements Invalidation {

    @Override
    public void apply(Map<String, String> cells) {
      cells.put(column, value);
    }
  }

  @Override
  public Gen<Broken> invalidations() {
    return Gen.oneOf(
        Gen.of("", "X".repeat(41)).map(v -> new Broken("tubeBarcode", v)),
        Gen.of("POOL_7", "", "三管", "POOL").map(v -> new Broken("kind", v)),
        Gen.of("DRIVER", "驾照").map(v -> new Broken("memberIdType", v)),
        Gen.of("", "LT99999999", "110101199003077777").map(v -> new Broken("memberIdNumber", v)),
        Gen.of("", "NOSITE", "S990102001001").map(v -> new Broken("siteCode", v)),
        Gen.of("", "yesterday", "2022-13-01T00:00:00+08:00", "13/11/2022", "2022-11-31 08:00")
            .map(v -> new Broken("collectedAt", v)));
  }

  @Override
  public Map<String, Map<String, String>> stored(JdbcClient jdbc, Collection<String> keys) {
    Map<String, Map<String, String>> stored = new HashMap<>();
    if (keys.isEmpty()) {
      return stored;
    }
    jdbc.sql("""
        select t.barcode from labtest_tube t
        where t.barcode in (:keys) and exists (select 1 from labtest_tube_member m where m.tube_id = t.id)
        """).param("keys", keys).query(rs -> {
          stored.put(rs.getString(1), Map.of());
        });
    return stored;
  }
}
