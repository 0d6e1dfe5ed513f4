package org.epicommand.vaccination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Coverage by community and age band through HTTP: residents counted from the registry by year of birth,
 * doses counted as they land, the rates against the targets kept as data, the levels and the scope.
 */
@EpiCommandTest
class CoverageApiTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  static final String STREET = DemoPlaces.STREET;
  static final String COMMUNITY = DemoPlaces.NEIGHBOUR;

  @Autowired
  Api api;

  private JsonNode row(String user, String level, String band, String within, String code) {
    Api.Answer answer = api.as(user).get("/api/v1/vaccination/coverage?level=" + level + "&ageBand=" + band
        + "&jurisdiction=" + within);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().get("rows").valueStream().filter(r -> r.get("jurisdictionCode").asString().equals(code))
        .findFirst().orElseThrow();
  }

  @Test
  void coverageCountsResidentsByYearOfBirthAndDosesAsTheyLand() {
    String site = VaccinationFixtures.site(api, COMMUNITY);
    List<VaccinationFixtures.Registered> seniors = List.of(
        VaccinationFixtures.person(api, LocalDate.of(TODAY.getYear() - 85, 1, 1), COMMUNITY),
        VaccinationFixtures.person(api, LocalDate.of(TODAY.getYear() - 86, 12, 31), COMMUNITY),
        VaccinationFixtures.person(api, LocalDate.of(TODAY.getYear() - 80, 12, 31), COMMUNITY));
    Api.Answer counted = api.as("commander").post("/api/v1/vaccination/coverage/residents", "");
    assertThat(counted.json().get("residents").asLong()).isGreaterThan(3000);
    JsonNode before = row("district", "VILLAGE", "AGE_80_PLUS", STREET, COMMUNITY);
    long residents = before.get("residents").asLong();
    assertThat(residents).isGreaterThanOrEqualTo(3);
    long firstDose = before.get("firstDose").asLong();

    for (VaccinationFixtures.Registered senior : seniors.subList(0, 2)) {
      assertThat(api.as("cdc").post("/api/v1/vaccination/doses", VaccinationFixtures.dose(senior.id(), 1, "SINOVAC",
          TODAY.minusDays(30), site)).status()).isEqualTo(201);
    }
    api.as("cdc").post("/api/v1/vaccination/doses", VaccinationFixtures.dose(seniors.get(0).id(), 2, "SINOVAC",
        TODAY.minusDays(5), site));
    JsonNode after = row("district", "VILLAGE", "AGE_80_PLUS", STREET, COMMUNITY);
    assertThat(after.get("residents").asLong()).isEqualTo(residents);
    assertThat(after.get("firstDose").asLong()).isEqualTo(firstDose + 2);
    assertThat(after.get("primaryComplete").asLong()).isEqualTo(before.get("primaryComplete").asLong() + 1);
    assertThat(after.get("firstDoseRate").asDouble())
        .isEqualTo(Math.min(100.0, Math.round((firstDose + 2) * 1000.0 / residents) / 10.0));
    JsonNode sixtyPlus = row("district", "VILLAGE", "AGE_60_PLUS", STREET, COMMUNITY);
    assertThat(sixtyPlus.get("residents").asLong()).isGreaterThanOrEqualTo(residents);
    assertThat(sixtyPlus.get("firstDose").asLong()).isGreaterThanOrEqualTo(firstDose + 2);

    JsonNode all = api.as("community").get("/api/v1/vaccination/coverage").json();
    assertThat(all.get("level").asString()).isEqualTo("VILLAGE");
    assertThat(all.get("rows").valueStream().map(r -> r.get("ageBand").asString()).toList())
        .containsExactly("AGE_3_11", "AGE_12_17", "AGE_18_59", "AGE_60_69", "AGE_70_79", "AGE_80_PLUS", "AGE_60_PLUS",
            "ALL");
    assertThat(all.get("targets").valueStream().map(t -> t.get("ageBand").asString() + "/"
        + t.get("measure").asString() + "/" + t.get("percent").asInt()))
        .contains("AGE_80_PLUS/FIRST_DOSE/90", "AGE_70_79/BOOSTED/95", "AGE_60_69/PRIMARY_COMPLETE/95");
    assertThat(all.get("countedAt").isNull()).isFalse();
  }

  @Test
  void levelsBandsAndTheScopeAreChecked() {
    Api.Answer cityRows = api.as("commander").get("/api/v1/vaccination/coverage?ageBand=ALL");
    assertThat(cityRows.json().get("level").asString()).isEqualTo("COUNTY");
    assertThat(cityRows.json().get("rows").size()).isEqualTo(6);
    Api.Answer above = api.as("district").get("/api/v1/vaccination/coverage?level=CITY");
    assertThat(above.status()).isEqualTo(400);
    assertThat(above.json().get("errors").get(0).get("field").asString()).isEqualTo("level");
    assertThat(api.as("district").get("/api/v1/vaccination/coverage?ageBand=OLD").json().get("errors").get(0)
        .get("field").asString()).isEqualTo("ageBand");
    assertThat(api.as("district").get("/api/v1/vaccination/coverage?jurisdiction=990102").status()).isEqualTo(404);
    assertThat(api.as("district").get("/api/v1/vaccination/coverage?level=COUNTY").json().get("rows").get(0)
        .get("jurisdictionCode").asString()).isEqualTo(DemoPlaces.DISTRICT);
    assertThat(api.as("district").post("/api/v1/vaccination/coverage/residents", "").status()).isEqualTo(403);
  }

  @Test
  void targetsAreDataReplacedWholeAndCheckedFieldByField() {
    List<JsonNode> targets = api.as("admin").get("/api/v1/vaccination/coverage/targets").json().valueStream().toList();
    Api.Answer bad = api.as("admin").put("/api/v1/vaccination/coverage/targets", List.of(
        Map.of("ageBand", "AGE_80_PLUS", "measure", "FIRST_DOSE", "percent", 120),
        Map.of("ageBand", "AGE_70_79", "measure", "BOOSTED", "percent", 95),
        Map.of("ageBand", "AGE_70_79", "measure", "BOOSTED", "percent", 90)));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()))
        .containsExactly("targets[0].percent", "targets[2]");
    Api.Answer same = api.as("admin").put("/api/v1/vaccination/coverage/targets", targets);
    assertThat(same.status()).as(same.body()).isEqualTo(200);
    assertThat(same.json().size()).isEqualTo(targets.size());
    assertThat(api.as("commander").put("/api/v1/vaccination/coverage/targets", targets).status()).isEqualTo(200);
    assertThat(api.as("cdc").put("/api/v1/vaccination/coverage/targets", targets).status()).isEqualTo(403);
    // a body that is no list: 403 for the caller without the right, a field-level 400 for the one with it
    assertThat(api.as("cdc").put("/api/v1/vaccination/coverage/targets", "{}").status()).isEqualTo(403);
    Api.Answer notAList = api.as("admin").put("/api/v1/vaccination/coverage/targets", "{}");
    assertThat(notAList.status()).isEqualTo(400);
    assertThat(notAList.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
    Api.Answer badBand = api.as("admin").put("/api/v1/vaccination/coverage/targets", List.of(Map.of("ageBand",
        "AGE_200_PLUS", "measure", "FIRST_DOSE", "percent", 90)));
    assertThat(badBand.status()).isEqualTo(400);
    assertThat(badBand.json().get("errors").get(0).get("field").asString()).isEqualTo("targets[0]");
    assertThat(api.as("admin").get("/api/v1/vaccination/coverage/targets").json().size()).isEqualTo(targets.size());
  }
}
