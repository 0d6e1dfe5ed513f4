package org.epicommand.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** The report's map drawn on the server: areas in their bin's colour, risk areas over them in their level's. */
class MapChartTest {

  static final GeometryFactory FACTORY = new GeometryFactory();

  static Geometry square(double lon, double lat, double size) {
    return FACTORY.createPolygon(new Coordinate[] {new Coordinate(lon, lat), new Coordinate(lon + size, lat),
        new Coordinate(lon + size, lat + size), new Coordinate(lon, lat + size), new Coordinate(lon, lat)});
  }

  @Test
  void areasTakeTheColourOfTheirBinAndRiskAreasTheirLevelsOverThem() throws Exception {
    String uri = MapChart.draw(List.of(
            new MapChart.Area(square(120.0, 30.0, 0.1), "甲区", 0, "0", 120.05, 30.01),
            new MapChart.Area(square(120.1, 30.0, 0.1), "乙区", 12, "12", 120.15, 30.01)),
        List.of(new MapChart.Overlay(square(120.0, 30.06, 0.03), "#d7191c")));
    assertThat(uri).startsWith("data:image/png;base64,");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(uri.substring(22))));
    assertThat(image.getWidth()).isEqualTo(1520);
    // the map is centred: the two areas meet in the middle of the picture, 0 to the left, 12 to the right
    int middleY = image.getHeight() / 2;
    assertThat(new Color(image.getRGB(image.getWidth() / 2 - 120, middleY))).isEqualTo(MapChart.colour(0));
    assertThat(new Color(image.getRGB(image.getWidth() / 2 + 120, middleY))).isEqualTo(MapChart.colour(12));
    assertThat(MapChart.colour(12)).isEqualTo(new Color(0xE8543F));
    assertThat(MapChart.colour(3)).isEqualTo(new Color(0xFCD5B5));
    assertThat(MapChart.colour(50)).isEqualTo(new Color(0xA50F15));
    // the risk area (the upper left corner of the left area, about 120.015 E 30.075 N) is red over the pale area
    Color risk = new Color(image.getRGB(140, 300));
    assertThat(risk.getRed()).isGreaterThan(risk.getBlue() + 60);
  }
}
