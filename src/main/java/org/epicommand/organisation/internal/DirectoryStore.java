package org.epicommand.organisation.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.organisation.OrganisationDetails;
import org.epicommand.organisation.OrganisationKind;
import org.epicommand.organisation.SchoolLevel;
import org.epicommand.organisation.Sector;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code organisation} table. Lists go through a {@link JurisdictionScope} on the organisation's path. */
@Repository
public class DirectoryStore {

  /** Which organisations a list shows; null fields do not filter. {@code query}: the exact code or part of the name. */
  public record Filter(JurisdictionScope scope, OrganisationKind kind, Sector sector, Boolean active, String query) {}

  static final String COLUMNS = "id, credit_code, name, kind, sector, jurisdiction_code, jurisdiction_path,"
      + " district_code, path, address, legal_representative, contact_name, contact_phone, headcount, school_level,"
      + " cohorts, boarding, max_capacity, religion, clergy_count, retired_at, source_import_id, source_line";

  private final JdbcClient jdbc;

  DirectoryStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<OrganisationRow> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from organisation where id = :id").param("id", id)
        .query(DirectoryStore::row).optional();
  }

  public Optional<OrganisationRow> findByCode(String creditCode) {
    return jdbc.sql("select " + COLUMNS + " from organisation where credit_code = :code").param("code", creditCode)
        .query(DirectoryStore::row).optional();
  }

  /** The organisations of these credit codes (one query, for an import batch). */
  public List<OrganisationRow> findByCodes(Collection<String> codes) {
    if (codes.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select " + COLUMNS + " from organisation where credit_code = any(:codes)")
        .param("codes", codes.toArray(String[]::new)).query(DirectoryStore::row).list();
  }

  public List<OrganisationRow> list(Filter filter, long offset, int limit) {
    return bind(jdbc.sql("select " + COLUMNS + " from organisation where " + where(filter)
        + " order by path, id offset :offset limit :limit"), filter)
        .param("offset", offset).param("limit", limit).query(DirectoryStore::row).list();
  }

  /** How many match, counted up to {@code cap} + 1 (a page shows "more than" beyond). */
  public long count(Filter filter, int cap) {
    return bind(jdbc.sql("select count(*) from (select 1 from organisation where " + where(filter)
        + " limit :cap) c"), filter).param("cap", cap + 1).query(Long.class).single();
  }

  private static String where(Filter filter) {
    return filter.scope().predicate("path")
        + (filter.kind() == null ? "" : " and kind = :kind")
        + (filter.sector() == null ? "" : " and sector = :sector")
        + (filter.active() == null ? "" : filter.active() ? " and retired_at is null" : " and retired_at is not null")
        + (filter.query() == null ? "" : " and (credit_code = upper(:query) or name like :namePattern)");
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Filter filter) {
    JdbcClient.StatementSpec spec = filter.scope().bind(statement);
    if (filter.kind() != null) {
      spec = spec.param("kind", filter.kind().name());
    }
    if (filter.sector() != null) {
      spec = spec.param("sector", filter.sector().name());
    }
    if (filter.query() != null) {
      spec = spec.param("query", filter.query())
          .param("namePattern", "%" + org.epicommand.shared.LikePattern.escape(filter.query()) + "%");
    }
    return spec;
  }

  /** Inserts a new organisation; false when its credit code is taken. */
  public boolean insert(UUID id, OrganisationDetails d, String jurisdictionPath, String districtCode, Instant now,
      UUID importId, Integer line) {
    return jdbc.sql("insert into organisation (" + COLUMNS.replace(", retired_at", "") + ", created_at, updated_at)"
            + " values (:id, :code, :name, :kind, :sector, :jurisdiction, :jurisdictionPath, :district, :path,"
            + " :address, :legal, :contactName, :contactPhone, :headcount, :level, :cohorts, :boarding, :capacity,"
            + " :religion, :clergy, :importId, :line, :now, :now) on conflict (credit_code) do nothing")
        .param("id", id).param("jurisdictionPath", jurisdictionPath).param("district", districtCode)
        .param("path", jurisdictionPath + d.creditCode() + "/").param("importId", importId).param("line", line)
        .param("now", Timestamp.from(now)).params(details(d)).update() == 1;
  }

  public void update(UUID id, OrganisationDetails d, String jurisdictionPath, String districtCode, Instant now) {
    jdbc.sql("""
        update organisation set name = :name, kind = :kind, sector = :sector, jurisdiction_code = :jurisdiction,
          jurisdiction_path = :jurisdictionPath, district_code = :district, path = :path, address = :address,
          legal_representative = :legal, contact_name = :contactName, contact_phone = :contactPhone,
          headcount = :headcount, school_level = :level, cohorts = :cohorts, boarding = :boarding,
          max_capacity = :capacity, religion = :religion, clergy_count = :clergy, updated_at = :now
        where id = :id
        """).param("id", id).param("jurisdictionPath", jurisdictionPath).param("district", districtCode)
        .param("path", jurisdictionPath + d.creditCode() + "/").param("now", Timestamp.from(now))
        .params(details(d)).update();
  }

  /** Remembers the import line that last wrote the organisation (a code twice in one file is refused). */
  public void stamp(UUID id, UUID importId, int line) {
    jdbc.sql("update organisation set source_import_id = :importId, source_line = :line where id = :id")
        .param("id", id).param("importId", importId).param("line", line).update();
  }

  /** Retires ({@code at} given) or takes back ({@code at} null). */
  public void retire(UUID id, Instant at, Instant now) {
    jdbc.sql("update organisation set retired_at = :at, updated_at = :now where id = :id").param("id", id)
        .param("at", at == null ? null : Timestamp.from(at)).param("now", Timestamp.from(now)).update();
  }

  /** Active organisations inside a scope. */
  public long countActive(JurisdictionScope scope) {
    return scope.bind(jdbc.sql("select count(*) from organisation where retired_at is null and "
        + scope.predicate("path"))).query(Long.class).single();
  }

  private static java.util.Map<String, Object> details(OrganisationDetails d) {
    java.util.Map<String, Object> values = new java.util.HashMap<>();
    values.put("code", d.creditCode());
    values.put("name", d.name());
    values.put("kind", d.kind().name());
    values.put("sector", d.sector().name());
    values.put("jurisdiction", d.jurisdictionCode());
    values.put("address", d.address());
    values.put("legal", d.legalRepresentative());
    values.put("contactName", d.contactName());
    values.put("contactPhone", d.contactPhone());
    values.put("headcount", d.headcount() == null ? 0 : d.headcount());
    values.put("level", d.schoolLevel() == null ? null : d.schoolLevel().name());
    values.put("cohorts", d.cohorts() == null ? new String[0] : d.cohorts().toArray(String[]::new));
    values.put("boarding", d.boarding());
    values.put("capacity", d.maxCapacity());
    values.put("religion", d.religion());
    values.put("clergy", d.clergyCount());
    return values;
  }

  static OrganisationRow row(ResultSet rs, int n) throws SQLException {
    Array cohorts = rs.getArray("cohorts");
    String level = rs.getString("school_level");
    OrganisationDetails d = new OrganisationDetails(rs.getString("credit_code"), rs.getString("name"),
        OrganisationKind.valueOf(rs.getString("kind")), Sector.valueOf(rs.getString("sector")),
        rs.getString("jurisdiction_code"), rs.getString("address"), rs.getString("legal_representative"),
        rs.getString("contact_name"), rs.getString("contact_phone"), rs.getInt("headcount"),
        level == null ? null : SchoolLevel.valueOf(level),
        cohorts == null ? List.of() : Arrays.asList((String[]) cohorts.getArray()),
        (Boolean) rs.getObject("boarding"), (Integer) rs.getObject("max_capacity"), rs.getString("religion"),
        (Integer) rs.getObject("clergy_count"));
    return new OrganisationRow(rs.getObject("id", UUID.class), d, rs.getString("jurisdiction_path"),
        rs.getString("district_code"), rs.getString("path"), rs.getObject("retired_at", OffsetDateTime.class),
        rs.getObject("source_import_id", UUID.class), (Integer) rs.getObject("source_line"));
  }
}
