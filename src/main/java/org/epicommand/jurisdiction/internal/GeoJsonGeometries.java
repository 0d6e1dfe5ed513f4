package org.epicommand.jurisdiction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import tools.jackson.databind.JsonNode;

/**
 * GeoJSON polygons in and out (RFC 7946: longitude first, WGS-84). In: a {@code Polygon} or
 * {@code MultiPolygon} geometry, plain or in ECharts' compressed form; rings that do not repeat their
 * first point are closed. Out: the geometry's GeoJSON text with coordinates rounded to the given
 * number of decimals (5 decimals ≈ 1 m), which is what the browser needs.
 */
public final class GeoJsonGeometries {

  /** WGS-84, as GeoJSON is: SRID 4326. */
  public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

  /** Why a geometry could not be read: a message code under {@code error.} and its arguments. */
  public static final class Unreadable extends RuntimeException {
    private final String code;

    Unreadable(String code) {
      super(code);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  private GeoJsonGeometries() {}

  /**
   * The polygon or multipolygon of a GeoJSON geometry object; {@code scale} non-null: the rings are
   * ECharts-encoded strings with their {@code encodeOffsets}.
   */
  public static Geometry read(JsonNode geometry, Double scale) {
    if (geometry == null || !geometry.isObject()) {
      throw new Unreadable("boundary.noGeometry");
    }
    String type = geometry.path("type").asString("");
    JsonNode coordinates = geometry.path("coordinates");
    JsonNode offsets = geometry.path("encodeOffsets");
    boolean encoded = scale != null && offsets.isArray();
    try {
      return switch (type) {
        case "Polygon" -> polygon(coordinates, encoded ? offsets : null, scale);
        case "MultiPolygon" -> {
          requireArray(coordinates);
          Polygon[] polygons = new Polygon[coordinates.size()];
          for (int i = 0; i < polygons.length; i++) {
            polygons[i] = polygon(coordinates.get(i), encoded ? offsets.path(i) : null, scale);
          }
          yield FACTORY.createMultiPolygon(polygons);
        }
        default -> throw new Unreadable(type.isEmpty() ? "boundary.noGeometry" : "boundary.notPolygon");
      };
    } catch (IllegalArgumentException e) {
      // JTS refuses a ring that is not closed or too short; the decoder a string that is no encoded ring
      throw new Unreadable("boundary.badCoordinates");
    }
  }

  private static Polygon polygon(JsonNode rings, JsonNode offsets, Double scale) {
    requireArray(rings);
    if (rings.isEmpty()) {
      throw new Unreadable("boundary.badCoordinates");
    }
    LinearRing[] linear = new LinearRing[rings.size()];
    for (int r = 0; r < linear.length; r++) {
      Coordinate[] points;
      if (offsets != null) {
        JsonNode pair = offsets.path(r);
        if (!rings.get(r).isString() || !pair.path(0).isNumber() || !pair.path(1).isNumber()) {
          throw new Unreadable("boundary.badCoordinates");
        }
        points = EchartsEncoding.decodeRing(rings.get(r).asString(), pair.get(0).asLong(), pair.get(1).asLong(),
            scale);
      } else {
        points = points(rings.get(r));
      }
      linear[r] = FACTORY.createLinearRing(closed(points));
    }
    return FACTORY.createPolygon(linear[0], java.util.Arrays.copyOfRange(linear, 1, linear.length));
  }

  private static Coordinate[] points(JsonNode ring) {
    requireArray(ring);
    Coordinate[] points = new Coordinate[ring.size()];
    for (int i = 0; i < points.length; i++) {
      JsonNode point = ring.get(i);
      if (!point.isArray() || point.size() < 2 || !point.get(0).isNumber() || !point.get(1).isNumber()) {
        throw new Unreadable("boundary.badCoordinates");
      }
      double lon = point.get(0).asDouble();
      double lat = point.get(1).asDouble();
      if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
        throw new Unreadable("boundary.badCoordinates");
      }
      points[i] = new Coordinate(lon, lat);
    }
    return points;
  }

  private static Coordinate[] closed(Coordinate[] points) {
    if (points.length == 0 || points[0].equals2D(points[points.length - 1])) {
      return points;
    }
    Coordinate[] closed = java.util.Arrays.copyOf(points, points.length + 1);
    closed[points.length] = points[0].copy();
    return closed;
  }

  private static void requireArray(JsonNode node) {
    if (node == null || !node.isArray()) {
      throw new Unreadable("boundary.badCoordinates");
    }
  }

  /** The GeoJSON text of a polygon or multipolygon, coordinates rounded to {@code decimals}. */
  public static String write(Geometry geometry, int decimals) {
    StringBuilder out = new StringBuilder(64 + geometry.getNumPoints() * 2 * (decimals + 5));
    String format = "%." + decimals + "f";
    if (geometry instanceof Polygon polygon) {
      out.append("{\"type\":\"Polygon\",\"coordinates\":");
      polygon(out, polygon, format);
    } else if (geometry instanceof MultiPolygon multi) {
      out.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
      for (int i = 0; i < multi.getNumGeometries(); i++) {
        if (i > 0) {
          out.append(',');
        }
        polygon(out, (Polygon) multi.getGeometryN(i), format);
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("not polygonal: " + geometry.getGeometryType());
    }
    return out.append('}').toString();
  }

  private static void polygon(StringBuilder out, Polygon polygon, String format) {
    List<LinearRing> rings = new ArrayList<>();
    rings.add(polygon.getExteriorRing());
    for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
      rings.add(polygon.getInteriorRingN(i));
    }
    out.append('[');
    for (int r = 0; r < rings.size(); r++) {
      if (r > 0) {
        out.append(',');
      }
      out.append('[');
      Coordinate[] points = rings.get(r).getCoordinates();
      for (int i = 0; i < points.length; i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append('[').append(number(points[i].x, format)).append(',').append(number(points[i].y, format)).append(']');
      }
      out.append(']');
    }
    out.append(']');
  }

  private static String number(double value, String format) {
    String text = String.format(Locale.ROOT, format, value);
    // 120.15000 → 120.15: the shortest text that reads back as the rounded number
    if (text.indexOf('.') >= 0) {
      int end = text.length();
      while (text.charAt(end - 1) == '0') {
        end--;
      }
      if (text.charAt(end - 1) == '.') {
        end--;
      }
      text = text.substring(0, end);
    }
    return text.equals("-0") ? "0" : text;
  }
}
