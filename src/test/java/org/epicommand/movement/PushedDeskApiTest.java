package org.epicommand.movement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The district desk routes unmatched names (assign to a community, match to a person) and the
 * community worker reports the outcome with the feedback in one step; every step is audited and bad
 * input is a 400 with the field.
 */
@EpiCommandTest
class PushedDeskApiTest {

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  private Map<String, String> importUnmatched(String list, String... idNumbers) {
    String pushedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(5).truncatedTo(ChronoUnit.SECONDS)
        .toString();
    StringBuilder csv = new StringBuilder(PushedListApiTest.HEADER);
    for (String id : idNumbers) {
      csv.append(list).append(",RESIDENT_ID,").append(id).append(",待分派,,涉疫,,").append(pushedAt).append('\n');
    }
    Api.Answer answer = api.as("district").upload("/api/v1/imports/pushed-list?wait=true", "l.csv",
        csv.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(answer.json().get("rowsImported").asInt()).as(answer.body()).isEqualTo(idNumbers.length);
    Map<String, String> byList = new HashMap<>();
    for (JsonNode item : api.as("district").get("/api/v1/pushed-items/desk?size=500").json().get("items")) {
      if (item.get("listRef").asString().equals(list)) {
        assertThat(item.get("jurisdictionCode").asString()).isEqualTo(DemoPlaces.DISTRICT);
        byList.put(item.get("id").asString(), item.get("state").asString());
      }
    }
    assertThat(byList).hasSize(idNumbers.length);
    return byList;
  }

  private long audits(String id) {
    return jdbc.sql("select count(*) from audit_event where subject_type = 'PUSHED_ITEM' and subject_id = :id")
        .param("id", id).query(Long.class).single();
  }

  @Test
  void theDeskAssignsAndMatchesAndTheWorkerReportsInOneStep() {
    String list = "DESK-" + System.nanoTime();
    String unknownA = MovementFixtures.residentId();
    String unknownB = MovementFixtures.residentId();
    String[] ids = importUnmatched(list, unknownA, unknownB).keySet().toArray(String[]::new);
    String assigned = ids[0];
    String matched = ids[1];
    assertThat(api.as("community").get("/api/v1/pushed-items/desk").status()).isEqualTo(403);
    assertThat(api.as("community").post("/api/v1/pushed-items/" + assigned + "/assign",
        Map.of("communityCode", MovementFixtures.COMMUNITY)).status()).isEqualTo(403);

    // a community of another district, a street and nonsense are field errors
    for (String bad : new String[] {MovementFixtures.OTHER_DISTRICT_COMMUNITY, DemoPlaces.STREET, "x'--"}) {
      Api.Answer refused = api.as("district").post("/api/v1/pushed-items/" + assigned + "/assign",
          Map.of("communityCode", bad));
      assertThat(refused.status()).as(bad).isEqualTo(400);
      assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("communityCode");
    }
    JsonNode routed = api.as("district").post("/api/v1/pushed-items/" + assigned + "/assign",
        Map.of("communityCode", MovementFixtures.COMMUNITY)).json();
    assertThat(routed.get("jurisdictionCode").asString()).isEqualTo(MovementFixtures.COMMUNITY);
    assertThat(routed.get("personId").isNull()).isTrue();
    assertThat(api.as("community").get("/api/v1/pushed-items/" + assigned).status()).isEqualTo(200);

    // matching: a bad ID number, then one nobody holds, then a registered person
    Api.Answer badId = api.as("district").post("/api/v1/pushed-items/" + matched + "/match",
        Map.of("idNumber", "36042619910102009X"));
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.json().get("errors").get(0).get("field").asString()).isEqualTo("idNumber");
    assertThat(badId.json().get("errors").get(0).get("message").asString()).contains("校验位");
    assertThat(api.as("district").post("/api/v1/pushed-items/" + matched + "/match",
        Map.of("idNumber", MovementFixtures.residentId())).json().get("errors").get(0).get("code").asString())
        .isEqualTo("movement.desk.noPerson");
    String holder = MovementFixtures.residentId();
    String personId = api.as("district").post("/api/v1/persons",
        People.body("匹配到人", holder, MovementFixtures.COMMUNITY)).json().get("id").asString();
    JsonNode match = api.as("district").post("/api/v1/pushed-items/" + matched + "/match",
        Map.of("idNumber", holder)).json();
    assertThat(match.get("personId").asString()).isEqualTo(personId);
    assertThat(match.get("jurisdictionCode").asString()).isEqualTo(MovementFixtures.COMMUNITY);
    assertThat(api.as("district").get("/api/v1/pushed-items/desk?size=500").body()).doesNotContain(list);

    // the worker signs, then reports the outcome with the feedback in one step
    assertThat(api.as("community").post("/api/v1/pushed-items/" + matched + "/report",
        Map.of("outcome", "LANDED")).status()).isEqualTo(409);
    api.as("community").post("/api/v1/pushed-items/" + matched + "/sign", "");
    assertThat(api.as("community").post("/api/v1/pushed-items/" + matched + "/report", Map.of("outcome", "SIGNED"))
        .json().get("errors").get(0).get("field").asString()).isEqualTo("outcome");
    assertThat(api.as("community").post("/api/v1/pushed-items/" + matched + "/report", Map.of("outcome", "MAYBE"))
        .status()).isEqualTo(400);
    JsonNode reported = api.as("community").post("/api/v1/pushed-items/" + matched + "/report",
        Map.of("outcome", "LANDED", "note", "已居家健康监测")).json();
    assertThat(reported.get("state").asString()).isEqualTo("FEEDBACK_SENT");
    JsonNode detail = api.as("district").get("/api/v1/pushed-items/" + matched).json();
    assertThat(detail.get("outcome").asString()).isEqualTo("LANDED");
    assertThat(detail.get("note").asString()).isEqualTo("已居家健康监测");
    // closed items cannot be re-routed
    assertThat(api.as("district").post("/api/v1/pushed-items/" + matched + "/assign",
        Map.of("communityCode", MovementFixtures.COMMUNITY)).status()).isEqualTo(409);
    // audited: match, sign, verify, outcome, feedback (+ the detail reads)
    assertThat(jdbc.sql("select detail from audit_event where subject_type = 'PUSHED_ITEM' and subject_id = :id"
            + " and action = 'UPDATE' order by id").param("id", matched).query(String.class).list())
        .hasSize(5).first().asString().startsWith("MATCH ");
    assertThat(audits(assigned)).isGreaterThanOrEqualTo(1);
  }
}
