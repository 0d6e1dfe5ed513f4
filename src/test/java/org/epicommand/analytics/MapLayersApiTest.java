package org.epicommand.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.quarantine.QuarantineFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The choropleth: cases and persons count where they live — in their community, its street and its
 * district — one level at a time inside the caller's jurisdiction; shared screens and the kiosk see a
 * community's small counts as "&lt;5".
 */
@EpiCommandTest
class MapLayersApiTest {

  static final String DISTRICT = "990103";
  static final String STREET = "990103002";
  static final String COMMUNITY = "990103002004";
  static final String AREAS = "/api/v1/maps/areas";

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  static JsonNode area(JsonNode map, String code) {
    return map.get("areas").get("features").valueStream().filter(f -> f.get("id").asString().equals(code))
        .findFirst().orElseThrow(() -> new AssertionError(code + " not on the map")).get("properties");
  }

  long figure(String user, String parent, String code, String figure) {
    JsonNode map = api.as(user).get(AREAS + (parent == null ? "" : "?parent=" + parent)).json();
    return area(map, code).get(figure).asLong();
  }

  @Test
  void aCaseCountsInItsCommunityStreetAndDistrictAndTheMapDrillsDownLevelByLevel() {
    long district = figure("commander", null, DISTRICT, "newCases");
    long street = figure("commander", DISTRICT, STREET, "newCases");
    long community = figure("commander", STREET, COMMUNITY, "newCases");
    CaseFixtures.caseOf(api, "地图病例甲", COMMUNITY, "CONFIRMED", null);
    CaseFixtures.caseOf(api, "地图病例乙", COMMUNITY, "ASYMPTOMATIC", null);
    await().atMost(Duration.ofSeconds(20))
        .until(() -> figure("commander", STREET, COMMUNITY, "newCases") == community + 2);
    assertThat(figure("commander", DISTRICT, STREET, "newCases")).isEqualTo(street + 2);

    JsonNode city = api.as("commander").get(AREAS).json();
    assertThat(city.get("code").asString()).isEqualTo(DemoPlaces.CITY);
    assertThat(city.get("areaLevel").asString()).isEqualTo("COUNTY");
    assertThat(city.get("drillable").asBoolean()).isTrue();
    assertThat(city.get("areas").get("features").size()).isEqualTo(6);
    assertThat(area(city, DISTRICT).get("name").asString()).isEqualTo("南江区");
    assertThat(area(city, DISTRICT).get("newCases").asLong()).isEqualTo(district + 2);
    long sum = city.get("areas").get("features").valueStream().mapToLong(f -> f.get("properties").get("newCases")
        .asLong())
        .sum();
    assertThat(city.get("totals").get("newCases").asLong()).isGreaterThanOrEqualTo(sum);

    JsonNode streets = api.as("commander").get(AREAS + "?parent=" + DISTRICT).json();
    assertThat(streets.get("areaLevel").asString()).isEqualTo("TOWNSHIP");
    assertThat(streets.get("trail").valueStream().map(c -> c.get("name").asString()).toList())
        .containsExactly("滨江市", "南江区");
    assertThat(streets.get("areas").get("features").size())
        .isEqualTo(jdbc.sql("select count(*) from jurisdiction where parent_code = ?").param(DISTRICT)
            .query(Integer.class).single());
    JsonNode communities = api.as("commander").get(AREAS + "?parent=" + STREET).json();
    assertThat(communities.get("areaLevel").asString()).isEqualTo("VILLAGE");
    assertThat(communities.get("drillable").asBoolean()).isFalse();
    assertThat(communities.get("shared").asBoolean()).isFalse();
    assertThat(area(communities, COMMUNITY).get("newCasesText").asString()).isEqualTo(Long.toString(community + 2));

    // on a shared screen a community's 1–4 is "<5"; a district's count is shown as it is
    if (community + 2 < MapLayers.SMALL_NUMBER) {
      JsonNode shared = api.as("commander").get(AREAS + "?shared=true&parent=" + STREET).json();
      assertThat(area(shared, COMMUNITY).get("newCases").isNull()).isTrue();
      assertThat(area(shared, COMMUNITY).get("newCasesText").asString()).isEqualTo("<5");
      JsonNode kiosk = api.as("kiosk").get(AREAS + "?parent=" + STREET).json();
      assertThat(kiosk.get("shared").asBoolean()).isTrue();
      assertThat(area(kiosk, COMMUNITY).get("newCasesText").asString()).isEqualTo("<5");
      assertThat(kiosk.toString()).doesNotContain("\"newCases\":" + (community + 2));
      // nor by the community's own map: its totals are hidden the same way
      JsonNode own = api.as("kiosk").get(AREAS + "?parent=" + COMMUNITY).json();
      assertThat(own.get("totals").get("newCasesText").asString()).isEqualTo("<5");
      assertThat(own.get("totals").get("newCases").isNull()).isTrue();
    }
    assertThat(api.as("kiosk").get(AREAS).json().get("areas").get("features").valueStream()
        .filter(f -> f.get("id").asString().equals(DISTRICT)).findFirst().orElseThrow()
        .get("properties").get("newCases").asLong()).isEqualTo(district + 2);
  }

