package org.epicommand.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.epicommand.person.PersonApiTest;
import org.epicommand.support.Api;

/** Persons and orders for quarantine tests: each call registers a new, unique person. */
public final class QuarantineFixtures {

  /** The demo district of the {@code district} user and its first community (the {@code community} user's). */
  public static final String DISTRICT = "990101";
  public static final String COMMUNITY = "990101001001";
  /** Another district, outside the {@code district} user's scope. */
  public static final String OTHER_DISTRICT_COMMUNITY = "990102001001";

  private QuarantineFixtures() {}

  /** Registers a new person in {@code jurisdiction} (as commander) and returns their id. */
  public static String person(Api api, String name, String jurisdiction) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(20_000));
    String id = PersonApiTest.validId("110101", birth.toString().replace("-", ""), random.nextInt(1, 999));
    Api.Answer answer = api.as("commander").post("/api/v1/persons", PersonApiTest.person(name, id, jurisdiction));
    if (answer.status() == 409) {
      return person(api, name, jurisdiction);
    }
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json().get("id").asString();
  }

  public static Map<String, Object> order(String personId, String reason, String anchorDate, String ruleSet) {
    return ruleSet == null ? Map.of("personId", personId, "reason", reason, "anchorDate", anchorDate)
        : Map.of("personId", personId, "reason", reason, "anchorDate", anchorDate, "ruleSet", ruleSet);
  }

  /** Opens an order as commander and returns its JSON. */
  public static tools.jackson.databind.JsonNode open(Api api, String personId, String reason, LocalDate anchor,
      String ruleSet) {
    Api.Answer answer = api.as("commander").post("/api/v1/quarantine/orders",
        order(personId, reason, anchor.toString(), ruleSet));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json();
  }
}
