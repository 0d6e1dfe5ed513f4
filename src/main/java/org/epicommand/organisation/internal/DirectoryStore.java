package org.epicommand.organisation.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

  /**
   * Inserts new organisations (an import batch's in one statement); answers the ids stored (a credit code
   * registered already, or meanwhile by someone else, is left out).
   */
  public Set<UUID> insertAll(List<OrganisationRow> rows, Instant now) {
    if (rows.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(batch(jdbc.sql("insert into organisation (" + COLUMNS.replace(", retired_at", "")
        + ", created_at, updated_at) select u.id, u.code, u.name, u.kind, u.sector, u.jurisdiction,"
        + " u.jurisdiction_path, u.district, u.path, u.address, u.legal, u.contact_name, u.contact_phone, u.headcount, u.level,"
        + " string_to_array(u.cohorts, chr(31)), u.boarding, u.capacity, u.religion, u.clergy, u.import_id, u.line,"
        + " :now, :now from " + UNNEST + " order by u.n on conflict (credit_code) do nothing returning id"), rows,
        List.of()).param("now", Timestamp.from(now)).query(UUID.class).list());
  }

  /**
   * Writes known organisations as the rows say (an import batch's in one statement), with the import line
   * that last wrote each (a code twice in one file is refused); only those in {@code changed} count as
   * updated ({@code updated_at}).
   */
  public void updateAll(List<OrganisationRow> rows, Collection<UUID> changed, Instant now) {
    if (rows.isEmpty()) {
      return;
    }
    batch(jdbc.sql("""
        update organisation o set name = u.name, kind = u.kind, sector = u.sector, jurisdiction_code = u.jurisdiction,
          jurisdiction_path = u.jurisdiction_path, district_code = u.district, path = u.path, address = u.address,
          legal_representative = u.legal, contact_name = u.contact_name, contact_phone = u.contact_phone,
          headcount = u.headcount, school_level = u.level, cohorts = string_to_array(u.cohorts, chr(31)),
          boarding = u.boarding, max_capacity = u.capacity, religion = u.religion, clergy_count = u.clergy,
          source_import_id = u.import_id, source_line = u.line,
          updated_at = case when u.changed then :now else o.updated_at end
        from\s""" + UNNEST + " where o.id = u.id"), rows, changed).param("now", Timestamp.from(now)).update();
  }

  /** The rows of a batch as arrays, unnested as {@code u}, in the rows' order ({@code u.n}). */
  private static final String UNNEST = """
      unnest(cast(:ids as uuid[]), cast(:codes as text[]), cast(:names as text[]), cast(:kinds as text[]),
        cast(:sectors as text[]), cast(:jurisdictions as text[]), cast(:jurisdictionPaths as text[]),
        cast(:districts as text[]), cast(:paths as text[]), cast(:addresses as text[]), cast(:legals as text[]),
        cast(:contactNames as text[]), cast(:contactPhones as text[]), cast(:headcounts as int[]),
        cast(:levels as text[]), cast(:cohorts as text[]), cast(:boardings as boolean[]), cast(:capacities as int[]),
        cast(:religions as text[]), cast(:clergies as int[]), cast(:importIds as uuid[]), cast(:lines as int[]),
        cast(:changed as boolean[]))
        with ordinality as u (id, code, name, kind, sector, jurisdiction, jurisdiction_path, district, path, address,
          legal, contact_name, contact_phone, headcount, level, cohorts, boarding, capacity, religion, clergy,
          import_id, line, changed, n)
      """;

  private static JdbcClient.StatementSpec batch(JdbcClient.StatementSpec statement, List<OrganisationRow> rows,
      Collection<UUID> changed) {
    return statement.param("ids", rows.stream().map(OrganisationRow::id).toArray(UUID[]::new))
        .param("codes", texts(rows, r -> r.data().creditCode()))
        .param("names", texts(rows, r -> r.data().name()))
        .param("kinds", texts(rows, r -> r.data().kind().name()))
        .param("sectors", texts(rows, r -> r.data().sector().name()))
        .param("jurisdictions", texts(rows, r -> r.data().jurisdictionCode()))
        .param("jurisdictionPaths", texts(rows, OrganisationRow::jurisdictionPath))
        .param("districts", texts(rows, OrganisationRow::districtCode))
        .param("paths", texts(rows, OrganisationRow::path))
        .param("addresses", texts(rows, r -> r.data().address()))
        .param("legals", texts(rows, r -> r.data().legalRepresentative()))
        .param("contactNames", texts(rows, r -> r.data().contactName()))
        .param("contactPhones", texts(rows, r -> r.data().contactPhone()))
        .param("headcounts", rows.stream().map(r -> r.data().headcount() == null ? 0 : r.data().headcount())
            .toArray(Integer[]::new))
        .param("levels", texts(rows, r -> r.data().schoolLevel() == null ? null : r.data().schoolLevel().name()))
        // as the enterprise module's read model passes them: joined by the unit separator
        .param("cohorts", texts(rows, r -> r.data().cohorts() == null ? "" : String.join("\u001f", r.data().cohorts())))
        .param("boardings", rows.stream().map(r -> r.data().boarding()).toArray(Boolean[]::new))
        .param("capacities", rows.stream().map(r -> r.data().maxCapacity()).toArray(Integer[]::new))
        .param("religions", texts(rows, r -> r.data().religion()))
        .param("clergies", rows.stream().map(r -> r.data().clergyCount()).toArray(Integer[]::new))
        .param("importIds", rows.stream().map(OrganisationRow::sourceImportId).toArray(UUID[]::new))
        .param("lines", rows.stream().map(OrganisationRow::sourceLine).toArray(Integer[]::new))
        .param("changed", rows.stream().map(r -> changed.contains(r.id())).toArray(Boolean[]::new));
  }

  private static String[] texts(List<OrganisationRow> rows, java.util.function.Function<OrganisationRow, String> f) {
    return rows.stream().map(f).toArray(String[]::new);
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