  @Test
  void personsUnderManagementAndCasesUnderTreatmentStandWhereThePersonLives() {
    String community = "990103002005";
    long managed = figure("commander", STREET, community, "managed");
    long active = figure("commander", STREET, community, "activeCases");
    String person = QuarantineFixtures.person(api, "地图密接", community);
    Api.Answer order = api.as("commander").post("/api/v1/quarantine/orders",
        QuarantineFixtures.order(person, "CLOSE_CONTACT", QuarantineFixtures.today().minusDays(1).toString(), "V9"));
    assertThat(order.status()).as(order.body()).isEqualTo(201);
    String caseId = CaseFixtures.caseOf(api, "地图在治", community, "CONFIRMED", null);
    await().atMost(Duration.ofSeconds(20)).until(() -> figure("commander", STREET, community, "managed") == managed + 1
        && figure("commander", STREET, community, "activeCases") == active + 1);
    // died: no longer under treatment
    Api.Answer died = api.as("cdc").post("/api/v1/cases/" + caseId + "/outcome", Map.of("outcome", "DIED"));
    assertThat(died.status()).as(died.body()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(20)).until(() -> figure("commander", STREET, community, "activeCases") == active);
  }

  @Test
  void allTheCommunitiesOfTheCityComeInOneAnswer() {
    JsonNode all = api.as("commander").get(AREAS + "?level=VILLAGE").json();
    int communities = jdbc.sql("select count(*) from jurisdiction where level = 'VILLAGE' and path like '/990100/%'")
        .query(Integer.class).single();
    assertThat(all.get("areas").get("features").size()).isEqualTo(communities);
    assertThat(all.get("withoutBoundary").asInt()).isZero();
    assertThat(all.get("detail").asString()).isEqualTo("MEDIUM");
  }

  @Test
  void outsideTheJurisdictionIsNotFoundAndBadParametersAreFieldErrors() {
    assertThat(api.as("district").get(AREAS + "?parent=990102").status()).isEqualTo(404);
    assertThat(api.as("district").get(AREAS).json().get("code").asString()).isEqualTo(DemoPlaces.DISTRICT);
    Api.Answer days = api.as("commander").get(AREAS + "?days=0");
    assertThat(days.status()).isEqualTo(400);
    assertThat(days.json().get("errors").get(0).get("field").asString()).isEqualTo("days");
    Api.Answer level = api.as("commander").get(AREAS + "?parent=" + STREET + "&level=COUNTY");
    assertThat(level.json().get("errors").get(0).get("field").asString()).isEqualTo("level");
    assertThat(api.as("lab").get(AREAS).status()).isEqualTo(403);
  }
}
