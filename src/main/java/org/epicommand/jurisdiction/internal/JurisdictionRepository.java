package org.epicommand.jurisdiction.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The jurisdiction table. */
@Repository
public class JurisdictionRepository {

  private static final String COLUMNS = "code, name, level, parent_code, path";

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

  public List<Jurisdiction> descendantsAt(JurisdictionScope scope, JurisdictionLevel level) {
    return scope.bind(jdbc.sql("select " + COLUMNS + " from jurisdiction where " + scope.predicate("path")
            + " and level = :level order by code"))
        .param("level", level.name()).query(JurisdictionRepository::map).list();
  }

  /** The scope's node and its descendants above the grid level, in tree order, at most {@code limit}. */
  public List<Jurisdiction> within(JurisdictionScope scope, int limit) {
    return scope.bind(jdbc.sql("select " + COLUMNS + " from jurisdiction where " + scope.predicate("path")
            + " and level <> 'GRID' order by path collate \"C\" limit :limit"))
        .param("limit", limit).query(JurisdictionRepository::map).list();
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

  public Jurisdiction save(String code, String code12, String name, JurisdictionLevel level, String parentCode,
      UUID importId, int line) {
    String parentPath = parentCode == null ? "/" : find(parentCode).map(Jurisdiction::path)
        .orElseThrow(() -> new IllegalArgumentException("no parent " + parentCode));
    String path = parentPath + code + "/";
    jdbc.sql("""
        insert into jurisdiction (code, code12, name, level, parent_code, path, source_import_id, source_line)
        values (:code, :code12, :name, :level, :parent, :path, :importId, :line)
        on conflict (code) do update set code12 = excluded.code12, name = excluded.name, level = excluded.level,
          source_import_id = excluded.source_import_id, source_line = excluded.source_line
        """)
        .param("code", code).param("code12", code12).param("name", name).param("level", level.name())
        .param("parent", parentCode).param("path", path).param("importId", importId).param("line", line).update();
    return new Jurisdiction(code, name, level, parentCode, path);
  }

  private static Jurisdiction map(ResultSet rs, int row) throws SQLException {
    return new Jurisdiction(rs.getString("code"), rs.getString("name"), JurisdictionLevel.valueOf(rs.getString("level")),
        rs.getString("parent_code"), rs.getString("path"));
  }
}
