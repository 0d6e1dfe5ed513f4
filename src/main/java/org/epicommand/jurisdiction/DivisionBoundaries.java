package org.epicommand.jurisdiction;

import java.util.List;
import java.util.Optional;
import org.epicommand.jurisdiction.internal.BoundaryGeometry;
import org.epicommand.jurisdiction.internal.BoundaryStore;
import org.epicommand.jurisdiction.internal.GeoJsonGeometries;
import org.epicommand.jurisdiction.internal.PreparedBoundaries;
import org.epicommand.shared.FieldProblem;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
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

  /** The shapes of these divisions (those that have one), by code. */
  public List<DivisionShape> shapesOf(java.util.Collection<String> codes, MapDetail detail) {
    return store.shapesOf(codes, detail);
  }

  /** Whether any division of {@code level} inside {@code scope} has a boundary (a map can drill down to it). */
  public boolean any(JurisdictionScope scope, JurisdictionLevel level) {
    return store.extent(scope, level).isPresent();
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
    Optional<Jurisdiction> division = divisionCode == null ? Optional.empty()
        : jurisdictions.find(divisionCode.strip());
    if (division.isEmpty()) {
      return Optional.empty();
    }
    List<String> ancestry = List.of(division.get().path().substring(1).split("/"));
    return prepared.test(ancestry, lat, lon).filter(holder -> !holder.contains())
        .map(PreparedBoundaries.Holder::name);
  }

  /**
   * The polygon of an area typed as GeoJSON (a geometry, a feature, or a collection of one feature),
   * such as a risk area's own boundary; empty when the text is no valid polygon in China.
   */
  public Optional<Geometry> areaGeometry(String geoJson) {
    return polygon(geoJson).filter(geometry -> BoundaryGeometry.problem(geometry) == null);
  }

  /**
   * The polygon of GeoJSON text as it is, unchecked (a shape this platform wrote, to draw it); empty when
   * the text is no polygon.
   */
  public Optional<Geometry> polygon(String geoJson) {
    if (geoJson == null || !geoJson.strip().startsWith("{")) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(geoJson);
      if ("FeatureCollection".equals(node.path("type").asString("")) && node.path("features").size() == 1) {
        node = node.path("features").get(0);
      }
      if ("Feature".equals(node.path("type").asString(""))) {
        node = node.path("geometry");
      }
      return Optional.of(GeoJsonGeometries.read(node, null));
    } catch (JacksonException | GeoJsonGeometries.Unreadable e) {
      return Optional.empty();
    }
  }

  /** {@link #areaGeometry} as the GeoJSON a map draws (coordinates rounded to ≈ 1 m). */
  public Optional<String> areaGeoJson(String geoJson) {
    return areaGeometry(geoJson).map(g -> GeoJsonGeometries.write(g, MapDetail.FINE.decimals()));
  }

  /**
   * Checks an area typed as GeoJSON for a division (a risk area's own boundary): a valid polygon whose
   * inner point lies inside the division's boundary (where it has one). Text that is not JSON is a
   * description and passes.
   */
  public void checkArea(String divisionCode, String geoJson, String field, List<FieldProblem> problems) {
    if (geoJson == null || !geoJson.strip().startsWith("{")) {
      return;
    }
    Optional<Geometry> area = areaGeometry(geoJson);
    if (area.isEmpty()) {
      problems.add(FieldProblem.of(field, "boundary.area"));
      return;
    }
    org.locationtech.jts.geom.Point inner = area.get().getInteriorPoint();
    outside(divisionCode, inner.getY(), inner.getX())
        .ifPresent(name -> problems.add(FieldProblem.of(field, "boundary.outside", name)));
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
