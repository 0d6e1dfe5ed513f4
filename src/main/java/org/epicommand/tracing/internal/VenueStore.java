package org.epicommand.tracing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.shared.LikePattern;
import org.epicommand.tracing.Venue;
import org.epicommand.tracing.VenueState;
import org.epicommand.tracing.VenueType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The venue table. */
@Repository
public class VenueStore {

  /** A stored venue with its division's path and the import file and line that last named it. */
  public record Stored(Venue venue, String path, UUID importId, Integer importLine) {}

  private static final String COLUMNS = "v.id, v.code, v.name, v.address, v.venue_type, v.jurisdiction_code,"
      + " v.latitude, v.longitude, v.retired_at, v.jurisdiction_path, v.import_id, v.import_line";

  private final JdbcClient jdbc;

  VenueStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts a new venue; false when its code is taken. {@code importId}/{@code line}: null unless imported. */
  public boolean insert(Venue venue, String path, Instant now, UUID importId, Integer line) {
    return jdbc.sql("""
        insert into venue (id, code, name, address, venue_type, jurisdiction_code, jurisdiction_path, latitude,
                           longitude, created_at, import_id, import_line)
        values (:id, :code, :name, :address, :type, :jcode, :path, :lat, :lon, :now, :importId, :line)
        on conflict (code) do nothing
        """).param("id", UUID.fromString(venue.id())).param("code", venue.code()).param("name", venue.name())
        .param("address", venue.address()).param("type", venue.type().name())
        .param("jcode", venue.jurisdictionCode()).param("path", path).param("lat", venue.lat())
        .param("lon", venue.lon()).param("now", now.atOffset(ZoneOffset.UTC)).param("importId", importId)
        .param("line", line).update() == 1;
  }

  /** Stores corrected fields (the code and the state stay); an import also leaves its file and line. */
  public void update(Venue venue, String path, Instant now, UUID importId, Integer line) {
    jdbc.sql("""
        update venue set name = :name, address = :address, venue_type = :type, jurisdiction_code = :jcode,
               jurisdiction_path = :path, latitude = :lat, longitude = :lon, updated_at = :now,
               import_id = coalesce(:importId, import_id), import_line = coalesce(:line, import_line)
        where id = :id
        """).param("id", UUID.fromString(venue.id())).param("name", venue.name()).param("address", venue.address())
        .param("type", venue.type().name()).param("jcode", venue.jurisdictionCode()).param("path", path)
        .param("lat", venue.lat()).param("lon", venue.lon()).param("now", now.atOffset(ZoneOffset.UTC))
        .param("importId", importId).param("line", line).update();
  }

  /** An import named an unchanged venue: only its file and line are kept (to find the code twice in the file). */
  public void markImported(String id, UUID importId, int line) {
    jdbc.sql("update venue set import_id = :importId, import_line = :line where id = :id")
        .param("id", UUID.fromString(id)).param("importId", importId).param("line", line).update();
  }

  /** Retires (at {@code now}) or reactivates a venue; false when it already was in that state. */
  public boolean changeState(String id, VenueState state, Instant now) {
    return jdbc.sql("update venue set retired_at = :retiredAt, updated_at = :now where id = :id and "
            + (state == VenueState.RETIRED ? "retired_at is null" : "retired_at is not null"))
        .param("id", UUID.fromString(id)).param("now", now.atOffset(ZoneOffset.UTC))
        .param("retiredAt", state == VenueState.RETIRED ? now.atOffset(ZoneOffset.UTC) : null).update() == 1;
  }

  public Optional<Venue> byCode(String code) {
    return find(code).map(Stored::venue);
  }

  public Optional<Stored> find(String code) {
    return jdbc.sql("select " + COLUMNS + " from venue v where v.code = :code").param("code", code)
        .query(VenueStore::stored).optional();
  }

  /** The stored venues of these codes, by code: one {@code = any} query for an import batch. */
  public Map<String, Stored> byCodes(Collection<String> codes) {
    Map<String, Stored> found = new HashMap<>();
    if (!codes.isEmpty()) {
      jdbc.sql("select " + COLUMNS + " from venue v where v.code = any(:codes)")
          .param("codes", codes.stream().distinct().toArray(String[]::new))
          .query(VenueStore::stored).list().forEach(s -> found.put(s.venue().code(), s));
    }
    return found;
  }

  /** Venue ids by code, one {@code = any} query for an import batch. */
  public Map<String, UUID> idsByCode(Collection<String> codes) {
    Map<String, UUID> ids = new HashMap<>();
    if (!codes.isEmpty()) {
      jdbc.sql("select code, id from venue where code = any(:codes)")
          .param("codes", codes.stream().distinct().toArray(String[]::new))
          .query(rs -> {
            ids.put(rs.getString(1), rs.getObject(2, UUID.class));
          });
    }
    return ids;
  }

  /** When each retired venue among these was retired: one look-up in the small partial index per scan batch. */
  public Map<UUID, Instant> retiredAmong(Collection<UUID> ids) {
    Map<UUID, Instant> retired = new HashMap<>();
    if (!ids.isEmpty()) {
      jdbc.sql("select id, retired_at from venue where retired_at is not null and id = any(:ids)")
          .param("ids", ids.toArray(UUID[]::new))
          .query(rs -> {
            retired.put(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant());
          });
    }
    return retired;
  }

  /**
   * Venues inside {@code scope}, in division and code order. {@code q}: a code prefix or part of the
   * name; {@code type}, {@code state}: null for any.
   */
  public List<Venue> list(JurisdictionScope scope, String q, VenueType type, VenueState state, long offset,
      int limit) {
    String sql = "select " + COLUMNS + " from venue v where " + scope.predicate("v.jurisdiction_path")
        + (q == null ? "" : " and (v.code like :prefix or v.name like :like)")
        + (type == null ? "" : " and v.venue_type = :type")
        + (state == null ? "" : state == VenueState.RETIRED ? " and v.retired_at is not null"
            : " and v.retired_at is null")
        + " order by v.jurisdiction_path, v.code offset :o limit :l";
    return scope.bind(jdbc.sql(sql)).param("prefix", q == null ? null : LikePattern.prefix(q))
        .param("like", q == null ? null : LikePattern.contains(q)).param("type", type == null ? null : type.name())
        .param("o", offset).param("l", limit).query(VenueStore::stored).list().stream().map(Stored::venue).toList();
  }

  private static Stored stored(ResultSet rs, int n) throws SQLException {
    OffsetDateTime retiredAt = rs.getObject(9, OffsetDateTime.class);
    Venue venue = new Venue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        VenueType.valueOf(rs.getString(5)), rs.getString(6), rs.getObject(7, Double.class),
        rs.getObject(8, Double.class), retiredAt == null ? VenueState.ACTIVE : VenueState.RETIRED, retiredAt);
    int line = rs.getInt(12);
    return new Stored(venue, rs.getString(10), rs.getObject(11, UUID.class), rs.wasNull() ? null : line);
  }
}
