package org.epicommand.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.epicommand.jurisdiction.BoundaryFeature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Synthetic but plausible boundaries for the demo city, so that a newcomer sees a map at once: an
 * irregular city outline east of Hangzhou's latitude and longitude, cut into its districts by the
 * Voronoi cells (JTS) of one site per district, each district into its streets and each street into
 * its communities the same way — every cell clipped to its parent, so communities lie inside their
 * street and streets inside their district. Deterministic for a seed.
 *
 * <p>The places the demo and the tests put at fixed coordinates ({@link #ANCHORS}: the demo's venues
 * and checkpoints, the first communities' test places) keep landing in their divisions: an anchored
 * division's site is the middle of its anchors, and every other site is drawn until each anchor lies
 * nearer its own site than the new one.
 */
public final class DemoGeography {

  private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

  /** The middle of the city and its half-widths in degrees (≈ 50 × 45 km). */
  private static final Coordinate CENTRE = new Coordinate(120.05, 30.24);
  private static final double HALF_WIDTH = 0.26;
  private static final double HALF_HEIGHT = 0.20;

  /**
   * Corners of the areas each division must contain: {@code {minLon, minLat, maxLon, maxLat}}. The
   * first community holds the demo's venues and the tests' venue and sampling-site coordinates
   * (30.27 N 120.15 E …), the second one a test sampling site, the first street a test checkpoint, the
   * first district the demo's checkpoints.
   */
  public static final Map<String, double[]> ANCHORS = Map.of(
      "990101001001", new double[] {120.148, 30.268, 120.169, 30.289},
      "990101001002", new double[] {120.163, 30.247, 120.170, 30.253},
      "990101001", new double[] {120.207, 30.307, 120.213, 30.313},
      "990101", new double[] {120.175, 30.285, 120.215, 30.305});

  private DemoGeography() {}

  /** The boundary of every node of the tree, parents before children. */
  public static List<BoundaryFeature> boundaries(List<DemoCity.Node> tree, long seed) {
    Random random = new Random(seed ^ 0x6765_6F00L);
    Map<String, List<DemoCity.Node>> children = new LinkedHashMap<>();
    tree.forEach(node -> {
      if (node.parentCode() != null) {
        children.computeIfAbsent(node.parentCode(), k -> new ArrayList<>()).add(node);
      }
    });
    Map<String, Geometry> shapes = new LinkedHashMap<>();
    DemoCity.Node city = tree.get(0);
    shapes.put(city.code(), outline(random));
    for (DemoCity.Node node : tree) {
      List<DemoCity.Node> below = children.getOrDefault(node.code(), List.of());
      if (!below.isEmpty()) {
        shapes.putAll(divide(shapes.get(node.code()), below, random));
      }
    }
    List<BoundaryFeature> features = new ArrayList<>(tree.size());
    for (DemoCity.Node node : tree) {
      features.add(new BoundaryFeature(features.size() + 1, node.code(), node.name(), shapes.get(node.code())));
    }
    return features;
  }

  /** A rounded, irregular outline: a radius that wobbles with the angle. */
  private static Polygon outline(Random random) {
    int vertices = 72;
    double phase1 = random.nextDouble() * 2 * Math.PI;
    double phase2 = random.nextDouble() * 2 * Math.PI;
    Coordinate[] ring = new Coordinate[vertices + 1];
    for (int i = 0; i < vertices; i++) {
      double angle = 2 * Math.PI * i / vertices;
      double radius = 1 + 0.10 * Math.sin(3 * angle + phase1) + 0.06 * Math.sin(7 * angle + phase2)
          + 0.02 * (random.nextDouble() - 0.5);
      ring[i] = new Coordinate(round(CENTRE.x + HALF_WIDTH * radius * Math.cos(angle)),
          round(CENTRE.y + HALF_HEIGHT * radius * Math.sin(angle)));
    }
    ring[vertices] = ring[0].copy();
    return FACTORY.createPolygon(ring);
  }

  /** The parent cut into one Voronoi cell per child, each clipped to the parent. */
  private static Map<String, Geometry> divide(Geometry parent, List<DemoCity.Node> nodes, Random random) {
    Map<String, List<Coordinate>> anchors = new LinkedHashMap<>();
    for (DemoCity.Node node : nodes) {
      List<Coordinate> points = new ArrayList<>();
      ANCHORS.forEach((code, box) -> {
        if (code.startsWith(node.code())) {
          points.add(new Coordinate(box[0], box[1]));
          points.add(new Coordinate(box[2], box[1]));
          points.add(new Coordinate(box[2], box[3]));
          points.add(new Coordinate(box[0], box[3]));
        }
      });
      anchors.put(node.code(), points);
    }
    Map<Coordinate, String> sites = new LinkedHashMap<>();
    anchors.forEach((code, points) -> {
      if (!points.isEmpty()) {
        sites.put(middle(points), code);
      }
    });
    Envelope extent = parent.getEnvelopeInternal();
    double spacing = 0.6 * Math.sqrt(parent.getArea() / nodes.size());
    for (DemoCity.Node node : nodes) {
      if (!anchors.get(node.code()).isEmpty()) {
        continue;
      }
      Coordinate site = null;
      for (int attempt = 0; site == null; attempt++) {
        double minimum = spacing * Math.pow(0.97, attempt / 50.0);
        Coordinate candidate = new Coordinate(extent.getMinX() + random.nextDouble() * extent.getWidth(),
            extent.getMinY() + random.nextDouble() * extent.getHeight());
        if (parent.contains(FACTORY.createPoint(candidate)) && keepsAnchors(candidate, sites, anchors)
            && sites.keySet().stream().allMatch(s -> s.distance(candidate) >= minimum)) {
          site = candidate;
        }
      }
      sites.put(site, node.code());
    }
    VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
    voronoi.setSites(sites.keySet());
    Envelope clip = new Envelope(extent);
    clip.expandBy(extent.getWidth(), extent.getHeight());
    voronoi.setClipEnvelope(clip);
    Geometry cells = voronoi.getDiagram(FACTORY);
    Map<String, Geometry> result = new LinkedHashMap<>();
    for (int i = 0; i < cells.getNumGeometries(); i++) {
      Geometry cell = cells.getGeometryN(i);
      String code = sites.get((Coordinate) cell.getUserData());
      result.put(code, polygonal(cell.intersection(parent)));
    }
    return result;
  }

  /** Whether every anchor stays nearer its own division's site than {@code candidate} (with a margin). */
  private static boolean keepsAnchors(Coordinate candidate, Map<Coordinate, String> sites,
      Map<String, List<Coordinate>> anchors) {
    for (Map.Entry<Coordinate, String> site : sites.entrySet()) {
      for (Coordinate anchor : anchors.get(site.getValue())) {
        if (anchor.distance(candidate) < anchor.distance(site.getKey()) * 1.2 + 0.002) {
          return false;
        }
      }
    }
    return true;
  }

  private static Geometry polygonal(Geometry geometry) {
    List<Polygon> polygons = new ArrayList<>();
    PolygonExtracter.getPolygons(geometry).forEach(p -> polygons.add((Polygon) p));
    return polygons.size() == 1 ? polygons.get(0) : FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
  }

  private static Coordinate middle(List<Coordinate> points) {
    double x = 0;
    double y = 0;
    for (Coordinate p : points) {
      x += p.x;
      y += p.y;
    }
    return new Coordinate(x / points.size(), y / points.size());
  }

  private static double round(double degrees) {
    return Math.round(degrees * 1e5) / 1e5;
  }
}
