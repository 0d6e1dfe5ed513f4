package org.epicommand.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The counting rules (docs/domain.md §16): "today" is by report date in the city's zone, and a line
 * list of another system imported today counts on its own report days — never as today's.
 */
@EpiCommandTest
class CountingRulesTest {

  static final String DISTRICT = DemoPlaces.DISTRICT;
  static final String HEADER =
      "caseRef,name,idType,idNumber,sex,age,classification,onsetDate,diagnosedDate,jurisdictionCode,infectorRefs,cluster\n";

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void aLineListOf2020ImportedTodayLeavesTodaysFiguresAsTheyWere() {
    JsonNode before = dashboard();
    LocalDate today = LocalDate.parse(before.get("date").asString());
    long todayListed = listed(today);
    String p = "H" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    Api.Answer imported = api.as("cdc").upload("/api/v1/imports/cases?wait=true", "line-list-2020.csv", (HEADER
        + String.join("\n",
            p + "1,旧表甲,,,男,40,CONFIRMED,2020-02-01,2020-02-03,990101001001,,",
            p + "2,旧表乙,,,女,35,CONFIRMED,2020-02-02,2020-02-04,990101001001," + p + "1,",
            p + "3,旧表丙,,,女,8,ASYMPTOMATIC,,2020-02-05,990101001001," + p + "1,",
            p + "4,旧表丁,,,男,60,CONFIRMED,,,990101001001,,") + "\n").getBytes(StandardCharsets.UTF_8));
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().get("rowsImported").asInt()).as(imported.body()).isEqualTo(4);
    List<String> caseIds = new ArrayList<>();
    imported.json().get("caseIds").forEach(id -> caseIds.add(id.asString()));
    // every event of the import has been handled by the read models
    await().atMost(Duration.ofSeconds(20)).until(() -> caseIds.stream().allMatch(id -> jdbc.sql(
        "select count(*) from event_publication where completion_date is null and serialized_event like :id")
        .param("id", "%" + id + "%").query(Long.class).single() == 0));

    JsonNode after = dashboard();
    for (String field : List.of("localConfirmed", "localConfirmedUnderControl", "localConfirmedSociety",
        "localAsymptomatic", "importedConfirmed", "importedAsymptomatic")) {
      assertThat(after.get("today").get(field).asLong()).as(field).isEqualTo(before.get("today").get(field).asLong());
    }
    assertThat(after.get("byDistrict").toString()).isEqualTo(before.get("byDistrict").toString());
    assertThat(after.get("curve").get("byReport").toString()).isEqualTo(before.get("curve").get("byReport").toString());
    // the cumulative figures hold them all, the undated one too
    assertThat(after.get("cumulative").get("localConfirmed").asLong()
        - before.get("cumulative").get("localConfirmed").asLong()).isEqualTo(3);
    assertThat(after.get("cumulative").get("localAsymptomatic").asLong()
        - before.get("cumulative").get("localAsymptomatic").asLong()).isEqualTo(1);
    // the case list's "today" agrees with the dashboard; each case lists on the day it was diagnosed
    assertThat(listed(today)).isEqualTo(todayListed);
    assertThat(names(LocalDate.of(2020, 2, 3))).contains("旧表甲");
    assertThat(names(LocalDate.of(2020, 2, 5))).contains("旧表丙");
  }

  @Test
  void aCaseReportedTodayCountsToday() {
    JsonNode before = dashboard();
    String personId = org.epicommand.cases.CaseFixtures.person(api, "今日计数",
        org.epicommand.cases.CaseFixtures.COMMUNITY);
    Api.Answer created = api.as("cdc").post("/api/v1/cases", org.epicommand.cases.CaseFixtures.body("personId",
        personId,
        "classification", "CONFIRMED", "discoveryRoute", "FEVER_CLINIC", "onsetDate",
        LocalDate.parse(before.get("date").asString()).minusDays(10).toString()));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
        dashboard().get("today").get("localConfirmed").asLong() - before.get("today").get("localConfirmed").asLong())
        .isEqualTo(1));
  }

  private JsonNode dashboard() {
    Api.Answer answer = api.as("commander").get("/api/v1/analytics/dashboard?district=" + DISTRICT);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  private long listed(LocalDate day) {
    return api.as("commander").get("/api/v1/cases?size=500&jurisdiction=" + DISTRICT + "&reportedOn=" + day).json()
        .get("items").size();
  }

  private List<String> names(LocalDate day) {
    List<String> names = new ArrayList<>();
    api.as("commander").get("/api/v1/cases?size=500&reportedOn=" + day).json().get("items")
        .forEach(c -> names.add(c.get("personName").asString()));
    return names;
  }
}
