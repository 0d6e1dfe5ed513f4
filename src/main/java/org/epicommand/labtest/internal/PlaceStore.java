package org.epicommand.labtest.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.shared.LikePattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sampling-site and lab tables ({@code labtest_site}, {@code labtest_lab}) as master data. */
@Repository
public class PlaceStore {

  private static final String COMMON = "code, name, jurisdiction_code, jurisdiction_path, address, contact_name,"
      + " contact_phone, capacity_per_day, latitude, longitude";

  /** Which records a list shows: inside a scope (labs without a jurisdiction too, when asked), active or not, a search.
   * */
  public record Filter(JurisdictionScope scope, boolean withUnplaced, Boolean active, String query) {}

  private final JdbcClient jdbc;

  PlaceStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<PlaceRow> find(PlaceKind kind, String code) {
    return jdbc.sql("select * from " + kind.table + " where code = :code").param("code", code)
        .query((rs, n) -> map(kind, rs)).optional();
  }

  public List<PlaceRow> list(PlaceKind kind, Filter filter, long offset, int limit) {
    return bind(jdbc.sql("select * from " + kind.table + " where " + where(filter)
        + " order by code offset :offset limit :limit"), filter).param("offset", offset).param("limit", limit)
        .query((rs, n) -> map(kind, rs)).list();
  }

  public long count(PlaceKind kind, Filter filter) {
    return bind(jdbc.sql("select count(*) from " + kind.table + " where " + where(filter)), filter)
        .query(Long.class).single();
  }

  private static String where(Filter filter) {
    String scope = filter.scope().predicate("jurisdiction_path");
    StringBuilder where = new StringBuilder(filter.withUnplaced() ? "(jurisdiction_path is null or " + scope + ")"
        : scope);
    if (filter.active() != null) {
      where.append(filter.active() ? " and retired_at is null" : " and retired_at is not null");
    }
    if (filter.query() != null) {
      where.append(" and (code = :q or name like :qLike)");
    }
    return where.toString();
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Filter filter) {
    JdbcClient.StatementSpec bound = filter.scope().bind(statement);
    return filter.query() == null ? bound
        : bound.param("q", filter.query()).param("qLike", LikePattern.contains(filter.query()));
  }

  /** Inserts a record; false when its code is taken. */
  public boolean insert(PlaceKind kind, String code, PlaceData data, String path, Instant now, UUID importId,
      Integer line) {
    return values(jdbc.sql("insert into " + kind.table + " (" + COMMON + ", " + kind.extraColumns
        + ", created_at, updated_at, source_import_id, source_line) values (:code, :name, :jurisdictionCode, :path,"
        + " :address, :contactName, :contactPhone, :capacity, :latitude, :longitude, " + kind.extraValues
        + ", :now, :now, :importId, :line) on conflict (code) do nothing"), code, data, path, now)
        .param("importId", importId).param("line", line).update() == 1;
  }

  public void update(PlaceKind kind, String code, PlaceData data, String path, Instant now) {
    values(jdbc.sql("update " + kind.table + " set name = :name, jurisdiction_code = :jurisdictionCode,"
        + " jurisdiction_path = :path, address = :address, contact_name = :contactName, contact_phone = :contactPhone,"
        + " capacity_per_day = :capacity, latitude = :latitude, longitude = :longitude, " + kind.extraAssignments
        + ", updated_at = :now where code = :code"), code, data, path, now).update();
  }

  private static JdbcClient.StatementSpec values(JdbcClient.StatementSpec statement, String code, PlaceData data,
      String path, Instant now) {
    return statement.param("code", code).param("name", data.name()).param("jurisdictionCode", data.jurisdictionCode())
        .param("path", path).param("address", data.address()).param("contactName", data.contactName())
        .param("contactPhone", data.contactPhone()).param("capacity", data.capacityPerDay())
        .param("latitude", data.latitude()).param("longitude", data.longitude()).param("samplers", data.samplers())
        .param("openingHours", data.openingHours()).param("reserve", data.reserve()).param("mobile", data.mobile())
        .param("now", utc(now));
  }

  /** Retires a record ({@code at}) or takes it back into service ({@code null}). */
  public void retire(PlaceKind kind, String code, Instant at, Instant now) {
    jdbc.sql("update " + kind.table + " set retired_at = :at, updated_at = :now where code = :code")
        .param("at", at == null ? null : utc(at)).param("now", utc(now)).param("code", code).update();
  }

  /** Marks the import line that last wrote (or confirmed) a record: a code twice in one file is then seen. */
  public void stamp(PlaceKind kind, String code, UUID importId, int line) {
    jdbc.sql("update " + kind.table + " set source_import_id = :importId, source_line = :line where code = :code")
        .param("importId", importId).param("line", line).param("code", code).update();
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static PlaceRow map(PlaceKind kind, ResultSet rs) throws SQLException {
    boolean site = kind == PlaceKind.SITE;
    PlaceData data = new PlaceData(rs.getString("name"), rs.getString("jurisdiction_code"), rs.getString("address"),
        rs.getString("contact_name"), rs.getString("contact_phone"), (Integer) rs.getObject("capacity_per_day"),
        site ? (Integer) rs.getObject("samplers") : null, site ? rs.getString("opening_hours") : null,
        !site && rs.getBoolean("reserve"), !site && rs.getBoolean("mobile"), rs.getBigDecimal("latitude"),
        rs.getBigDecimal("longitude"));
    OffsetDateTime retired = rs.getObject("retired_at", OffsetDateTime.class);
    return new PlaceRow(kind, rs.getLong("id"), rs.getString("code"), data, rs.getString("jurisdiction_path"),
        retired == null ? null : retired.toInstant(), rs.getObject("source_import_id", UUID.class),
        (Integer) rs.getObject("source_line"));
  }
}
