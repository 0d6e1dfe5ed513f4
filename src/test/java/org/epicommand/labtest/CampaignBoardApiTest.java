package org.epicommand.labtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.epicommand.labtest.LabtestFixtures.RESULTS_HEADER;
import static org.epicommand.labtest.LabtestFixtures.TUBES_HEADER;
import static org.epicommand.labtest.LabtestFixtures.persons;
import static org.epicommand.labtest.LabtestFixtures.tubeRows;
import static org.epicommand.labtest.LabtestFixtures.upload;

import java.time.LocalDate;
import java.util.List;
import org.epicommand.labtest.LabtestFixtures.Member;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The campaign board's API: rounds, hourly progress, site load, lab turnaround, pool size, each scoped. */
@EpiCommandTest
class CampaignBoardApiTest {

  static final String STREET = DemoPlaces.STREET;
  static final String COMMUNITY = DemoPlaces.NEIGHBOUR;
  /** The demo community user's community. */
  static final String OWN_COMMUNITY = DemoPlaces.COMMUNITY;

  @Autowired
  Api api;

  /** A day no other test samples on, so the campaign's window holds only this test's tubes. */
  static LocalDate freshDay() {
    return LocalDate.of(2000, 1, 1).plusDays(System.nanoTime() / 1000 % 1000);
  }

  static String at(LocalDate day, String time) {
    return day + "T" + time + ":00+08:00";
  }

