package org.epicommand.quality.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.support.DemoPlaces;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Import kind {@code cases} (line lists), imported by {@code cdc} into communities of the first
 * district. Valid rows name a person without a document (created from name, sex and age) or with a
 * fresh passport, and may name infectors among three base cases imported once beforehand (refs of an
 * earlier import), so that no valid row hangs on another row of the fuzzed file.
 */
final class CasesKind implements ImportKind {

  static final List<String> COMMUNITIES = List.of(DemoPlaces.COMMUNITY, DemoPlaces.NEIGHBOUR, "990101002001");
  static final List<String> BASE = List.of("FZBASE1", "FZBASE2", "FZBASE3");

  @Override
  public String kind() {
    return "cases";
  }

  @Override
  public String user() {
    return "cdc";
  }

  @Override
  public List<String> columns() {
    return List.of("caseRef", "name", "idType", "idNumber", "sex", "age", "classification", "onsetDate",
        "diagnosedDate", "jurisdictionCode", "infectorRefs", "cluster");
  }

  @Override
  public List<String> textColumns() {
    return List.of("name");
  }

  @Override
  public int maxLength(String textColumn) {
    return 50;
  }

  @Override
  public String keyColumn() {
    return "caseRef";
  }

  @Override
  public void prepare(FuzzApplication app) {
    StringBuilder csv = new StringBuilder(String.join(",", columns())).append('\n');
    for (String ref : BASE) {
      csv.append(ref).append(",模糊基准").append(ref.charAt(ref.length() - 1))
          .append(",,,男,40,CONFIRMED,2022-11-01,2022-11-02,990101001001,,\n");
    }
    JsonNode status = app.api().as(user()).upload("/api/v1/imports/cases?wait=true", "base.csv",
        csv.toString().getBytes(StandardCharsets.UTF_8)).json();
    assertThat(status.get("rowsImported").asLong()).as(status.toString()).isEqualTo(BASE.size());
  }

  /** A valid line-list row. */
  record Row(boolean passport, int sexStyle, int classStyle, int dateStyle, int infectors, int community,
      boolean cluster) implements ValidRecipe {

    @Override
    public Map<String, String> cells(RenderState state) {
      long key = state.nextKey();
      Map<String, String> cells = new LinkedHashMap<>();
      cells.put("caseRef", "FZC" + key);
      cells.put("name", "模糊病例" + RenderState.chinese(key));
      cells.put("idType", passport ? "PASSPORT" : "");
      cells.put("idNumber", passport ? String.format("FC%08d", key) : "");
      cells.put("sex", List.of("", "男", "女", "M", "F").get(sexStyle % 5));
      cells.put("age", String.valueOf(key % 100));
      cells.put("classification", List.of("CONFIRMED", "ASYMPTOMATIC", "SUSPECTED", "确诊", "无症状").get(classStyle % 5));
      String onset = "2022-11-" + String.format("%02d", 1 + key % 9);
      cells.put("onsetDate", dateStyle % 3 == 0 ? "" : dateStyle % 3 == 1 ? onset : onset.replace('-', '/'));
      cells.put("diagnosedDate", "2022-11-1" + key % 10);
      cells.put("jurisdictionCode", COMMUNITIES.get(community % COMMUNITIES.size()));
      cells.put("infectorRefs", String.join(";", BASE.subList(0, infectors % (BASE.size() + 1))));
      cells.put("cluster", cluster ? "模糊聚集" : "");
      return cells;
    }
  }

  @Override
  public Gen<Row> validRows() {
    return r -> new Row(Gen.of(false, false, true).next(r), r.nextInt(10), r.nextInt(10), r.nextInt(6), r.nextInt(8),
        r.nextInt(3), r.nextBoolean());
  }

  /** One broken value. */
  record Broken(String column, String value) implements Invalidation {

    @Override
    public void apply(Map<String, String> cells) {
      if (column.equals("infectorSelf")) {
        cells.put("infectorRefs", cells.get("caseRef"));
      } else {
        cells.put(column, value);
      }
    }
  }

  @Override
  public Gen<Broken> invalidations() {
    return Gen.oneOf(
        Gen.of("", "A;B", "R".repeat(65)).map(v -> new Broken("caseRef", v)),
        Gen.of("", "   ", "模".repeat(51)).map(v -> new Broken("name", v)),
        Gen.of("DRIVER", "驾驶证").map(v -> new Broken("idType", v)),
        Gen.of("X", "中性", "2").map(v -> new Broken("sex", v)),
        Gen.of("-1", "abc", "200", "1e3").map(v -> new Broken("age", v)),
        Gen.of("", "EXCLUDED", "排除", "POSITIVE").map(v -> new Broken("classification", v)),
        Gen.of("2022-02-30", "2022-13-01", "明天", "2999-01-01", "1850-01-01").map(v -> new Broken("onsetDate", v)),
        Gen.of("20221311", "2022-11-31", "abc").map(v -> new Broken("diagnosedDate", v)),
        Gen.of("990101999999", "", "abc").map(v -> new Broken("jurisdictionCode", v)),
        Gen.of("NO-SUCH-REF", "FZBASE1;NOPE").map(v -> new Broken("infectorRefs", v)),
        Gen.constant(new Broken("infectorSelf", "")),
        Gen.constant(new Broken("cluster", "模".repeat(101))));
  }

  @Override
  public Map<String, Map<String, String>> stored(JdbcClient jdbc, Collection<String> keys) {
    Map<String, Map<String, String>> stored = new HashMap<>();
    if (keys.isEmpty()) {
      return stored;
    }
    jdbc.sql("select r.case_ref, c.person_name from case_import_ref r join case_report c on c.id = r.case_id"
            + " where r.case_ref in (:keys)")
        .param("keys", keys).query(rs -> {
          stored.put(rs.getString("case_ref"), Map.of("name", rs.getString("person_name")));
        });
    return stored;
  }
}
