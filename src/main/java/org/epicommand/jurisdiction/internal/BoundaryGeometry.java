package org.epicommand.jurisdiction.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.epicommand.jurisdiction.LatLon;
import org.epicommand.jurisdiction.MapDetail;
import org.epicommand.shared.FieldProblem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * The rules a division boundary must keep and what is derived from it: a valid polygon or multipolygon
 * (OGC rules as JTS checks them: no self-intersection, closed rings, holes inside their shell) lying in
 * China, at most {@value #MAX_COORDINATES} points; its three simplified shapes, label point, centroid,
 * extent, area and digest.
 */
public final class BoundaryGeometry {

  /** More points than any real division boundary needs; a larger one is not a boundary file. */
  public static final int MAX_COORDINATES = 500_000;

  /** Mainland China and its islands, generously: lon 73–136° E, lat 3–54° N. */
  private static final Envelope CHINA = new Envelope(73, 136, 3, 54);

  /** Kilometres per degree of latitude (and of longitude at the equator). */
  private static final double KM_PER_DEGREE = 111.32;

  private BoundaryGeometry() {}

  /**
   * The first rule the geometry breaks, as a problem on {@code geometry}; {@code null} when it keeps
   * them all. Coordinates outside China that would lie inside it swapped are named as swapped.
   */
  public static FieldProblem problem(Geometry geometry) {
    if (geometry.isEmpty()) {
      return FieldProblem.of("geometry", "boundary.noGeometry");
    }
    if (geometry.getNumPoints() > MAX_COORDINATES) {
      return FieldProblem.of("geometry", "boundary.tooLarge", MAX_COORDINATES);
    }
    Envelope extent = geometry.getEnvelopeInternal();
    if (!CHINA.contains(extent)) {
      Envelope swapped = new Envelope(extent.getMinY(), extent.getMaxY(), extent.getMinX(), extent.getMaxX());
      return FieldProblem.of("geometry", CHINA.contains(swapped) ? "boundary.swapped" : "boundary.outsideChina",
          degrees(extent.getMinX()) + ", " + degrees(extent.getMinY()));
    }
    TopologyValidationError error = new IsValidOp(geometry).getValidationError();
    if (error != null) {
      Coordinate at = error.getCoordinate();
      String where = at == null ? "" : degrees(at.x) + ", " + degrees(at.y);
      boolean crossing = error.getErrorType() == TopologyValidationError.SELF_INTERSECTION
          || error.getErrorType() == TopologyValidationError.RING_SELF_INTERSECTION;
      return crossing ? FieldProblem.of("geometry", "boundary.selfIntersection", where)
          : FieldProblem.of("geometry", "boundary.invalid", error.getMessage(), where);
    }
    return null;
  }

  /** What is stored of a valid boundary. */
  public static BoundaryStore.Row row(String code, Geometry geometry, String source) {
    byte[] wkb = new WKBWriter().write(geometry);
    Envelope extent = geometry.getEnvelopeInternal();
    Point label = geometry.getInteriorPoint();
    Point centroid = geometry.getCentroid();
    double km2 = geometry.getArea() * KM_PER_DEGREE * KM_PER_DEGREE * Math.cos(Math.toRadians(centroid.getY()));
    return new BoundaryStore.Row(code, wkb, digest(wkb), geometry.getNumPoints(), shape(geometry, MapDetail.COARSE),
        shape(geometry, MapDetail.MEDIUM), shape(geometry, MapDetail.FINE), new LatLon(label.getY(), label.getX()),
        new LatLon(centroid.getY(), centroid.getX()), extent.getMinX(), extent.getMinY(), extent.getMaxX(),
        extent.getMaxY(), km2, source);
  }

  /** The geometry simplified for {@code detail}, as GeoJSON. */
  static String shape(Geometry geometry, MapDetail detail) {
    Geometry simple = TopologyPreservingSimplifier.simplify(geometry, detail.tolerance());
    return GeoJsonGeometries.write(simple.isEmpty() ? geometry : simple, detail.decimals());
  }

  public static Geometry fromWkb(byte[] wkb) {
    try {
      return new WKBReader(GeoJsonGeometries.FACTORY).read(wkb);
    } catch (ParseException e) {
      throw new IllegalStateException("a stored boundary is no WKB", e);
    }
  }

  /** SHA-256 of the WKB, hex: the same shape imported again is recognised. */
  public static String digest(byte[] wkb) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(wkb));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String degrees(double value) {
    return String.format(Locale.ROOT, "%.5f", value);
  }
}