  @Test
  void theBoardCountsHoursSitesAndLabTurnaroundInsideTheCallersJurisdiction() {
    LocalDate day = freshDay();
    List<Member> near = persons(api, 5, COMMUNITY);
    List<Member> own = persons(api, 1, OWN_COMMUNITY);
    String tag = Long.toString(System.nanoTime() % 1_000_000_000L);
    String a = "BA" + tag;
    String b = "BB" + tag;
    String c = "BC" + tag;
    String d = "BD" + tag;
    upload(api, "lab", "tubes", TUBES_HEADER
        + tubeRows(a, "POOL_5", near.subList(0, 3), "S990101001002", at(day, "10:05"))
        + tubeRows(b, "SINGLE", near.subList(3, 4), "S990101001002", at(day, "10:40"))
        + tubeRows(c, "SINGLE", near.subList(4, 5), "S990101001001", at(day, "11:20"))
        + tubeRows(d, "SINGLE", own, "S990101001001", at(day, "11:30")));
    Api.Answer created = api.as("district").post("/api/v1/campaigns", """
        {"name": "看板%s", "scopeCodes": ["%s"], "startsAt": "%s", "endsAt": "%s", "riskLevel": "LOW"}"""
        .formatted(tag, STREET, at(day, "00:00"), at(day.plusDays(1), "00:00")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("riskLevel").asString()).isEqualTo("LOW");
    assertThat(created.json().get("rounds").size()).isEqualTo(1);
    String id = created.json().get("id").asString();
    // C and D travel in a transport batch to LAB02; A and B go to LAB01 directly
    Api.Answer batch = api.as("lab").post("/api/v1/transport-batches", """
        {"code": "TB%s", "siteCode": "S990101001001", "labCode": "LAB02", "barcodes": ["%s", "%s"]}"""
        .formatted(tag, c, d));
    assertThat(batch.status()).as(batch.body()).isEqualTo(201);
    assertThat(api.as("lab").post("/api/v1/transport-batches/TB" + tag + "/receive", "").status()).isEqualTo(200);
    upload(api, "lab", "results", RESULTS_HEADER
        + a + ",NEGATIVE,,,LAB01," + at(day, "14:05") + "\n"
        + b + ",NEGATIVE,,,LAB01," + at(day, "12:40") + "\n"
        + c + ",NEGATIVE,,,LAB02," + at(day, "13:20") + "\n"
        + d + ",POSITIVE,21.0,22.5,LAB02," + at(day, "17:30") + "\n");

    // the same files again: the imports are idempotent, and so are the board's rollups
    upload(api, "lab", "tubes", TUBES_HEADER
        + tubeRows(a, "POOL_5", near.subList(0, 3), "S990101001002", at(day, "10:05"))
        + tubeRows(b, "SINGLE", near.subList(3, 4), "S990101001002", at(day, "10:40")));
    upload(api, "lab", "results", RESULTS_HEADER + a + ",NEGATIVE,,,LAB01," + at(day, "14:05") + "\n");

    JsonNode hours = api.as("district").get("/api/v1/campaigns/" + id + "/progress").json();
    assertThat(hours.valueStream().map(h -> h.get("hour").asString() + " " + h.get("tubes").asLong() + "/"
        + h.get("persons").asLong() + "/" + h.get("results").asLong()).toList()).containsExactly(
        day + "T10:00:00+08:00 2/4/0", day + "T11:00:00+08:00 2/2/0", day + "T12:00:00+08:00 0/0/1",
        day + "T13:00:00+08:00 0/0/1", day + "T14:00:00+08:00 0/0/1", day + "T15:00:00+08:00 0/0/0",
        day + "T16:00:00+08:00 0/0/0", day + "T17:00:00+08:00 0/0/1");

    JsonNode sites = api.as("district").get("/api/v1/campaigns/" + id + "/sites").json();
    assertThat(sites.valueStream().map(s -> s.get("siteCode").asString() + " " + s.get("tubes").asLong() + "/"
        + s.get("persons").asLong() + " peak " + s.get("peakPersons").asLong() + "@" + s.get("peakHour").asString())
        .toList()).containsExactly("S990101001002 2/4 peak 4@" + day + "T10:00:00+08:00",
        "S990101001001 2/2 peak 2@" + day + "T11:00:00+08:00");

    JsonNode labs = api.as("district").get("/api/v1/campaigns/" + id + "/turnaround").json();
    assertThat(labs.size()).isEqualTo(2);
    JsonNode lab1 = labs.get(0);
    assertThat(lab1.get("labCode").asString()).isEqualTo("LAB01");
    assertThat(lab1.get("results").asLong()).isEqualTo(2);
    // sampling → result: 240 and 120 minutes; from 5-minute buckets, within one bucket of exact
    assertThat(lab1.get("turnaround").get("p50").asDouble()).isCloseTo(180.0, within(5.0));
    assertThat(lab1.get("turnaround").get("p90").asDouble()).isCloseTo(228.0, within(5.0));
    assertThat(lab1.get("turnaround").get("p99").asDouble()).isCloseTo(238.8, within(5.0));
    assertThat(lab1.get("handOver").isNull()).isTrue();
    JsonNode lab2 = labs.get(1);
    assertThat(lab2.get("labCode").asString()).isEqualTo("LAB02");
    // 120 and 360 minutes
    assertThat(lab2.get("results").asLong()).isEqualTo(2);
    assertThat(lab2.get("turnaround").get("p50").asDouble()).isCloseTo(240.0, within(5.0));
    assertThat(lab2.get("turnaround").get("p90").asDouble()).isCloseTo(336.0, within(5.0));
    assertThat(lab2.get("handOver").get("p50").asDouble()).isPositive();
    assertThat(lab2.get("transit").get("p99").asDouble()).isBetween(0.0, 5.0);

    // the community worker sees only their own community's person (tube D)
    JsonNode mine = api.as("community").get("/api/v1/campaigns/" + id + "/progress").json();
    assertThat(mine.valueStream().filter(h -> h.get("tubes").asLong() > 0 || h.get("results").asLong() > 0)
        .map(h -> h.get("hour").asString() + " " + h.get("tubes").asLong() + "/" + h.get("results").asLong()).toList())
        .containsExactly(day + "T11:00:00+08:00 1/0", day + "T17:00:00+08:00 0/1");
    assertThat(api.as("community").get("/api/v1/campaigns/" + id + "/sites").json().valueStream()
        .map(s -> s.get("siteCode").asString() + " " + s.get("persons").asLong()).toList())
        .containsExactly("S990101001001 1");
  }

  @Test
  void poolSizeFollowsTheRiskLevelUnlessPositivityForbidsPooling() {
    LocalDate day = freshDay().plusDays(1100);
    String tag = Long.toString(System.nanoTime() % 1_000_000_000L);
    Api.Answer created = api.as("commander").post("/api/v1/campaigns", """
        {"name": "池%s", "scopeCodes": ["%s"], "startsAt": "%s", "endsAt": "%s"}"""
        .formatted(tag, COMMUNITY, at(day, "00:00"), at(day.plusDays(1), "00:00")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asString();
    Api.Answer unknown = api.as("district").get("/api/v1/campaigns/" + id + "/pool-size");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("riskLevel");
    assertThat(api.as("district").get("/api/v1/campaigns/" + id + "/pool-size?riskLevel=PURPLE").status())
        .isEqualTo(400);
    assertThat(kind(id, "LOW")).isEqualTo("POOL_10 10 true");
    assertThat(kind(id, "medium")).isEqualTo("POOL_5 5 true");
    assertThat(kind(id, "HIGH")).isEqualTo("SINGLE 1 true");
    assertThat(kind(id, "KEY_GROUP")).isEqualTo("SINGLE 1 true");

    // one positive pool of 5 among 5 persons resulted: far above 0.1 %, no pooling whatever the level
    List<Member> members = persons(api, 5, COMMUNITY);
    String pool = "BP" + tag;
    upload(api, "lab", "tubes", TUBES_HEADER + tubeRows(pool, "POOL_5", members, "S990101001002", at(day, "09:00")));
    upload(api, "lab", "results", RESULTS_HEADER + pool + ",POSITIVE,25.0,26.0,LAB01," + at(day, "15:00") + "\n");
    JsonNode size = api.as("district").get("/api/v1/campaigns/" + id + "/pool-size?riskLevel=LOW").json();
    assertThat(size.get("personsResulted").asLong()).isEqualTo(5);
    assertThat(size.get("positiveTubes").asLong()).isEqualTo(1);
    assertThat(size.get("positivityPercent").asDouble()).isEqualTo(20.0);
    assertThat(kind(id, "LOW")).isEqualTo("SINGLE 1 false");
  }

  private String kind(String id, String level) {
    Api.Answer answer = api.as("district").get("/api/v1/campaigns/" + id + "/pool-size?riskLevel=" + level);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode json = answer.json();
    return json.get("suggestedKind").asString() + " " + json.get("membersPerTube").asInt() + " "
        + json.get("poolingAllowed").asBoolean();
  }

  @Test
  void roundsFollowEachOtherAndOnlyTheScopesHoldersAddThem() {
    LocalDate day = freshDay().plusDays(2200);
    String tag = Long.toString(System.nanoTime() % 1_000_000_000L);
    Api.Answer created = api.as("district").post("/api/v1/campaigns", """
        {"name": "轮次%s", "scopeCodes": ["%s"], "startsAt": "%s", "endsAt": "%s", "riskLevel": "MEDIUM"}"""
        .formatted(tag, STREET, at(day, "00:00"), at(day.plusDays(2), "00:00")));
    String id = created.json().get("id").asString();
    Api.Answer overlapping = api.as("district").post("/api/v1/campaigns/" + id + "/rounds",
        "{\"startsAt\": \"" + at(day.plusDays(1), "00:00") + "\", \"endsAt\": \"" + at(day.plusDays(3), "00:00")
            + "\"}");
    assertThat(overlapping.status()).isEqualTo(400);
    assertThat(overlapping.json().get("errors").get(0).get("field").asString()).isEqualTo("startsAt");
    assertThat(api.as("district").post("/api/v1/campaigns/" + id + "/rounds", "{}").status()).isEqualTo(400);
    assertThat(api.as("community").post("/api/v1/campaigns/" + id + "/rounds",
        "{\"startsAt\": \"" + at(day.plusDays(3), "00:00") + "\", \"endsAt\": \"" + at(day.plusDays(4), "00:00")
            + "\"}")
        .status()).isEqualTo(403);

    Api.Answer second = api.as("district").post("/api/v1/campaigns/" + id + "/rounds",
        "{\"startsAt\": \"" + at(day.plusDays(3), "00:00") + "\", \"endsAt\": \"" + at(day.plusDays(4), "00:00")
            + "\"}");
    assertThat(second.status()).as(second.body()).isEqualTo(201);
    assertThat(second.json().get("rounds").valueStream().map(r -> r.get("number").asInt()).toList())
        .containsExactly(1, 2);
    assertThat(second.json().get("endsAt").asString()).isEqualTo(day.plusDays(4) + "T00:00:00+08:00");

    // sampled in round 2: counted for the round and for the whole campaign, not for round 1
    List<Member> members = persons(api, 2, DemoPlaces.NEIGHBOUR);
    upload(api, "lab", "tubes", TUBES_HEADER + tubeRows("BR" + tag, "POOL_5", members, "S990101001002",
        at(day.plusDays(3), "08:10")));
    assertThat(sampled(id, "?round=2")).isEqualTo(2);
    assertThat(sampled(id, "?round=1")).isZero();
    assertThat(sampled(id, "")).isEqualTo(2);
    assertThat(api.as("district").get("/api/v1/campaigns/" + id + "/progress?round=9").status()).isEqualTo(400);

    JsonNode campaign = api.as("community").get("/api/v1/campaigns/" + id).json();
    assertThat(campaign.get("rounds").size()).isEqualTo(2);
    assertThat(campaign.get("riskLevel").asString()).isEqualTo("MEDIUM");
    assertThat(api.as("district").get("/api/v1/campaigns").json().valueStream()
        .map(c -> c.get("id").asString()).toList()).contains(id);
    // a campaign of another district does not exist for this district's staff
    Api.Answer other = api.as("commander").post("/api/v1/campaigns", """
        {"name": "他区%s", "scopeCodes": ["990102"], "startsAt": "%s", "endsAt": "%s"}"""
        .formatted(tag, at(day, "00:00"), at(day.plusDays(1), "00:00")));
    String otherId = other.json().get("id").asString();
    assertThat(api.as("district").get("/api/v1/campaigns/" + otherId).status()).isEqualTo(404);
    assertThat(api.as("district").get("/api/v1/campaigns/" + otherId + "/progress").status()).isEqualTo(404);
    assertThat(api.as("district").get("/api/v1/campaigns").json().valueStream()
        .map(c -> c.get("id").asString()).toList()).doesNotContain(otherId).contains(id);
  }

  private long sampled(String id, String query) {
    Api.Answer answer = api.as("district").get("/api/v1/campaigns/" + id + "/progress" + query);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().valueStream().mapToLong(h -> h.get("persons").asLong()).sum();
  }
}
