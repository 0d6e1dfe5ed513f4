package org.epicommand.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The questionnaire as versioned data through HTTP: the version in force asks the vulnerable-member
 * question and the visit keeps the version it answered; a new version supersedes it, an answer to a
 * question it no longer asks is refused (nothing stored), and the old visit stays readable with its
 * version.
 */
@EpiCommandTest
class ScreeningQuestionnaireApiTest {

  private static final List<String> ALL = List.of("TEMPERATURE", "SYMPTOMS", "RISK_AREA_TRAVEL", "CASE_CONTACT",
      "ARRIVED_SINCE", "VULNERABLE_MEMBER", "LEAFLET");

  @Autowired
  Api api;

  private static Map<String, Object> visit(String roundId, String person, boolean vulnerable) {
    Map<String, Object> body = new HashMap<>();
    body.put("roundId", roundId);
    body.put("method", "DOOR");
    body.put("outcome", "ALL_SEEN");
    body.put("seen", List.of(person));
    body.put("checks", List.of(Map.of("personId", person, "temperature", 36.5, "vulnerable", vulnerable)));
    return body;
  }

  @Test
  void aNewVersionSupersedesAndOldVisitsKeepTheirs() {
    JsonNode current = api.as("community").get("/api/v1/screening/questionnaires").json().get(0);
    assertThat(current.get("supersededAt").isNull()).isTrue();
    assertThat(current.get("items").valueStream().map(JsonNode::asString)).contains("VULNERABLE_MEMBER");
    int version = current.get("version").asInt();

    long n = System.nanoTime() % 100_000;
    String elder = ScreeningFixtures.resident(api, "独居老人" + n % 100, "问卷路" + n + "号1号楼");
    String neighbour = ScreeningFixtures.resident(api, "邻居" + n % 100, "问卷路" + n + "号2号楼");
    String roundId = ScreeningFixtures.runningRound(api, "问卷排查-" + n);
    assertThat(api.as("district").get("/api/v1/screening/rounds/" + roundId).json().get("questionnaireVersion")
        .asInt()).isEqualTo(version);
    String elderHome = ScreeningFixtures.household(api, roundId, "问卷路" + n + "号1号楼").get("householdId").asString();
    String neighbourHome = ScreeningFixtures.household(api, roundId, "问卷路" + n + "号2号楼").get("householdId")
        .asString();
    Api.Answer first = api.as("community").post("/api/v1/screening/households/" + elderHome + "/visits",
        visit(roundId, elder, true));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().get("questionnaireVersion").asInt()).isEqualTo(version);
    assertThat(first.json().get("vulnerablePersonIds").get(0).asString()).isEqualTo(elder);
    JsonNode coverage = api.as("district").get("/api/v1/screening/rounds/" + roundId + "/coverage").json().get(0);
    assertThat(coverage.get("vulnerable").asLong()).isEqualTo(1);

    assertThat(api.as("community").post("/api/v1/screening/questionnaires", Map.of("items", ALL)).status())
        .isEqualTo(403);
    Api.Answer empty = api.as("district").post("/api/v1/screening/questionnaires", Map.of("items", List.of()));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("items");
    try {
      Api.Answer published = api.as("district").post("/api/v1/screening/questionnaires", Map.of("items",
          List.of("TEMPERATURE", "SYMPTOMS", "LEAFLET"), "note", "精简问卷"));
      assertThat(published.status()).as(published.body()).isEqualTo(201);
      assertThat(published.json().get("version").asInt()).isEqualTo(version + 1);
      Api.Answer unasked = api.as("community").post("/api/v1/screening/households/" + neighbourHome + "/visits",
          visit(roundId, neighbour, true));
      assertThat(unasked.status()).isEqualTo(400);
      assertThat(unasked.json().get("errors").get(0).get("field").asString()).isEqualTo("checks");
      assertThat(api.as("district").get("/api/v1/screening/rounds/" + roundId + "/coverage").json().get(0)
          .get("documented").asLong()).isEqualTo(1);
      Api.Answer answered = api.as("community").post("/api/v1/screening/households/" + neighbourHome + "/visits",
          visit(roundId, neighbour, false));
      assertThat(answered.status()).as(answered.body()).isEqualTo(201);
      assertThat(answered.json().get("questionnaireVersion").asInt()).isEqualTo(version + 1);
      // the old visit and the old version stay readable
      assertThat(api.as("community").get("/api/v1/screening/visits/" + first.json().get("id").asString()).json()
          .get("questionnaireVersion").asInt()).isEqualTo(version);
      JsonNode old = api.as("community").get("/api/v1/screening/questionnaires/" + version).json();
      assertThat(old.get("supersededAt").isNull()).isFalse();
      assertThat(old.get("items").valueStream().map(JsonNode::asString)).contains("VULNERABLE_MEMBER");
      assertThat(api.as("community").get("/api/v1/screening/questionnaires/99999").status()).isEqualTo(404);
    } finally {
      assertThat(api.as("district").post("/api/v1/screening/questionnaires", Map.of("items", ALL)).status())
          .isEqualTo(201);
    }
  }
}
