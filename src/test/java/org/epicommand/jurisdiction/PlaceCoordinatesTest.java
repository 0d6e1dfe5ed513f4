package org.epicommand.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Places on the map — quarantine sites, sampling sites, labs, checkpoints, venues — carry coordinates that
 * must lie inside their division's boundary (the demo city has boundaries): outside is a 400 on the
 * latitude naming the division; inside is stored.
 */
@EpiCommandTest
class PlaceCoordinatesTest {

  static final String DISTRICT = DemoPlaces.OTHER_DISTRICT;

  @Autowired
  Api api;
  @Autowired
  DivisionBoundaries boundaries;

  LatLon inside() {
    return boundaries.labelPoint(DISTRICT).orElseThrow();
  }

  /** A point of the first district: outside 西山区. */
  LatLon outside() {
    return boundaries.labelPoint(DemoPlaces.DISTRICT).orElseThrow();
  }

  static String code(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
  }

  @Test
  void aQuarantineSiteOutsideItsDistrictIsRefusedNamingTheDistrictAndInsideItIsOnTheMap() {
    Api.Answer refused = api.as("commander").post("/api/v1/quarantine/sites", Map.of("code", code("QS"), "name", "西山酒店",
        "jurisdictionCode", DISTRICT, "lat", outside().lat(), "lon", outside().lon()));
    assertThat(refused.status()).isEqualTo(400);
    JsonNode error = refused.json().get("errors").get(0);
    assertThat(error.get("field").asString()).isEqualTo("lat");
    assertThat(error.get("message").asString()).isEqualTo("坐标不在“西山区”的边界内");
    Api.Answer created = api.as("commander").post("/api/v1/quarantine/sites", Map.of("code", code("QS"), "name",
        "西山宾馆", "jurisdictionCode", DISTRICT, "lat", inside().lat(), "lon", inside().lon()));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("lat").asDouble()).isEqualTo(inside().lat());
  }

  @Test
  void checkpointsVenuesSamplingSitesAndLabsKeepToTheirDivisionToo() {
    LatLon out = outside();
    Api.Answer checkpoint = api.as("commander").post("/api/v1/checkpoints", Map.of("code", code("KK-"), "name",
        "西山卡口", "kind", "TRAFFIC", "jurisdictionCode", DISTRICT, "lat", out.lat(), "lon", out.lon()));
    assertThat(checkpoint.status()).isEqualTo(400);
    assertThat(checkpoint.json().get("errors").get(0).get("message").asString()).contains("西山区");
    Api.Answer venue = api.as("cdc").post("/api/v1/venues", Map.of("code", code("V"), "name", "西山超市", "type",
        "SUPERMARKET", "jurisdictionCode", DISTRICT, "lat", out.lat(), "lon", out.lon()));
    assertThat(venue.status()).isEqualTo(400);
    assertThat(venue.json().get("errors").get(0).get("field").asString()).isEqualTo("lat");
    Api.Answer site = api.as("commander").post("/api/v1/labtest/sampling-sites", Map.of("code", code("S"), "name",
        "西山采样点", "jurisdictionCode", DISTRICT, "latitude", out.lat(), "longitude", out.lon()));
    assertThat(site.status()).isEqualTo(400);
    assertThat(site.json().get("errors").get(0).get("field").asString()).isEqualTo("latitude");
    assertThat(site.json().get("errors").get(0).get("message").asString()).contains("西山区");
    // a lab of the whole city may lie anywhere in it, but not in the sea east of it
    Api.Answer lab = api.as("commander").post("/api/v1/labtest/labs", Map.of("code", code("L"), "name", "海上实验室",
        "jurisdictionCode", DemoPlaces.CITY, "capacityPerDay", 1000, "latitude", 30.25, "longitude", 122.5));
    assertThat(lab.status()).isEqualTo(400);
    assertThat(lab.json().get("errors").get(0).get("message").asString()).contains("滨江市");
  }
}
