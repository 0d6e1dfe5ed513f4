package org.epicommand.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.support.Api;

/** Pharmacies and their clerks for the sentinel tests, made through the API. */
public final class SentinelFixtures {

  public static final String CLERK_PASSWORD = "Clerk1234567";
  private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000L);

  private SentinelFixtures() {}

  /** A directory pharmacy registered as a sentinel (as commander) in the community; its credit code. */
  public static String pharmacy(Api api, String name, String community) {
    Api.Answer org = OrganisationFixtures.register(api, name, "PHARMACY", community, null);
    String code = org.json().get("creditCode").asString();
    Api.Answer created = api.as("commander").post("/api/v1/sentinel/pharmacies",
        Map.of("organisation", code, "licenceNumber", "晋AA" + NEXT.incrementAndGet(), "chain", "一心堂"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return code;
  }

  /** A new account of the role in the division; its username. */
  public static String account(Api api, String prefix, String role, String jurisdiction) {
    String username = prefix + NEXT.incrementAndGet();
    Api.Answer user = api.as("admin").post("/api/v1/users", Map.of("username", username, "password", CLERK_PASSWORD,
        "roles", List.of(role), "jurisdictionCode", jurisdiction));
    assertThat(user.status()).as(user.body()).isEqualTo(201);
    return username;
  }

  /** A new clerk bound to the pharmacy; their username. */
  public static String clerk(Api api, String pharmacy) {
    String username = account(api, "clerk", "PHARMACY_CLERK", OrganisationFixtures.COMMUNITY);
    Api.Answer bound = api.as("admin").post("/api/v1/sentinel/pharmacy-clerks/" + pharmacy,
        Map.of("username", username));
    assertThat(bound.status()).as(bound.body()).isEqualTo(201);
    return username;
  }

  /** A directory hospital in the division registered as a fever clinic (as commander); its credit code. */
  public static String feverClinic(Api api, String name, String division) {
    String code = OrganisationFixtures.register(api, name, "HOSPITAL", division, null).json().get("creditCode")
        .asString();
    Api.Answer created = api.as("commander").post("/api/v1/sentinel/clinics", Map.of("organisation", code, "type",
        "FEVER_CLINIC"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return code;
  }

  /** A new clinic account bound to the clinic; its username. */
  public static String clinicStaff(Api api, String clinic) {
    String username = account(api, "fever", "CLINIC_STAFF", OrganisationFixtures.COMMUNITY);
    Api.Answer bound = api.as("admin").post("/api/v1/sentinel/clinic-staff/" + clinic, Map.of("username", username));
    assertThat(bound.status()).as(bound.body()).isEqualTo(201);
    return username;
  }
}
