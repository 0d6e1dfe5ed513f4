package org.epicommand.labtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.labtest.LabtestFixtures.TUBES_HEADER;
import static org.epicommand.labtest.LabtestFixtures.persons;
import static org.epicommand.labtest.LabtestFixtures.tubeRows;
import static org.epicommand.labtest.LabtestFixtures.upload;

import java.util.List;
import org.epicommand.labtest.LabtestFixtures.Member;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@EpiCommandTest
class LabtestCampaignTest {

  static final String STREET = DemoPlaces.STREET;
  static final String COMMUNITY = DemoPlaces.NEIGHBOUR;
  static final String SITE = "S990101001002";

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void coverageCountsResidentsAndEachTestedPersonOnceWhetherTubesCameBeforeOrAfterTheCampaign() {
    List<Member> members = persons(api, 6, COMMUNITY);
    // sampled before the campaign is entered: counted by the back-fill
    String early = "C" + System.nanoTime();
    upload(api, "lab", "tubes", TUBES_HEADER + tubeRows(early, "POOL_5", members.subList(0, 2), SITE,
        "2021-03-01T08:00:00+08:00"));
    Api.Answer created = api.as("commander").post("/api/v1/campaigns", """
        {"name": "第一轮全员核酸", "scopeCodes": ["%s"], "startsAt": "2021-03-01T00:00:00+08:00",
         "endsAt": "2021-03-03T00:00:00+08:00"}""".formatted(STREET));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asString();
    assertThat(created.json().get("scopeCodes").get(0).asString()).isEqualTo(STREET);
    // sampled during it: counted by the import; member 0 twice (counted once); member 5 after the window
    String later = "D" + System.nanoTime();
    String single = "E" + System.nanoTime();
    String after = "F" + System.nanoTime();
    upload(api, "lab", "tubes", TUBES_HEADER
        + tubeRows(later, "POOL_10", members.subList(0, 4), SITE, "2021-03-02T10:00:00+08:00")
        + tubeRows(single, "SINGLE", members.subList(4, 5), SITE, "2021-03-02 23:59:59")
        + tubeRows(after, "SINGLE", members.subList(5, 6), SITE, "2021-03-03T00:00:00+08:00"));
    long residents = jdbc.sql("select count(*) from person where jurisdiction_code = ?").param(COMMUNITY)
        .query(Long.class).single();

    JsonNode coverage = api.as("district").get("/api/v1/campaigns/" + id + "/coverage?level=VILLAGE").json();
    JsonNode row = coverage.valueStream().filter(r -> r.get("jurisdictionCode").asString().equals(COMMUNITY))
        .findFirst().orElseThrow();
    assertThat(row.get("residents").asLong()).isEqualTo(residents);
    assertThat(row.get("tested").asLong()).isEqualTo(5);
    assertThat(row.get("untested").asLong()).isEqualTo(residents - 5);
    assertThat(coverage.valueStream().map(r -> r.get("jurisdictionCode").asString()).toList())
        .allMatch(code -> code.startsWith(STREET) && code.length() == 12).contains(DemoPlaces.COMMUNITY);

    // the same tubes again change nothing
    upload(api, "lab", "tubes", TUBES_HEADER
        + tubeRows(later, "POOL_10", members.subList(0, 4), SITE, "2021-03-02T10:00:00+08:00"));
    JsonNode street = api.as("commander").get("/api/v1/campaigns/" + id + "/coverage?level=TOWNSHIP").json();
    assertThat(street.size()).isEqualTo(1);
    assertThat(street.get(0).get("tested").asLong()).isGreaterThanOrEqualTo(5);
    assertThat(api.as("community").get("/api/v1/campaigns/" + id + "/coverage").json().valueStream()
        .map(r -> r.get("jurisdictionCode").asString()).toList()).containsExactly(DemoPlaces.COMMUNITY);

    // the not-tested list of the community: everyone but the five tested, paged and as CSV
    List<String> untested = new java.util.ArrayList<>();
    JsonNode page;
    int n = 0;
    do {
      page = api.as("district").get("/api/v1/campaigns/" + id + "/untested?jurisdiction=" + COMMUNITY
          + "&size=7&page=" + n++).json();
      page.get("items").valueStream().forEach(i -> untested.add(i.get("personId").asString()));
    } while (page.get("hasMore").asBoolean());
    assertThat(untested).hasSize((int) (residents - 5)).doesNotHaveDuplicates()
        .contains(members.get(5).personId())
        .doesNotContain(members.subList(0, 5).stream().map(Member::personId).toArray(String[]::new));
    Api.Answer csv = api.as("district").get("/api/v1/campaigns/" + id + "/untested?jurisdiction=" + COMMUNITY,
        "text/csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body()).contains("personId,name,jurisdictionCode").contains(members.get(5).personId())
        .doesNotContain(members.get(0).personId());
    assertThat(csv.body().lines().count()).isEqualTo(residents - 5 + 1);
    assertThat(api.as("district").get("/api/v1/campaigns/" + id + "/untested?jurisdiction=990102001001").status())
        .isEqualTo(404);
  }

  @Test
  void campaignsAreValidatedAndHiddenOutsideTheCallersJurisdiction() {
    Api.Answer bad = api.as("commander").post("/api/v1/campaigns", """
        {"name": "", "scopeCodes": ["000000"], "startsAt": "2021-03-02T00:00:00+08:00",
         "endsAt": "2021-03-01T00:00:00+08:00"}""");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
        .containsExactlyInAnyOrder("name", "scopeCodes", "endsAt");
    assertThat(api.as("district").post("/api/v1/campaigns", """
        {"name": "越界", "scopeCodes": ["990102"], "startsAt": "2021-03-01T00:00:00+08:00",
         "endsAt": "2021-03-02T00:00:00+08:00"}""").status()).isEqualTo(403);
    assertThat(api.as("community").post("/api/v1/campaigns", "{}").status()).isEqualTo(403);
    Api.Answer other = api.as("commander").post("/api/v1/campaigns", """
        {"name": "二区", "scopeCodes": ["990102"], "startsAt": "2021-04-01T00:00:00+08:00",
         "endsAt": "2021-04-02T00:00:00+08:00"}""");
    assertThat(other.status()).as(other.body()).isEqualTo(201);
    String id = other.json().get("id").asString();
    assertThat(api.as("district").get("/api/v1/campaigns/" + id + "/coverage").status()).isEqualTo(404);
    assertThat(api.as("commander").get("/api/v1/campaigns/" + id + "/coverage?level=NOPE").status()).isEqualTo(400);
    assertThat(api.as("commander").get("/api/v1/campaigns/" + java.util.UUID.randomUUID() + "/coverage").status())
        .isEqualTo(404);
  }
}
