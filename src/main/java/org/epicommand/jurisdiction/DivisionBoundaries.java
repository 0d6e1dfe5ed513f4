package org.epicommand.jurisdiction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.epicommand.jurisdiction.internal.BoundaryStore;
import org.epicommand.jurisdiction.internal.GeoJsonGeometries;
import org.epicommand.jurisdiction.internal.PreparedBoundaries;
import org.epicommand.shared.FieldProblem;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Division boundaries as the rest of the platform uses them: shapes for maps (simplified to what the
 * map can show), the point a division's label goes on, and whether a place's coordinates lie inside
 * its division. Boundaries come in through {@link BoundaryImports}. Division codes and boundaries are
 * published administrative data, not personal data.
 */
@Service
@Transactional(readOnly = true)
public class DivisionBoundaries {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final BoundaryStore store;
  private final PreparedBoundaries prepared;
  private final Jurisdictions jurisdictions;

  DivisionBoundaries(BoundaryStore store, PreparedBoundaries prepared, Jurisdictions jurisdictions) {
    this.store = store;
    this.prepared = prepared;
    this.jurisdictions = jurisdictions;
  }

  /** The divisions of {@code level} inside {@code scope} that have a boundary, drawn at {@code detail}. */
  public List<DivisionShape> shapes(JurisdictionScope scope, JurisdictionLevel level, MapDetail detail) {
    return store.shapes(scope, level, detail);
  }

  /** The detail for a map of the divisions of {@code level} inside {@code scope}: by how far they spread. */
  public MapDetail detailFor(JurisdictionScope scope, JurisdictionLevel level) {
    return store.extent(scope, level)
        .map(e -> MapDetail.forExtent(Math.max(e[2] - e[0], e[3] - e[1]))).orElse(MapDetail.COARSE);
  }

  public Optional<DivisionShape> shape(String code, MapDetail detail) {
    return store.shape(code, detail);
  }

  /**
   * The geometries of {@link #shapes} for drawing on the server (the situation report), by code, in
   * code order.
   */
  public Map<String, Geometry> geometries(JurisdictionScope scope, JurisdictionLevel level, MapDetail detail) {
    Map<String, Geometry> geometries = new LinkedHashMap<>();
    for (DivisionShape shape : store.shapes(scope, level, detail)) {
      geometries.put(shape.code(), GeoJsonGeometries.read(JSON.readTree(shape.geometry()), null));
    }
    return geometries;
  }

  /** A point inside the division (where its name goes on a map), when it has a boundary. */
  public Optional<LatLon> labelPoint(String code) {
    return jurisdictions.find(code).flatMap(j -> store.label(j.code()));
  }

  /** How many divisions inside {@code scope} have a boundary. */
  public long count(JurisdictionScope scope) {
    return store.count(scope);
  }

  /**
   * The name of the division whose boundary the point lies outside of: the division itself, or the
   * nearest one above it that has a boundary; empty when it lies inside or no boundary is known.
   */
  public Optional<String> outside(String divisionCode, double lat, double lon) {
    Optional<Jurisdiction> division = divisionCode == null ? Optional.empty() : jurisdictions.find(divisionCode.strip());
    if (division.isEmpty()) {
      return Optional.empty();
    }
    List<String> ancestry = List.of(division.get().path().substring(1).split("/"));
    return prepared.test(ancestry, lat, lon).filter(holder -> !holder.contains())
        .map(PreparedBoundaries.Holder::name);
  }

  /**
   * Adds a problem on {@code field} ({@code lat} or {@code latitude}) naming the division when the
   * coordinates lie outside its boundary. Missing or out-of-range coordinates are the caller's rules.
   */
  public void checkInside(String divisionCode, Double lat, Double lon, String field, List<FieldProblem> problems) {
    if (lat == null || lon == null || !(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
      return;
    }
    outside(divisionCode, lat, lon).ifPresent(name -> problems.add(FieldProblem.of(field, "boundary.outside", name)));
  }
}
