package org.epicommand.tracing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.tracing.Venue;
import org.epicommand.tracing.VenueType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The venue table. */
@Repository
public class VenueStore {

  private static final String COLUMNS = "v.id, v.code, v.name, v.address, v.venue_type, v.jurisdiction_code";

  private final JdbcClient jdbc;

  VenueStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean insert(Venue venue, String path, Instant now) {
    return jdbc.sql("""
        insert into venue (id, code, name, address, venue_type, jurisdiction_code, jurisdiction_path, created_at)
        values (:id, :code, :name, :address, :type, :jcode, :path, :now) on conflict (code) do nothing
        """).param("id", UUID.fromString(venue.id())).param("code", venue.code()).param("name", venue.name())
        .param("address", venue.address()).param("type", venue.type().name())
        .param("jcode", venue.jurisdictionCode()).param("path", path).param("now", now.atOffset(ZoneOffset.UTC))
        .update() == 1;
  }

  public Optional<Venue> byCode(String code) {
    return jdbc.sql("select " + COLUMNS + " from venue v where v.code = :code").param("code", code)
        .query(VenueStore::venue).optional();
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

  public List<Venue> list(JurisdictionScope scope, String q, long offset, int limit) {
    return scope.bind(jdbc.sql("select " + COLUMNS + " from venue v where " + scope.predicate("v.jurisdiction_path")
        + (q == null ? "" : " and (v.code = :q or v.name like :like)")
        + " order by v.jurisdiction_path, v.code offset :o limit :l").param("q", q)
        .param("like", q == null ? null : org.epicommand.shared.LikePattern.contains(q))
        .param("o", offset).param("l", limit)).query(VenueStore::venue).list();
  }

  private static Venue venue(ResultSet rs, int n) throws SQLException {
    return new Venue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        VenueType.valueOf(rs.getString(5)), rs.getString(6));
  }
}
