package org.epicommand.labtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.labtest.CampaignBoardApiTest.COMMUNITY;
import static org.epicommand.labtest.CampaignBoardApiTest.OWN_COMMUNITY;
import static org.epicommand.labtest.CampaignBoardApiTest.STREET;
import static org.epicommand.labtest.CampaignBoardApiTest.at;
import static org.epicommand.labtest.LabtestFixtures.RESULTS_HEADER;
import static org.epicommand.labtest.LabtestFixtures.TUBES_HEADER;
import static org.epicommand.labtest.LabtestFixtures.persons;
import static org.epicommand.labtest.LabtestFixtures.tubeRows;
import static org.epicommand.labtest.LabtestFixtures.upload;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.epicommand.labtest.LabtestFixtures.Member;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The board's rollups as the write paths keep them: a pool filled over two imports, files imported
 * twice, an invalid result, and a pool mixing two communities (counted at its first member's).
 */
@EpiCommandTest
class BoardRollupTest {

  @Autowired
  Api api;

  @Autowired
  JdbcClient jdbc;

  @Test
  void rollupsCountWhatLandedOnceEachAndAMixedPoolAtItsFirstMembersCommunity() {
    LocalDate day = LocalDate.of(1990, 1, 1).plusDays(System.nanoTime() / 1000 % 1000);
    String tag = Long.toString(System.nanoTime() % 1_000_000_000L);
    List<Member> near = persons(api, 2, COMMUNITY);
    List<Member> own = persons(api, 2, OWN_COMMUNITY);
    String pool = "RP" + tag;
    String single = "RS" + tag;
    String first = TUBES_HEADER + tubeRows(pool, "POOL_5", List.of(near.get(0), own.get(0)), "S990101001002",
        at(day, "10:05")) + tubeRows(single, "SINGLE", own.subList(1, 2), "S990101001001", at(day, "11:30"));
    upload(api, "lab", "tubes", first);
    // the pool gets a third member in a later import; the first file comes again
    upload(api, "lab", "tubes", TUBES_HEADER + tubeRows(pool, "POOL_5", near.subList(1, 2), "S990101001002",
        at(day, "10:05")));
    upload(api, "lab", "tubes", first);
    String results = RESULTS_HEADER + pool + ",NEGATIVE,,,LAB01," + at(day, "14:05") + "\n"
        + single + ",INVALID,,,LAB02," + at(day, "15:10") + "\n";
    upload(api, "lab", "results", results);
    upload(api, "lab", "results", results);
    assertThat(jdbc.sql("select members from labtest_tube where barcode = ?").param(pool).query(Integer.class)
        .single()).isEqualTo(3);

    Api.Answer created = api.as("district").post("/api/v1/campaigns", """
        {"name": "汇总%s", "scopeCodes": ["%s"], "startsAt": "%s", "endsAt": "%s", "riskLevel": "LOW"}"""
        .formatted(tag, STREET, at(day, "00:00"), at(day.plusDays(1), "00:00")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asString();

    assertThat(hours(api.as("district").get("/api/v1/campaigns/" + id + "/progress").json())).containsExactly(
        cityHour(day, 2) + " 1/3/0", cityHour(day, 3) + " 1/1/0", cityHour(day, 6) + " 0/0/1",
        cityHour(day, 7) + " 0/0/1");
    // the own community's worker: both own persons, but only the single tube and its result
    assertThat(hours(api.as("community").get("/api/v1/campaigns/" + id + "/progress").json())).containsExactly(
        cityHour(day, 2) + " 0/1/0", cityHour(day, 3) + " 1/1/0", cityHour(day, 7) + " 0/0/1");

    JsonNode labs = api.as("district").get("/api/v1/campaigns/" + id + "/turnaround").json();
    assertThat(labs.valueStream().map(l -> l.get("labCode").asString() + " " + l.get("results").asLong() + " "
        + l.get("turnaround").get("p50").asDouble()).toList())
        .containsExactly("LAB01 1 242.5", "LAB02 1 222.5");
    // the invalid single tube does not count as resulted
    JsonNode size = api.as("district").get("/api/v1/campaigns/" + id + "/pool-size").json();
    assertThat(size.get("personsResulted").asLong()).isEqualTo(3);
    assertThat(size.get("positiveTubes").asLong()).isZero();
  }

  private static List<String> hours(JsonNode hours) {
    return hours.valueStream().filter(h -> h.get("tubes").asLong() + h.get("persons").asLong()
            + h.get("results").asLong() > 0)
        .map(h -> h.get("hour").asString() + " " + h.get("tubes").asLong() + "/" + h.get("persons").asLong() + "/"
            + h.get("results").asLong()).toList();
  }

  /**
   * The UTC hour {@code utcHour} of {@code day} as the API writes it, with the city's offset on that day
   * (+09:00 in the summers of 1986–1991, when China kept daylight saving time).
   */
  private static String cityHour(LocalDate day, int utcHour) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        day.atTime(utcHour, 0).atZone(ZoneOffset.UTC).withZoneSameInstant(ZoneId.of("Asia/Shanghai")));
  }
}
