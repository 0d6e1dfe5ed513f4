package org.epicommand.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.epicommand.jurisdiction.DivisionBoundaries;
import org.epicommand.jurisdiction.LatLon;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Risk areas on the map in their level's colour — by the boundary typed as GeoJSON, else by their
 * division's — and the places with their figures; a boundary that is no valid area inside its division
 * is refused when the area is designated.
 */
@EpiCommandTest
class MapOverlaysApiTest {

  static final String COMMUNITY = DemoPlaces.COMMUNITY;

  @Autowired
  Api api;
  @Autowired
  DivisionBoundaries boundaries;

  static String square(double lon, double lat, double size) {
    return String.format(java.util.Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%.5f,%.5f],[%.5f,%.5f],"
        + "[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f]]]}", lon, lat, lon + size, lat, lon + size, lat + size, lon,
        lat + size, lon, lat);
  }

  @Test
  void aRiskAreaIsDrawnByItsOwnBoundaryOrItsDivisionsInItsLevelsColour() {
    String name = "地图高风险楼栋" + System.nanoTime();
    Api.Answer designated = api.as("commander").post("/api/v1/risk-areas", Map.of("name", name, "level", "HIGH",
        "jurisdictionCode", COMMUNITY, "boundary", square(120.155, 30.275, 0.002)));
    assertThat(designated.status()).as(designated.body()).isEqualTo(201);

    JsonNode overlays = api.as("commander").get("/api/v1/maps/overlays?parent=990101001").json();
    List<JsonNode> areas = overlays.get("riskAreas").get("features").valueStream().toList();
    JsonNode own = areas.stream().filter(f -> f.get("properties").get("name").asString().equals(name)).findFirst()
        .orElseThrow();
    assertThat(own.get("properties").get("riskLevel").asString()).isEqualTo("HIGH");
    assertThat(own.get("properties").get("colour").asString()).isEqualTo("#d7191c");
    assertThat(own.get("properties").get("ownBoundary").asBoolean()).isTrue();
    assertThat(own.get("geometry").get("coordinates").get(0).get(0).get(0).asDouble()).isEqualTo(120.155);
    // the demo's 幸福小区 3 号楼 has a boundary in words: drawn as its community
    JsonNode words = areas.stream().filter(f -> f.get("properties").get("name").asString().equals("幸福小区 3 号楼"))
        .findFirst().orElseThrow();
    assertThat(words.get("properties").get("ownBoundary").asBoolean()).isFalse();
    assertThat(words.get("properties").get("jurisdictionCode").asString()).isEqualTo(COMMUNITY);
    assertThat(words.get("geometry").get("type").asString()).isIn("Polygon", "MultiPolygon");

    // the kiosk sees the same public notices
    assertThat(api.as("kiosk").get("/api/v1/maps/overlays?parent=990101001").json().get("riskAreas").get("features")
        .size()).isEqualTo(areas.size());
  }

  @Test
  void aBoundaryThatIsNoValidAreaOrLiesOutsideItsDivisionIsRefused() {
    Api.Answer bowTie = api.as("commander").post("/api/v1/risk-areas", Map.of("name", "自相交区域", "level", "HIGH",
        "jurisdictionCode", COMMUNITY, "boundary", "{\"type\":\"Polygon\",\"coordinates\":[[[120.155,30.275],"
            + "[120.157,30.277],[120.157,30.275],[120.155,30.277],[120.155,30.275]]]}"));
    assertThat(bowTie.status()).isEqualTo(400);
    assertThat(bowTie.json().get("errors").get(0).get("field").asString()).isEqualTo("boundary");
    LatLon elsewhere = boundaries.labelPoint(DemoPlaces.OTHER_DISTRICT).orElseThrow();
    Api.Answer outside = api.as("commander").post("/api/v1/risk-areas", Map.of("name", "区外区域", "level", "HIGH",
        "jurisdictionCode", COMMUNITY, "boundary", square(elsewhere.lon(), elsewhere.lat(), 0.001)));
    assertThat(outside.status()).isEqualTo(400);
    assertThat(outside.json().get("errors").get(0).get("message").asString()).startsWith("坐标不在");
  }

  @Test
  void placesCarryTheirFiguresAndThoseWithoutCoordinatesAreCounted() {
    JsonNode overlays = api.as("commander").get("/api/v1/maps/overlays").json();
    List<JsonNode> places = overlays.get("places").valueStream().toList();
    JsonNode site = places.stream().filter(p -> p.get("code").asString().equals("BJ-Q01")).findFirst().orElseThrow();
    assertThat(site.get("kind").asString()).isEqualTo("QUARANTINE_SITE");
    assertThat(site.get("figures").get("total").asInt()).isGreaterThanOrEqualTo(60);
    assertThat(site.get("figures").get("free").asInt()).isLessThanOrEqualTo(site.get("figures").get("total").asInt());
    assertThat(boundaries.outside(DemoPlaces.DISTRICT, site.get("lat").asDouble(), site.get("lon").asDouble()))
        .isEmpty();
    assertThat(places.stream().filter(p -> p.get("kind").asString().equals("SAMPLING_SITE")).count())
        .isGreaterThanOrEqualTo(3);
    JsonNode checkpoint = places.stream().filter(p -> p.get("code").asString().equals("KK-990101-01")).findFirst()
        .orElseThrow();
    assertThat(checkpoint.get("lat").asDouble()).isEqualTo(30.2987);
    assertThat(places.stream().noneMatch(p -> p.get("code").asString().equals("KK-990101-02"))).isTrue();
  }
}
