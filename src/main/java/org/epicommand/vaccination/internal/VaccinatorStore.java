package org.epicommand.vaccination.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.vaccination.VaccinatorDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table of vaccinators ({@code vaccination_vaccinator}), read with their site's name and jurisdiction. */
@Repository
public class VaccinatorStore {

  /** A stored vaccinator: checked data, their site's name and path, whether retired, the import line that last wrote
   * it. */
  public record Row(VaccinatorDetails data, String siteName, String sitePath, Instant retiredAt, UUID importId,
      Integer line) {

    public String code() {
      return data.code();
    }
  }

  private static final String SELECT = """
      select v.*, s.name as site_name, s.jurisdiction_path as site_path
      from vaccination_vaccinator v join vaccination_site s on s.code = v.site_code
      """;

  private final JdbcClient jdbc;

  VaccinatorStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Row> find(String code) {
    return jdbc.sql(SELECT + " where v.code = :code").param("code", code).query((rs, n) -> map(rs)).optional();
  }

  /** The vaccinator a staff account records doses as. */
  public Optional<Row> byUsername(String username) {
    return jdbc.sql(SELECT + " where v.username = :username").param("username", username)
        .query((rs, n) -> map(rs)).optional();
  }

  /** Vaccinators of the sites inside the scope (of one site when given), by code. */
  public List<Row> list(JurisdictionScope scope, String site, Boolean active, String query, long offset, int limit) {
    return VaccinationSiteStore.bind(jdbc.sql(SELECT + " where " + where(scope, site, active, query)
        + " order by v.code offset :offset limit :limit"), scope, query).param("site", site).param("offset", offset)
        .param("limit", limit).query((rs, n) -> map(rs)).list();
  }

  public long count(JurisdictionScope scope, String site, Boolean active, String query) {
    return VaccinationSiteStore.bind(jdbc.sql("select count(*) from vaccination_vaccinator v join vaccination_site s"
        + " on s.code = v.site_code where " + where(scope, site, active, query)), scope, query).param("site", site)
        .query(Long.class).single();
  }

  private static String where(JurisdictionScope scope, String site, Boolean active, String query) {
    String condition = scope.predicate("s.jurisdiction_path") + (site == null ? "" : " and v.site_code = :site");
    return VaccinationSiteStore.where(condition, "v.", active, query);
  }

  /** Inserts a vaccinator; false when the code is taken. */
  public boolean insert(VaccinatorDetails d, Instant now, UUID importId, Integer line) {
    return values(jdbc.sql("""
        insert into vaccination_vaccinator (code, name, site_code, username, phone, certificate, created_at,
          updated_at, source_import_id, source_line)
        values (:code, :name, :site, :username, :phone, :certificate, :now, :now, :importId, :line)
        on conflict (code) do nothing
        """), d, now).param("importId", importId).param("line", line).update() == 1;
  }

  public void update(VaccinatorDetails d, Instant now) {
    values(jdbc.sql("""
        update vaccination_vaccinator set name = :name, site_code = :site, username = :username, phone = :phone,
          certificate = :certificate, updated_at = :now
        where code = :code
        """), d, now).update();
  }

  private static JdbcClient.StatementSpec values(JdbcClient.StatementSpec statement, VaccinatorDetails d,
      Instant now) {
    return statement.param("code", d.code()).param("name", d.name()).param("site", d.siteCode())
        .param("username", d.username()).param("phone", d.phone()).param("certificate", d.certificate())
        .param("now", MasterRows.utc(now));
  }

  private static Row map(ResultSet rs) throws SQLException {
    VaccinatorDetails data = new VaccinatorDetails(rs.getString("code"), rs.getString("name"),
        rs.getString("site_code"), rs.getString("username"), rs.getString("phone"), rs.getString("certificate"));
    return new Row(data, rs.getString("site_name"), rs.getString("site_path"),
        MasterRows.instant(rs.getObject("retired_at", OffsetDateTime.class)), rs.getObject("source_import_id",
            UUID.class),
        (Integer) rs.getObject("source_line"));
  }
}
