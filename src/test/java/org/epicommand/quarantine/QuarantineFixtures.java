package org.epicommand.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.People;
import org.epicommand.support.DemoPlaces;

/** Persons and orders for quarantine tests: each call registers a new, unique person. */
public final class QuarantineFixtures {

  /** The demo district of the {@code district} user and its first community (the {@code community} user's). */
  public static final String DISTRICT = DemoPlaces.DISTRICT;
  public static final String COMMUNITY = DemoPlaces.COMMUNITY;
  /** Another district, outside the {@code district} user's scope. */
  public static final String OTHER_DISTRICT_COMMUNITY = DemoPlaces.OTHER_DISTRICT_COMMUNITY;

  private QuarantineFixtures() {}

  /** Registers a new person in {@code jurisdiction}, in a household of their own, and returns their id. */
  public static String person(Api api, String name, String jurisdiction) {
    return People.resident(name, jurisdiction).id(api);
  }

  /** Registers a new person at {@code address} (persons at one address form a household). */
  public static String person(Api api, String name, String jurisdiction, String address) {
    return People.resident(name, jurisdiction).at(address).id(api);
  }

  public static Map<String, Object> order(String personId, String reason, String anchorDate, String ruleSet) {
    return ruleSet == null ? Map.of("personId", personId, "reason", reason, "anchorDate", anchorDate)
        : Map.of("personId", personId, "reason", reason, "anchorDate", anchorDate, "ruleSet", ruleSet);
  }

  public static LocalDate today() {
    return LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
  }

  /**
   * Creates a site as commander, binds the demo site manager {@code site} to it (as the administrator)
   * and has them add rooms {@code from}…{@code to}; returns its id.
   */
  public static String site(Api api, String code, int from, int to) {
    Api.Answer site = api.as("commander").post("/api/v1/quarantine/sites",
        Map.of("code", code, "name", "测试隔离点" + code, "address", "滨江大道1号", "jurisdictionCode", DISTRICT));
    assertThat(site.status()).as(site.body()).isEqualTo(201);
    String id = site.json().get("id").asString();
    Api.Answer bound = api.as("admin").post("/api/v1/quarantine/site-staff/" + id, Map.of("username", "site"));
    assertThat(bound.status()).as(bound.body()).isEqualTo(201);
    Api.Answer rooms = api.as("site").post("/api/v1/quarantine/sites/" + id + "/rooms", Map.of("from", from, "to", to));
    assertThat(rooms.status()).as(rooms.body()).isEqualTo(201);
    return id;
  }

  /** The id of the room with {@code number} at a site. */
  public static String room(Api api, String siteId, String number) {
    for (var room : api.as("site").get("/api/v1/quarantine/sites/" + siteId + "/rooms").json()) {
      if (room.get("number").asString().equals(number)) {
        return room.get("id").asString();
      }
    }
    throw new AssertionError("no room " + number);
  }

  /** Opens an order as commander and returns its JSON. */
  public static tools.jackson.databind.JsonNode open(Api api, String personId, String reason, LocalDate anchor,
      String ruleSet) {
    Api.Answer answer = api.as("commander").post("/api/v1/quarantine/orders",
        order(personId, reason, anchor.toString(), ruleSet));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json();
  }

  /** A rule set read with GET, under a new code, names and effective date: ready to be posted back. */
  public static tools.jackson.databind.node.ObjectNode ruleSetCopy(Api api, String base, String code,
      LocalDate effectiveFrom) {
    Api.Answer read = api.as("admin").get("/api/v1/quarantine/rule-sets/" + base);
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) read.json();
    copy.put("code", code);
    copy.put("nameZh", "本市规则 " + code);
    copy.put("nameEn", "City rules " + code);
    copy.put("effectiveFrom", effectiveFrom.toString());
    return copy;
  }

  /** Posts a rule set as the administrator and expects 201. */
  public static tools.jackson.databind.JsonNode addRuleSet(Api api, Object body) {
    Api.Answer added = api.as("admin").post("/api/v1/quarantine/rule-sets", body);
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    return added.json();
  }
}
