package org.epicommand.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import tools.jackson.databind.JsonNode;

/** Fresh units with their own member, so tests sharing the database never meet each other's reports or tasks. */
final class CommandFixtures {

  static final String PASSWORD = "Probe123456";

  record UnitUser(String unitCode, String username) {}

  private CommandFixtures() {}

  static UnitUser freshUnit(Api api, String label) {
    return freshUnit(api, label, "DEPARTMENT", null);
  }

  /** A fresh reporting unit of a kind (with its division, for districts, streets and communities) and its member. */
  static UnitUser freshUnit(Api api, String label, String kind, String jurisdictionCode) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String unitCode = "T-" + suffix;
    Map<String, Object> body = new java.util.HashMap<>(Map.of("code", unitCode, "name", label + suffix, "kind", kind,
        "reporting", true, "sortOrder", 900));
    if (jurisdictionCode != null) {
      body.put("jurisdictionCode", jurisdictionCode);
    }
    Api.Answer unit = api.as("commander").post("/api/v1/command/units", body);
    assertThat(unit.status()).as(unit.body()).isEqualTo(201);
    String username = "unit_" + suffix;
    Api.Answer user = api.as("admin").post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
        "roles", List.of("DISTRICT_STAFF"), "jurisdictionCode", DemoPlaces.OTHER_DISTRICT));
    assertThat(user.status()).as(user.body()).isEqualTo(201);
    Api.Answer member = api.as("commander").post("/api/v1/command/units/" + unitCode + "/members",
        Map.of("username", username));
    assertThat(member.status()).as(member.body()).isEqualTo(200);
    return new UnitUser(unitCode, username);
  }

  static Api.Caller as(Api api, UnitUser unit) {
    return api.as(unit.username(), PASSWORD);
  }

  /** The field names of a 400 answer's errors. */
  static List<String> fields(Api.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    List<String> fields = new java.util.ArrayList<>();
    answer.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
    return fields;
  }

  /** The inbox entries of a caller whose title contains the text. */
  static List<JsonNode> inbox(Api.Caller caller, String titleContains) {
    JsonNode page = caller.get("/api/v1/notifications?size=500").json();
    java.util.ArrayList<JsonNode> found = new java.util.ArrayList<>();
    page.get("items").forEach(item -> {
      if (item.get("title").asString().contains(titleContains)) {
        found.add(item);
      }
    });
    return found;
  }
}
