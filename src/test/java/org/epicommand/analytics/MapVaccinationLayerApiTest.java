package org.epicommand.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The vaccination layer of the command map: each area's coverage of an age band and measure is the coverage
 * board's figure for that division, the target comes with it, the counts stay off shared screens, and a bad
 * layer, band or measure is a field error.
 */
@EpiCommandTest
class MapVaccinationLayerApiTest {

  static final String AREAS = "/api/v1/maps/areas";
  static final String DISTRICT = DemoPlaces.DISTRICT;

  @Autowired
  Api api;

  @Test
  void eachStreetShowsTheCoverageBoardsFigureForTheBandAndMeasureWithItsTarget() {
    api.as("commander").post("/api/v1/vaccination/coverage/residents", "");
    JsonNode board = api.as("commander").get("/api/v1/vaccination/coverage?level=TOWNSHIP&ageBand=AGE_60_69"
        + "&jurisdiction=" + DISTRICT).json();
    JsonNode map = api.as("commander").get(AREAS + "?parent=" + DISTRICT
        + "&layer=vaccination&ageBand=AGE_60_69&measure=BOOSTED").json();
    assertThat(map.get("vaccination").get("ageBand").asString()).isEqualTo("AGE_60_69");
    assertThat(map.get("vaccination").get("measure").asString()).isEqualTo("BOOSTED");
    assertThat(map.get("vaccination").get("target").asDouble()).isEqualTo(95.0);
    assertThat(board.get("rows").size()).isEqualTo(map.get("areas").get("features").size()).isPositive();
    int withResidents = 0;
    for (JsonNode row : board.get("rows")) {
      JsonNode area = MapLayersApiTest.area(map, row.get("jurisdictionCode").asString());
      if (row.get("boostedRate").isNull()) {
        assertThat(area.get("vaccination").isNull()).isTrue();
        assertThat(area.get("vaccinationText").asString()).isEqualTo("–");
        continue;
      }
      withResidents++;
      assertThat(area.get("vaccination").asDouble()).isEqualTo(row.get("boostedRate").asDouble());
      assertThat(area.get("vaccinationText").asString()).isEqualTo(row.get("boostedRate").asDouble() + "%");
      assertThat(area.get("vaccinated").asLong()).isEqualTo(row.get("boosted").asLong());
      assertThat(area.get("vaccinationResidents").asLong()).isEqualTo(row.get("residents").asLong());
    }
    assertThat(withResidents).isPositive();

    // by default 80 and over with a first dose (target 90 %); a band and measure without a target: null
    JsonNode defaults = api.as("commander").get(AREAS + "?layer=vaccination").json();
    assertThat(defaults.get("vaccination").get("ageBand").asString()).isEqualTo("AGE_80_PLUS");
    assertThat(defaults.get("vaccination").get("measure").asString()).isEqualTo("FIRST_DOSE");
    assertThat(defaults.get("vaccination").get("target").asDouble()).isEqualTo(90.0);
    JsonNode cityBoard = api.as("commander").get("/api/v1/vaccination/coverage?level=COUNTY&ageBand=AGE_80_PLUS")
        .json();
    JsonNode first = cityBoard.get("rows").get(0);
    assertThat(MapLayersApiTest.area(defaults, first.get("jurisdictionCode").asString()).get("vaccination")
        .asDouble()).isEqualTo(first.get("firstDoseRate").asDouble());
    assertThat(api.as("commander").get(AREAS + "?layer=vaccination&ageBand=AGE_3_11&measure=BOOSTED").json()
        .get("vaccination").get("target").isNull()).isTrue();
  }

  @Test
  void withoutTheLayerNothingIsReadAndTheKioskSeesPercentsOnly() {
    JsonNode plain = api.as("commander").get(AREAS + "?parent=" + DISTRICT).json();
    assertThat(plain.get("vaccination").isNull()).isTrue();
    assertThat(plain.get("areas").get("features").get(0).get("properties").has("vaccination")).isFalse();

    JsonNode kiosk = api.as("kiosk").get(AREAS + "?parent=" + DISTRICT + "&layer=vaccination").json();
    JsonNode area = kiosk.get("areas").get("features").get(0).get("properties");
    assertThat(area.has("vaccination")).isTrue();
    assertThat(area.has("vaccinated")).isFalse();
    assertThat(area.has("vaccinationResidents")).isFalse();
  }

  @Test
  void anUnknownLayerBandOrMeasureIsAFieldError() {
    for (String[] bad : new String[][] {{"layer=deaths", "layer"}, {"layer=vaccination&ageBand=AGE_99", "ageBand"},
        {"layer=vaccination&measure=FOURTH", "measure"}}) {
      Api.Answer answer = api.as("commander").get(AREAS + "?" + bad[0]);
      assertThat(answer.status()).as(bad[0]).isEqualTo(400);
      assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo(bad[1]);
    }
  }
}
