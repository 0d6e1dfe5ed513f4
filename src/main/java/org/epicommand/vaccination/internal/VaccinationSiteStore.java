package org.epicommand.vaccination.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.shared.LikePattern;
import org.epicommand.vaccination.VaccinationSiteDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table of vaccination sites ({@code vaccination_site}). */
@Repository
public class VaccinationSiteStore {

  /** A stored site: its checked data, where it lies, whether retired, the import line that last wrote it. */
  public record Row(VaccinationSiteDetails data, String path, Instant retiredAt, UUID importId, Integer line) {

    public String code() {
      return data.code();
    }
  }

  private final JdbcClient jdbc;

  VaccinationSiteStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Row> find(String code) {
    return jdbc.sql("select * from vaccination_site where code = :code").param("code", code)
        .query((rs, n) -> map(rs)).optional();
  }

  /** Sites inside the scope, by code; {@code active} null: all; {@code query}: the exact code or part of the name. */
  public List<Row> list(JurisdictionScope scope, Boolean active, String query, long offset, int limit) {
    return bind(jdbc.sql("select * from vaccination_site where " + where(scope, active, query)
        + " order by code offset :offset limit :limit"), scope, query).param("offset", offset).param("limit", limit)
        .query((rs, n) -> map(rs)).list();
  }

  public long count(JurisdictionScope scope, Boolean active, String query) {
    return bind(jdbc.sql("select count(*) from vaccination_site where " + where(scope, active, query)), scope, query)
        .query(Long.class).single();
  }

  /**
   * The where clause of a master data list: {@code condition} (a scope), then active or not and a search
   * by the exact code or part of the name, on the table of {@code alias} ({@code ""} or {@code "v."}).
   */
  static String where(String condition, String alias, Boolean active, String query) {
    StringBuilder where = new StringBuilder(condition);
    if (active != null) {
      where.append(" and ").append(alias).append(active ? "retired_at is null" : "retired_at is not null");
    }
    if (query != null) {
      where.append(" and (").append(alias).append("code = :q or ").append(alias).append("name like :qLike)");
    }
    return where.toString();
  }

  private static String where(JurisdictionScope scope, Boolean active, String query) {
    return where(scope.predicate("jurisdiction_path"), "", active, query);
  }

  static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, JurisdictionScope scope, String query) {
    return search(scope.bind(statement), query);
  }

  /** Binds the search of {@link #where}: the exact code, or part of the name. */
  static JdbcClient.StatementSpec search(JdbcClient.StatementSpec statement, String query) {
    return query == null ? statement : statement.param("q", query).param("qLike", LikePattern.contains(query));
  }

  /** Inserts a site; false when its code is taken. */
  public boolean insert(VaccinationSiteDetails d, String path, Instant now, UUID importId, Integer line) {
    return values(jdbc.sql("""
        insert into vaccination_site (code, name, organisation, jurisdiction_code, jurisdiction_path, address,
          contact_phone, mobile, created_at, updated_at, source_import_id, source_line)
        values (:code, :name, :organisation, :jurisdictionCode, :path, :address, :phone, :mobile, :now, :now,
          :importId, :line)
        on conflict (code) do nothing
        """), d, path, now).param("importId", importId).param("line", line).update() == 1;
  }

  public void update(VaccinationSiteDetails d, String path, Instant now) {
    values(jdbc.sql("""
        update vaccination_site set name = :name, organisation = :organisation, jurisdiction_code = :jurisdictionCode,
          jurisdiction_path = :path, address = :address, contact_phone = :phone, mobile = :mobile, updated_at = :now
        where code = :code
        """), d, path, now).update();
  }

  private static JdbcClient.StatementSpec values(JdbcClient.StatementSpec statement, VaccinationSiteDetails d,
      String path, Instant now) {
    return statement.param("code", d.code()).param("name", d.name()).param("organisation", d.organisation())
        .param("jurisdictionCode", d.jurisdictionCode()).param("path", path).param("address", d.address())
        .param("phone", d.contactPhone()).param("mobile", Boolean.TRUE.equals(d.mobile()))
        .param("now", MasterRows.utc(now));
  }

  /** Active sites in the scope, by name (pickers). */
  public List<Row> active(JurisdictionScope scope, int limit) {
    return scope.bind(jdbc.sql("select * from vaccination_site where " + scope.predicate("jurisdiction_path")
        + " and retired_at is null order by name, code limit :limit")).param("limit", limit)
        .query((rs, n) -> map(rs)).list();
  }

  /** The sites whose code or name is one of {@code texts}, by code and by name (FHIR performers name their site). */
  public java.util.Map<String, Row> matching(java.util.Collection<String> texts) {
    java.util.Map<String, Row> found = new java.util.HashMap<>();
    if (!texts.isEmpty()) {
      String[] values = texts.toArray(String[]::new);
      jdbc.sql("select * from vaccination_site where code = any(?) or name = any(?)").params(values, values)
          .query((rs, n) -> map(rs)).list().forEach(row -> {
            found.put(row.code(), row);
            found.putIfAbsent(row.data().name(), row);
          });
    }
    return found;
  }

  public long countActive() {
    return jdbc.sql("select count(*) from vaccination_site where retired_at is null").query(Long.class).single();
  }

  private static Row map(ResultSet rs) throws SQLException {
    VaccinationSiteDetails data = new VaccinationSiteDetails(rs.getString("code"), rs.getString("name"),
        rs.getString("organisation"), rs.getString("jurisdiction_code"), rs.getString("address"),
        rs.getString("contact_phone"), rs.getBoolean("mobile"));
    return new Row(data, rs.getString("jurisdiction_path"),
        MasterRows.instant(rs.getObject("retired_at", OffsetDateTime.class)), rs.getObject("source_import_id",
            UUID.class),
        (Integer) rs.getObject("source_line"));
  }
}
