package org.epicommand.sentinel.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.sentinel.Pharmacy;
import org.epicommand.sentinel.PharmacyStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code sentinel_pharmacy} rows: a pharmacy with its scope path (the organisation's). */
@Repository
public class PharmacyStore {

  /** A stored pharmacy and the path that scopes it. */
  public record Row(Pharmacy pharmacy, String path) {}

  private static final String COLUMNS = "credit_code, organisation_id, name, jurisdiction_code, licence_number, chain,"
      + " status, registered_at, jurisdiction_path";

  private final JdbcClient jdbc;

  PharmacyStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean insert(Pharmacy p, String path, String by) {
    return jdbc.sql("""
        insert into sentinel_pharmacy (credit_code, organisation_id, name, jurisdiction_code, jurisdiction_path,
          licence_number, chain, status, registered_at, registered_by)
        values (?, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
        """).params(p.creditCode(), p.organisationId(), p.name(), p.jurisdictionCode(), path, p.licenceNumber(),
            p.chain(), p.status().name(), p.registeredAt(), by).update() == 1;
  }

  public void status(String code, PharmacyStatus status) {
    jdbc.sql("update sentinel_pharmacy set status = ? where credit_code = ?").params(status.name(), code).update();
  }

  public Optional<Row> find(String code) {
    return jdbc.sql("select " + COLUMNS + " from sentinel_pharmacy where credit_code = ?").param(code)
        .query(PharmacyStore::row).optional();
  }

  /** The pharmacies inside the scope (and of the codes, when given), by name. */
  public List<Row> list(JurisdictionScope scope, List<String> codes, long offset, int limit) {
    String only = codes == null ? "" : " and credit_code = any(:codes)";
    var statement = jdbc.sql("select " + COLUMNS + " from sentinel_pharmacy where "
        + (scope == null ? "true" : scope.predicate("jurisdiction_path")) + only
        + " order by name, credit_code offset :offset limit :limit");
    if (codes != null) {
      statement = statement.param("codes", codes.toArray(String[]::new));
    }
    return (scope == null ? statement : scope.bind(statement)).param("offset", offset).param("limit", limit)
        .query(PharmacyStore::row).list();
  }

  static OffsetDateTime utc(Instant at) {
    return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Row(new Pharmacy(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), PharmacyStatus.valueOf(rs.getString(7)), rs.getObject(8, OffsetDateTime.class)),
        rs.getString(9));
  }
}
