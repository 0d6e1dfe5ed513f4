package org.epicommand.jurisdiction.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.epicommand.support.DemoPlaces;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/** ECharts' compressed coordinates: zig-zag steps from the ring's offset, divided by the scale. */
class EchartsEncodingTest {

  @Test
  void eachPairOfCharactersIsAZigZagStepFromThePreviousPoint() {
    // '@' = 0, 'A' = -1, 'B' = +1, 'C' = -2, 'D' = +2 (code − 64, zig-zag)
    Coordinate[] ring = EchartsEncoding.decodeRing("@@BDAC", 1024 * 120, 1024 * 30, 1024);
    assertThat(ring).extracting(c -> c.x).containsExactly(120.0, 120.0 + 1 / 1024.0, 120.0);
    assertThat(ring).extracting(c -> c.y).containsExactly(30.0, 30.0 + 2 / 1024.0, 30.0);
  }

  @Test
  void aStringOfOddLengthOrBelowTheBiasIsNoRing() {
    assertThatThrownBy(() -> EchartsEncoding.decodeRing("@@B", 0, 0, 1024))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EchartsEncoding.decodeRing("@ ", 0, 0, 1024)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEchartsMapScriptIsReadAsItsFeaturesWithTheirCodesAndNames() {
    String script = "(function(){echarts.registerMap('测试', {\"type\":\"FeatureCollection\",\"features\":["
        + "{\"type\":\"Feature\",\"id\":\"990101\",\"properties\":{\"name\":\"东湖区\"},\"geometry\":{\"type\":\"Polygon\","
        + "\"coordinates\":[\"@@D@@D\"],\"encodeOffsets\":[[122880,30720]]}}],\"UTF8Encoding\":true});}));";
    List<BoundaryFile.Feature> features = BoundaryFile.read(script.getBytes(StandardCharsets.UTF_8));
    assertThat(features).hasSize(1);
    assertThat(features.get(0).code()).isEqualTo(DemoPlaces.DISTRICT);
    assertThat(features.get(0).name()).isEqualTo("东湖区");
    Geometry polygon = GeoJsonGeometries.read(features.get(0).geometry(), features.get(0).scale());
    // 120°E 30°N, then 2/1024° east, then 2/1024° north: a triangle the reader closes
    assertThat(polygon.getCoordinates()).hasSize(4);
    assertThat(polygon.getCoordinates()[1].x).isEqualTo(120 + 2 / 1024.0);
    assertThat(polygon.getCoordinates()[2].y).isEqualTo(30 + 2 / 1024.0);
    assertThat(polygon.isValid()).isTrue();
  }

  @Test
  void geoJsonIsWrittenWithTheShortestRoundedNumbers() {
    Geometry square = GeoJsonGeometries.FACTORY.createPolygon(new Coordinate[] {new Coordinate(120.150004, 30.2),
        new Coordinate(120.16, 30.2), new Coordinate(120.16, 30.21), new Coordinate(120.150004, 30.2)});
    assertThat(GeoJsonGeometries.write(square, 4))
        .isEqualTo(
            "{\"type\":\"Polygon\",\"coordinates\":[[[120.15,30.2],[120.16,30.2],[120.16,30.21],[120.15,30.2]]]}");
  }
}
