package org.epicommand.jurisdiction.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.epicommand.jurisdiction.DivisionShape;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.LatLon;
import org.epicommand.jurisdiction.MapDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code jurisdiction_boundary}: one shape per division, as imported and simplified three ways. */
@Repository
public class BoundaryStore {

  /** A boundary to store: the WKB as imported, the three simplified GeoJSON shapes and the derived points. */
  public record Row(String code, byte[] wkb, String digest, int coordinates, String coarse, String medium, String fine,
      LatLon label, LatLon centroid, double minLon, double minLat, double maxLon, double maxLat, double areaKm2,
      String source) {}

  /** The stored geometry of a division with its name, the time it was stored and its path. */
  public record Stored(String code, String name, String path, byte[] wkb, Instant updatedAt) {}

  private final JdbcClient jdbc;

  BoundaryStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<String> digest(String code) {
    return jdbc.sql("select digest from jurisdiction_boundary where code = :code").param("code", code)
        .query(String.class).optional();
  }

  public void save(Row row, Instant at, String username) {
    jdbc.sql("""
        insert into jurisdiction_boundary (code, geometry, digest, coordinates, shape_coarse, shape_medium, shape_fine,
          label_lon, label_lat, centroid_lon, centroid_lat, min_lon, min_lat, max_lon, max_lat, area_km2, source,
          updated_at, updated_by)
        values (:code, :wkb, :digest, :coordinates, :coarse, :medium, :fine, :labelLon, :labelLat, :centroidLon,
          :centroidLat, :minLon, :minLat, :maxLon, :maxLat, :area, :source, :at, :by)
        on conflict (code) do update set geometry = excluded.geometry, digest = excluded.digest,
          coordinates = excluded.coordinates, shape_coarse = excluded.shape_coarse, shape_medium =
            excluded.shape_medium,
          shape_fine = excluded.shape_fine, label_lon = excluded.label_lon, label_lat = excluded.label_lat,
          centroid_lon = excluded.centroid_lon, centroid_lat = excluded.centroid_lat, min_lon = excluded.min_lon,
          min_lat = excluded.min_lat, max_lon = excluded.max_lon, max_lat = excluded.max_lat,
          area_km2 = excluded.area_km2, source = excluded.source, updated_at = excluded.updated_at,
          updated_by = excluded.updated_by
        """)
        .param("code", row.code()).param("wkb", row.wkb()).param("digest", row.digest())
        .param("coordinates", row.coordinates()).param("coarse", row.coarse()).param("medium", row.medium())
        .param("fine", row.fine()).param("labelLon", row.label().lon()).param("labelLat", row.label().lat())
        .param("centroidLon", row.centroid().lon()).param("centroidLat", row.centroid().lat())
        .param("minLon", row.minLon()).param("minLat", row.minLat()).param("maxLon", row.maxLon())
        .param("maxLat", row.maxLat()).param("area", row.areaKm2()).param("source", row.source())
        .param("at", Timestamp.from(at)).param("by", username).update();
  }

  /** The divisions of one level inside a scope that have a boundary, by code, drawn at {@code detail}. */
  public List<DivisionShape> shapes(JurisdictionScope scope, JurisdictionLevel level, MapDetail detail) {
    return scope.bind(jdbc.sql("select j.code, j.name, j.level, j.path, b." + column(detail) + " as shape,"
            + " b.label_lat, b.label_lon, b.min_lon, b.min_lat, b.max_lon, b.max_lat"
            + " from jurisdiction j join jurisdiction_boundary b on b.code = j.code"
            + " where " + scope.predicate("j.path") + " and j.level = :level order by j.code"))
        .param("level", level.name()).query(BoundaryStore::shape).list();
  }

  /** The shapes of these divisions (those that have one) at {@code detail}, by code. */
  public List<DivisionShape> shapesOf(java.util.Collection<String> codes, MapDetail detail) {
    if (codes.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select j.code, j.name, j.level, j.path, b." + column(detail) + " as shape,"
            + " b.label_lat, b.label_lon, b.min_lon, b.min_lat, b.max_lon, b.max_lat"
            + " from jurisdiction j join jurisdiction_boundary b on b.code = j.code where j.code in (:codes)"
            + " order by j.code")
        .param("codes", codes).query(BoundaryStore::shape).list();
  }

  /** The shape of one division at {@code detail}. */
  public Optional<DivisionShape> shape(String code, MapDetail detail) {
    return jdbc.sql("select j.code, j.name, j.level, j.path, b." + column(detail) + " as shape,"
            + " b.label_lat, b.label_lon, b.min_lon, b.min_lat, b.max_lon, b.max_lat"
            + " from jurisdiction j join jurisdiction_boundary b on b.code = j.code where j.code = :code")
        .param("code", code).query(BoundaryStore::shape).optional();
  }

  /**
   * The extent of the divisions of one level inside a scope that have a boundary: {@code [minLon,
   * minLat, maxLon, maxLat]}, empty when none has.
   */
  public Optional<double[]> extent(JurisdictionScope scope, JurisdictionLevel level) {
    return scope.bind(jdbc.sql("select min(b.min_lon), min(b.min_lat), max(b.max_lon), max(b.max_lat)"
            + " from jurisdiction j join jurisdiction_boundary b on b.code = j.code"
            + " where " + scope.predicate("j.path") + " and j.level = :level"))
        .param("level", level.name())
        .query((rs, n) -> rs.getObject(1) == null ? null
            : new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)})
        .optional();
  }

  /** The nearest of these divisions (the deepest path first) that has a boundary, with it. */
  public Optional<Stored> deepestWithBoundary(List<String> codes) {
    return jdbc.sql("""
        select j.code, j.name, j.path, b.geometry, b.updated_at from jurisdiction j
          join jurisdiction_boundary b on b.code = j.code
        where j.code in (:codes) order by length(j.path) desc limit 1""")
        .param("codes", codes)
        .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
            rs.getTimestamp(5).toInstant()))
        .optional();
  }

  public Optional<LatLon> label(String code) {
    return jdbc.sql("select label_lat, label_lon from jurisdiction_boundary where code = :code").param("code", code)
        .query((rs, n) -> new LatLon(rs.getDouble(1), rs.getDouble(2))).optional();
  }

  /** How many divisions inside a scope have a boundary. */
  public long count(JurisdictionScope scope) {
    return scope.bind(jdbc.sql("select count(*) from jurisdiction j join jurisdiction_boundary b on b.code = j.code"
        + " where " + scope.predicate("j.path"))).query(Long.class).single();
  }

  private static String column(MapDetail detail) {
    return switch (detail) {
      case COARSE -> "shape_coarse";
      case MEDIUM -> "shape_medium";
      case FINE -> "shape_fine";
    };
  }

  private static DivisionShape shape(ResultSet rs, int row) throws SQLException {
    return new DivisionShape(rs.getString("code"), rs.getString("name"),
        JurisdictionLevel.valueOf(rs.getString("level")),
        rs.getString("path"), rs.getString("shape"), rs.getDouble("label_lat"), rs.getDouble("label_lon"),
        rs.getDouble("min_lon"), rs.getDouble("min_lat"), rs.getDouble("max_lon"), rs.getDouble("max_lat"));
  }
}
