package org.epicommand.jurisdiction.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.DivisionMatch;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.shared.LikePattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The jurisdiction table. */
@Repository
public class JurisdictionRepository {

  private static final String COLUMNS = "code, name, level, parent_code, path, population";

  private final JdbcClient jdbc;

  JurisdictionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Jurisdiction> find(String code) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    String column = code.length() == 12 ? "code12" : "code";
    return jdbc.sql("select " + COLUMNS + " from jurisdiction where " + column + " = :code")
        .param("code", code).query(JurisdictionRepository::map).optional()
        .or(() -> code.length() == 12
            ? jdbc.sql("select " + COLUMNS + " from jurisdiction where code = :code").param("code", code)
                .query(JurisdictionRepository::map).optional()
            : Optional.empty());
  }

  public List<Jurisdiction> children(String parentCode) {
    return jdbc.sql("select " + COLUMNS + " from jurisdiction where parent_code = :parent order by code")
        .param("parent", parentCode).query(JurisdictionRepository::map).list();
  }

  public List<Jurisdiction> roots() {
    return jdbc.sql("select " + COLUMNS + " from jurisdiction where parent_code is null order by code")
        .query(JurisdictionRepository::map).list();
  }

  public List<Jurisdiction> ancestry(String code) {
    return find(code).map(node -> {
      List<String> codes = List.of(node.path().substring(1).split("/"));
      return jdbc.sql("select " + COLUMNS + " from jurisdiction where code in (:codes) order by length(path)")
          .param("codes", codes).query(JurisdictionRepository::map).list();
    }).orElse(List.of());
  }

  /**
   * The divisions of these codes (division codes or 12-digit forms, read as {@link #find} reads one), each
   * under the code it was asked by, with the code of its county-level district (null above that level) —
   * one query for a batch.
   */
  public Map<String, Jurisdiction.InDistrict> findInDistricts(Collection<String> codes) {
    Map<String, Jurisdiction.InDistrict> byCode = new HashMap<>();
    Map<String, Jurisdiction.InDistrict> byCode12 = new HashMap<>();
    if (codes.isEmpty()) {
      return byCode;
    }
    jdbc.sql("select " + COLUMNS + """
        , j.code12, (select a.code from jurisdiction a where a.level = 'COUNTY'
            and a.code = any(string_to_array(trim(both '/' from j.path), '/')) order by length(a.path) limit 1) district
        from jurisdiction j where j.code = any(:codes) or j.code12 = any(:codes)
        """).param("codes", codes.toArray(String[]::new)).query(rs -> {
          Jurisdiction.InDistrict found = new Jurisdiction.InDistrict(map(rs, 0), rs.getString("district"));
          byCode.put(found.division().code(), found);
          if (rs.getString("code12") != null) {
            byCode12.put(rs.getString("code12"), found);
          }
        });
    Map<String, Jurisdiction.InDistrict> found = new HashMap<>();
    for (String code : codes) {
      Jurisdiction.InDistrict division = code.length() == 12 && byCode12.containsKey(code) ? byCode12.get(code)
          : byCode.get(code);
      if (division != null) {
        found.put(code, division);
      }
    }
    return found;
  }

  /** Every division below the scope's own, by code. */
  public List<Jurisdiction> descendants(JurisdictionScope scope) {
    return scope.bind(jdbc.sql("select " + COLUMNS + " from jurisdiction where " + scope.predicate("path")
            + " and path <> :own order by code"))
        .param("own", scope.path()).query(JurisdictionRepository::map).list();
  }

  public List<Jurisdiction> descendantsAt(JurisdictionScope scope, JurisdictionLevel level) {
    return scope.bind(jdbc.sql("select " + COLUMNS + " from jurisdiction where " + scope.predicate("path")
            + " and level = :level order by code"))
        .param("level", level.name()).query(JurisdictionRepository::map).list();
  }

  /**
   * Divisions whose name contains {@code text}, inside {@code scope} (or anywhere), on one level (or
   * any), each with its chain of names from the root as a label (names repeat across a city).
   */
  public List<DivisionMatch> search(String text, JurisdictionScope scope, JurisdictionLevel level, int limit) {
    String sql = """
        select j.code, j.name, j.level, j.parent_code, j.path, j.population,
          (select string_agg(a.name, ' › ' order by length(a.path)) from jurisdiction a
            where a.code = any(string_to_array(trim(both '/' from j.path), '/'))) as label
        from jurisdiction j
        where j.name like :text
        """ + (scope == null ? "" : " and j." + scope.predicate("path"))
        + (level == null ? "" : " and j.level = :level") + " order by length(j.name), j.path limit :limit";
    JdbcClient.StatementSpec statement = jdbc.sql(sql).param("text", LikePattern.contains(text))
        .param("limit", limit);
    if (scope != null) {
      statement = scope.bind(statement);
    }
    if (level != null) {
      statement = statement.param("level", level.name());
    }
    return statement.query((rs, row) -> {
      Jurisdiction division = map(rs, row);
      return new DivisionMatch(division.code(), division.name(), division.level(), division.parentCode(),
          rs.getString("label"));
    }).list();
  }

  /** The code of the division holding a 12-digit code, if any. */
  Optional<String> codeOf12(String code12) {
    return jdbc.sql("select code from jurisdiction where code12 = :code12").param("code12", code12)
        .query(String.class).optional();
  }

  /** Row of the same import that already holds this code, if any: a duplicate within one file. */
  Optional<Integer> lineInImport(String code, UUID importId) {
    return jdbc.sql("select source_line from jurisdiction where code = :code and source_import_id = :importId")
        .param("code", code).param("importId", importId).query(Integer.class).optional();
  }

  /**
   * Creates or renames a node; {@code population} (常住人口) is taken over when given and kept when
   * {@code null}.
   */
  public Jurisdiction save(String code, String code12, String name, JurisdictionLevel level, String parentCode,
      Long population, UUID importId, int line) {
    String parentPath = parentCode == null ? "/" : find(parentCode).map(Jurisdiction::path)
        .orElseThrow(() -> new IllegalArgumentException("no parent " + parentCode));
    String path = parentPath + code + "/";
    jdbc.sql("""
        insert into jurisdiction (code, code12, name, level, parent_code, path, population, source_import_id,
          source_line)
        values (:code, :code12, :name, :level, :parent, :path, :population, :importId, :line)
        on conflict (code) do update set code12 = excluded.code12, name = excluded.name, level = excluded.level,
          population = coalesce(excluded.population, jurisdiction.population),
          source_import_id = excluded.source_import_id, source_line = excluded.source_line
        """)
        .param("code", code).param("code12", code12).param("name", name).param("level", level.name())
        .param("parent", parentCode).param("path", path).param("population", population)
        .param("importId", importId).param("line", line).update();
    return find(code).orElseThrow();
  }

  /** Sets (or, with {@code null}, clears) a division's resident population. */
  public void setPopulation(String code, Long population) {
    jdbc.sql("update jurisdiction set population = :population where code = :code")
        .param("population", population).param("code", code).update();
  }

  /** Whether the tree holds any division at all. */
  public boolean isEmpty() {
    return jdbc.sql("select not exists (select 1 from jurisdiction)").query(Boolean.class).single();
  }

  /**
   * Removes a division that nothing was ever placed under: no children. Other modules refer to
   * divisions by code without foreign keys, so only an unused placeholder may go.
   */
  public boolean deleteLeaf(String code) {
    return jdbc.sql("""
        delete from jurisdiction j where code = :code
          and not exists (select 1 from jurisdiction c where c.parent_code = j.code)
        """).param("code", code).update() == 1;
  }

  private static Jurisdiction map(ResultSet rs, int row) throws SQLException {
    Long population = rs.getObject("population", Long.class);
    return new Jurisdiction(rs.getString("code"), rs.getString("name"),
        JurisdictionLevel.valueOf(rs.getString("level")),
        rs.getString("parent_code"), rs.getString("path"), population);
  }
}
