package org.epicommand.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.People;

/** Persons and cases for case and tracing tests: passport holders with numbers no other test uses. */
public final class CaseFixtures {

  public static final String COMMUNITY = DemoPlaces.COMMUNITY;
  public static final String OTHER_DISTRICT_COMMUNITY = DemoPlaces.OTHER_DISTRICT_COMMUNITY;

  private CaseFixtures() {}

  /** A new passport holder (registered by cdc, city-wide) at {@code address} in the community; its id. */
  public static String person(Api api, String name, String community, String address) {
    return People.passportHolder(name, community).at(address).by("cdc").id(api);
  }

  public static String person(Api api, String name, String community) {
    return person(api, name, community, null);
  }

  /** A case (as cdc) on a new person; its id. */
  public static String caseOf(Api api, String name, String community, String classification, String onsetDate) {
    String personId = person(api, name, community);
    Map<String, Object> body = new HashMap<>();
    body.put("personId", personId);
    body.put("classification", classification);
    body.put("onsetDate", onsetDate);
    body.put("diagnosedAt", "2026-11-01T10:00:00+08:00");
    body.put("discoveryRoute", "COMMUNITY_SCREENING");
    Api.Answer created = api.as("cdc").post("/api/v1/cases", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  public static Map<String, Object> body(Object... keyValues) {
    Map<String, Object> body = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      body.put((String) keyValues[i], keyValues[i + 1]);
    }
    return body;
  }
}
