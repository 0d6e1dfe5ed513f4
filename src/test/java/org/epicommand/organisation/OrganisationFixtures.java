package org.epicommand.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;

/** Organisations for tests: valid credit codes no other test uses, registered through the API. */
public final class OrganisationFixtures {

  public static final String COMMUNITY = DemoPlaces.COMMUNITY;
  public static final String OTHER_DISTRICT_COMMUNITY = DemoPlaces.OTHER_DISTRICT_COMMUNITY;
  private static final AtomicLong NEXT = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000_000L));

  private OrganisationFixtures() {}

  /** A fresh valid credit code (GB 32100), region 990101. */
  public static String creditCode() {
    String body = String.format("%09d", NEXT.incrementAndGet() % 1_000_000_000L);
    String first17 = "91990101" + body;
    return first17 + CreditCode.checkCharacter(first17);
  }

  public static Map<String, Object> details(String creditCode, String name, String kind, String jurisdiction) {
    Map<String, Object> body = new HashMap<>();
    body.put("creditCode", creditCode);
    body.put("name", name);
    body.put("kind", kind);
    body.put("jurisdictionCode", jurisdiction);
    body.put("headcount", 20);
    body.put("contactName", "王联络");
    body.put("contactPhone", "13800138000");
    return body;
  }

  /** A new organisation (as commander) in the division; its JSON. */
  public static Api.Answer register(Api api, String name, String kind, String jurisdiction, List<String> cohorts) {
    Map<String, Object> body = details(creditCode(), name, kind, jurisdiction);
    if (cohorts != null) {
      body.put("cohorts", cohorts);
    }
    Api.Answer created = api.as("commander").post("/api/v1/organisations", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created;
  }

  /** A new organisation contact account bound to the organisation; its username. */
  public static String contact(Api api, String organisationId) {
    String username = "contact" + NEXT.incrementAndGet() % 100_000_000L;
    Api.Answer user = api.as("admin").post("/api/v1/users", Map.of("username", username, "password", "Contact12345",
        "roles", List.of("UNIT_CONTACT"), "jurisdictionCode", COMMUNITY));
    assertThat(user.status()).as(user.body()).isEqualTo(201);
    Api.Answer bound = api.as("admin").post("/api/v1/organisation-contacts/" + organisationId,
        Map.of("username", username));
    assertThat(bound.status()).as(bound.body()).isEqualTo(201);
    return username;
  }

  public static final String CONTACT_PASSWORD = "Contact12345";
}
