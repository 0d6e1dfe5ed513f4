package org.epicommand.quality.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Import kind {@code jurisdictions}, imported by {@code admin}. Every generated division hangs below
 * one fuzz province, {@value #ROOT} (prefix 97 exists neither in real data nor in the demo city), so
 * the fuzzer adds a single root to the tree; a valid row's parent is that province or an earlier
 * valid row of the same file, and its level lies below its parent's.
 */
final class JurisdictionsKind implements ImportKind {

  static final String ROOT = "970000000000";

  @Override
  public String kind() {
    return "jurisdictions";
  }

  @Override
  public String user() {
    return "admin";
  }

  @Override
  public List<String> columns() {
    return List.of("code12", "code", "name", "level", "parent_code");
  }

  @Override
  public List<String> textColumns() {
    return List.of("name");
  }

  @Override
  public int maxLength(String textColumn) {
    return 100;
  }

  @Override
  public List<String> uniqueColumns() {
    return List.of("code12");
  }

  @Override
  public String keyColumn() {
    return "code";
  }

  @Override
  public void prepare(FuzzApplication app) {
    byte[] csv = ("code12,code,name,level,parent_code\n" + ROOT + "," + ROOT + ",模糊测试省,1,\n")
        .getBytes(StandardCharsets.UTF_8);
    JsonNode status = app.api().as(user()).upload("/api/v1/imports/jurisdictions?wait=true", "root.csv", csv).json();
    assertThat(status.get("rowsImported").asLong()).as(status.toString()).isEqualTo(1);
  }

  /** A valid division below the fuzz province or below an earlier valid row of the file. */
  record Division(int parentPick, int levelPick, boolean withCode12) implements ValidRecipe {

    @Override
    public Map<String, String> cells(RenderState state) {
      long key = state.nextKey();
      List<Map<String, String>> parents = new ArrayList<>();
      parents.add(Map.of("code", ROOT, "level", "1"));
      for (Map<String, String> earlier : state.validRows()) {
        if (Integer.parseInt(earlier.get("level").strip()) < 6) {
          parents.add(earlier);
        }
      }
      Map<String, String> parent = parents.get(parentPick % parents.size());
      int parentLevel = Integer.parseInt(parent.get("level").strip());
      int level = parentLevel + 1 + levelPick % (6 - parentLevel);
      String code = String.format("97%010d", key);
      Map<String, String> cells = new LinkedHashMap<>();
      cells.put("code12", withCode12 ? code : "");
      cells.put("code", code);
      cells.put("name", "模糊区划" + RenderState.chinese(key));
      cells.put("level", Integer.toString(level));
      cells.put("parent_code", parent.get("code").strip());
      return cells;
    }
  }

  @Override
  public Gen<Division> validRows() {
    return r -> new Division(r.nextInt(51), r.nextInt(5), r.nextBoolean());
  }

  /** One broken value, each a rejection under the division-code rules. */
  record Broken(String column, String value) implements Invalidation {

    @Override
    public void apply(Map<String, String> cells) {
      switch (column) {
        case "levelNotBelowParent" -> {
          cells.put("parent_code", ROOT);
          cells.put("level", "1");
        }
        case "code" -> {
          cells.put("code", value);
          cells.put("code12", "");
        }
        default -> cells.put(column, value);
      }
    }
  }

  @Override
  public Gen<Broken> invalidations() {
    return Gen.oneOf(
        Gen.of("97ABC", "9", "1234567890123456789012", "", "97 0001", "９７００００１").map(v -> new Broken("code", v)),
        // the last one is the fuzz province's own code12: taken (a unique-key violation inside the batch)
        Gen.of("97000000001", "9700000000012", "ABCDEFGHIJKL", ROOT).map(v -> new Broken("code12", v)),
        Gen.of("", "   ", "区".repeat(101)).map(v -> new Broken("name", v)),
        Gen.of("0", "7", "abc", "", "1.5", "三", "-1").map(v -> new Broken("level", v)),
        Gen.longs(0, 9_999_999_999L).map(n -> new Broken("parent_code", String.format("96%010d", n))),
        Gen.constant(new Broken("levelNotBelowParent", "")));
  }


  @Override
  public Map<String, Map<String, String>> stored(JdbcClient jdbc, Collection<String> keys) {
    Map<String, Map<String, String>> stored = new HashMap<>();
    if (keys.isEmpty()) {
      return stored;
    }
    jdbc.sql("select code, name from jurisdiction where code in (:keys)").param("keys", keys)
        .query(rs -> {
          stored.put(rs.getString("code"), Map.of("name", rs.getString("name")));
        });
    return stored;
  }
}
