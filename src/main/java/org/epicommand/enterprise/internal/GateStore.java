package org.epicommand.enterprise.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.enterprise.GateException;
import org.epicommand.enterprise.NewGate;
import org.epicommand.organisation.OrganisationKind;
import org.epicommand.organisation.Sector;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Resumption gates: the commander's decisions as rows, matched against an organisation by SQL. */
@Repository
public class GateStore {

  /** A stored gate. */
  public record GateRow(UUID id, String name, OrganisationKind kind, Sector sector, String jurisdictionCode,
      String jurisdictionPath, String cohort, LocalDate notBefore, List<GateException> exceptions,
      List<String> exceptionOrganisations, String note, OffsetDateTime retiredAt, String createdBy,
      OffsetDateTime createdAt) {}

  private static final String COLUMNS = "id, name, kind, sector, jurisdiction_code, jurisdiction_path, cohort,"
      + " not_before, exceptions, exception_organisations, note, retired_at, created_by, created_at";

  private final JdbcClient jdbc;

  GateStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(UUID id, NewGate g, String jurisdictionPath, List<String> exceptionOrganisations, String by,
      Instant now) {
    jdbc.sql("""
        insert into resumption_gate (id, name, kind, sector, jurisdiction_code, jurisdiction_path, cohort, not_before,
          exceptions, exception_organisations, note, created_by, created_at)
        values (:id, :name, :kind, :sector, :jurisdiction, :path, :cohort, :notBefore, :exceptions, :organisations,
          :note, :by, :now)
        """).param("id", id).param("name", g.name().strip()).param("kind", g.kind() == null ? null : g.kind().name())
        .param("sector", g.sector() == null ? null : g.sector().name()).param("jurisdiction", g.jurisdictionCode()
            .strip())
        .param("path", jurisdictionPath).param("cohort", g.cohort() == null || g.cohort().isBlank() ? null : g.cohort()
            .strip())
        .param("notBefore", g.notBefore())
        .param("exceptions", (g.exceptions() == null ? List.<GateException>of() : g.exceptions()).stream()
            .distinct().map(Enum::name).toArray(String[]::new))
        .param("organisations", exceptionOrganisations.toArray(String[]::new))
        .param("note", g.note() == null || g.note().isBlank() ? null : g.note().strip()).param("by", by)
        .param("now", Timestamp.from(now)).update();
  }

  public Optional<GateRow> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from resumption_gate where id = :id").param("id", id)
        .query(GateStore::row).optional();
  }

  /** Gates by their day, latest first; retired ones only when asked for. */
  public List<GateRow> list(boolean withRetired) {
    return jdbc.sql("select " + COLUMNS + " from resumption_gate" + (withRetired ? "" : " where retired_at is null")
        + " order by not_before desc, created_at desc").query(GateStore::row).list();
  }

  /** The gates in force that cover an organisation (kind, sector, path) and cohort, the latest day first. */
  public List<GateRow> covering(OrganisationKind kind, Sector sector, String organisationPath, String cohort) {
    return jdbc.sql("select " + COLUMNS + " from resumption_gate where retired_at is null"
            + " and (kind is null or kind = :kind) and (sector is null or sector = :sector)"
            + " and :path like jurisdiction_path || '%' and (cohort is null or cohort = :cohort)"
            + " order by not_before desc, created_at desc")
        .param("kind", kind.name()).param("sector", sector.name()).param("path", organisationPath)
        .param("cohort", cohort == null ? "" : cohort).query(GateStore::row).list();
  }

  public void retire(UUID id, Instant at) {
    jdbc.sql("update resumption_gate set retired_at = :at where id = :id").param("id", id)
        .param("at", Timestamp.from(at)).update();
  }

  private static GateRow row(ResultSet rs, int n) throws SQLException {
    String kind = rs.getString("kind");
    String sector = rs.getString("sector");
    return new GateRow(rs.getObject("id", UUID.class), rs.getString("name"),
        kind == null ? null : OrganisationKind.valueOf(kind), sector == null ? null : Sector.valueOf(sector),
        rs.getString("jurisdiction_code"), rs.getString("jurisdiction_path"), rs.getString("cohort"),
        rs.getObject("not_before", LocalDate.class),
        Arrays.stream((String[]) rs.getArray("exceptions").getArray()).map(GateException::valueOf).toList(),
        Arrays.asList((String[]) rs.getArray("exception_organisations").getArray()), rs.getString("note"),
        rs.getObject("retired_at", OffsetDateTime.class), rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class));
  }
}
