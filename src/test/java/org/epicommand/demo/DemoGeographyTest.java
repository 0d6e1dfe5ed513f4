package org.epicommand.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.epicommand.jurisdiction.BoundaryFeature;
import org.epicommand.support.DemoPlaces;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** The demo city's synthetic boundaries nest, cover their parents and hold the places the demo puts at fixed points. */
class DemoGeographyTest {

  static final long SEED = 20221111L;
  static final GeometryFactory FACTORY = new GeometryFactory();

  final List<DemoCity.Node> tree = DemoCity.tree(SEED);
  final Map<String, Geometry> shapes = DemoGeography.boundaries(tree, SEED).stream()
      .collect(Collectors.toMap(BoundaryFeature::code, BoundaryFeature::geometry));

  @Test
  void everyDivisionHasAValidBoundaryInsideItsParentAndTheChildrenFillTheParent() {
    assertThat(shapes).hasSize(tree.size());
    Map<String, DemoCity.Node> nodes = tree.stream().collect(Collectors.toMap(DemoCity.Node::code,
        Function.identity()));
    for (DemoCity.Node node : tree) {
      Geometry shape = shapes.get(node.code());
      assertThat(shape.isValid()).as(node.code()).isTrue();
      assertThat(shape.getArea()).as(node.code()).isPositive();
      if (node.parentCode() != null) {
        Geometry parent = shapes.get(node.parentCode());
        assertThat(parent.buffer(1e-9).covers(shape)).as(node.code() + " inside " + nodes.get(node.parentCode()).name())
            .isTrue();
      }
      double children = tree.stream().filter(c -> node.code().equals(c.parentCode()))
          .mapToDouble(c -> shapes.get(c.code()).getArea()).sum();
      if (children > 0) {
        assertThat(children).as("the children of " + node.code()).isCloseTo(shape.getArea(),
            org.assertj.core.data.Percentage.withPercentage(0.001));
      }
    }
  }

  @Test
  void theCityIsAboutFiftyKilometresAcrossAndItsCommunitiesAreOfPlausibleSize() {
    Geometry city = shapes.get(DemoCity.CITY_CODE);
    double km2 = city.getArea() * 111.32 * 111.32 * Math.cos(Math.toRadians(30.24));
    assertThat(km2).isBetween(1_500.0, 2_500.0);
    double smallest = tree.stream().filter(n -> n.level() == 5).mapToDouble(n -> shapes.get(n.code()).getArea())
        .min().orElseThrow() * 111.32 * 111.32 * Math.cos(Math.toRadians(30.24));
    assertThat(smallest).isGreaterThan(0.05);
  }

  @Test
  void thePlacesTheDemoAndTheTestsPutAtFixedPointsLieInTheirDivisions() {
    DemoGeography.ANCHORS.forEach((code, box) -> {
      for (double[] corner : new double[][] {{box[0], box[1]}, {box[2], box[3]}, {box[0], box[3]}, {box[2], box[1]}}) {
        assertThat(shapes.get(code).covers(FACTORY.createPoint(new Coordinate(corner[0], corner[1]))))
            .as(code + " holds " + corner[0] + ", " + corner[1]).isTrue();
      }
    });
    // the demo's checkpoints and venues (MovementDemo, DemoTracingWork)
    assertThat(shapes.get(DemoPlaces.DISTRICT).covers(FACTORY.createPoint(new Coordinate(120.2112, 30.2987)))).isTrue();
    assertThat(shapes.get(DemoPlaces.COMMUNITY).covers(FACTORY.createPoint(new Coordinate(120.1651, 30.2861))))
        .isTrue();
  }

  @Test
  void theSameSeedDrawsTheSameCity() {
    Map<String, Geometry> again = DemoGeography.boundaries(tree, SEED).stream()
        .collect(Collectors.toMap(BoundaryFeature::code, BoundaryFeature::geometry));
    assertThat(again.get("990103002004").equalsExact(shapes.get("990103002004"))).isTrue();
  }
}
