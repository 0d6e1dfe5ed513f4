package org.epicommand.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.SharedData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A boundary file with bad features: each is a row error naming its feature and field, the valid
 * ones land, and the same file again changes nothing. Features are the communities of 秀容街道 (忻府区).
 */
@EpiCommandTest
class BoundaryImportBadInputTest {

  static final String STREET = "140902001";
  static final String PATH = "/api/v1/jurisdictions/boundaries?key=NAME&parent=" + STREET;

  @Autowired
  Api api;
  @Autowired
  DivisionBoundaries boundaries;

  @BeforeEach
  void xinzhouDivisions() throws Exception {
    api.as("admin").upload("/api/v1/imports/jurisdictions?wait=true",
        SharedData.require("admin/xinzhou_1409_hierarchy_2021.csv"));
  }

  @Test
  void selfIntersectionsUnknownNamesAndSwappedCoordinatesAreRowErrorsAndValidRowsLand() {
    String file = """
        {"type": "FeatureCollection", "features": [
          %s,
          {"type": "Feature", "properties": {"name": "东大街社区居民委员会"}, "geometry": {"type": "Polygon",
            "coordinates": [[[112.740, 38.410], [112.750, 38.420], [112.750, 38.410], [112.740, 38.420], [112.740, 38.410]]]}},
          %s,
          {"type": "Feature", "properties": {"name": "古钟社区居民委员会"}, "geometry": {"type": "Polygon",
            "coordinates": [[[38.430, 112.730], [38.430, 112.740], [38.440, 112.740], [38.440, 112.730], [38.430, 112.730]]]}},
          %s
        ]}""".formatted(square("西街社区居民委员会", 112.720, 38.415), square("不存在社区", 112.700, 38.400),
        square("小南区社区居民委员会", 112.735, 38.400));
    JsonNode result = api.as("admin").upload(PATH, "communities.geojson", file.getBytes(StandardCharsets.UTF_8)).json();
    assertThat(result.get("rowsTotal").asInt()).isEqualTo(5);
    assertThat(result.get("rowsImported").asInt()).isEqualTo(2);
    assertThat(result.get("rowsRejected").asInt()).isEqualTo(3);
    List<String> errors = result.get("errors").valueStream()
        .map(e -> e.get("row").asInt() + ":" + e.get("field").asString()).toList();
    assertThat(errors).containsExactly("2:geometry", "3:name", "4:geometry");
    assertThat(result.get("errors").get(0).get("message").asString()).contains("自相交").contains("112.745");
    assertThat(result.get("errors").get(1).get("message").asString()).contains("不存在社区").contains("秀容街道");
    assertThat(result.get("errors").get(2).get("message").asString()).contains("经纬度可能颠倒");

    // the two valid communities are on the map; a place is checked against them
    JsonNode map = api.as("admin").get("/api/v1/jurisdictions/" + STREET + "/map").json();
    assertThat(map.get("features").valueStream().map(f -> f.get("properties").get("name").asString()).toList())
        .containsExactly("西街社区居民委员会", "小南区社区居民委员会");
    assertThat(boundaries.outside("140902001001", 38.420, 112.725)).isEmpty();
    assertThat(boundaries.outside("140902001001", 38.420, 112.745)).contains("西街社区居民委员会");

    JsonNode again = api.as("admin").upload(PATH, "communities.geojson", file.getBytes(StandardCharsets.UTF_8)).json();
    assertThat(again.get("rowsImported").asInt()).isEqualTo(2);
    assertThat(again.get("rowsUnchanged").asInt()).isEqualTo(2);
    assertThat(again.get("rowsRejected").asInt()).isEqualTo(3);
  }

  @Test
  void aFileThatIsNoMapAndANameKeyWithoutParentAreFieldErrors() {
    Api.Answer csv = api.as("admin").upload(PATH, "divisions.csv", "code,name\n1,x\n".getBytes(StandardCharsets.UTF_8));
    assertThat(csv.status()).isEqualTo(400);
    assertThat(csv.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
    Api.Answer noParent = api.as("admin").upload("/api/v1/jurisdictions/boundaries?key=NAME", "a.geojson",
        ("{\"type\":\"FeatureCollection\",\"features\":[" + square("西街社区居民委员会", 112.72, 38.415) + "]}")
            .getBytes(StandardCharsets.UTF_8));
    assertThat(noParent.status()).isEqualTo(400);
    assertThat(noParent.json().get("errors").get(0).get("field").asString()).isEqualTo("parent");
    Api.Answer badKey = api.as("admin").upload("/api/v1/jurisdictions/boundaries?key=ZIP", "a.geojson",
        new byte[] {'{'});
    assertThat(badKey.json().get("errors").get(0).get("field").asString()).isEqualTo("key");
    assertThat(api.as("commander").upload(PATH, "a.geojson", new byte[] {'{'}).status()).isEqualTo(403);
  }

  /** A square community of about 1 km with its lower-left corner at {@code lon}, {@code lat}. */
  static String square(String name, double lon, double lat) {
    return String.format(java.util.Locale.ROOT, "{\"type\": \"Feature\", \"properties\": {\"name\": \"%s\"},"
        + " \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[%.3f, %.3f], [%.3f, %.3f], [%.3f, %.3f],"
        + " [%.3f, %.3f], [%.3f, %.3f]]]}}", name, lon, lat, lon + 0.01, lat, lon + 0.01, lat + 0.01, lon, lat + 0.01,
        lon, lat);
  }
}
