package org.epicommand.quality.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.epicommand.person.ResidentIdNumber;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import tools.jackson.databind.JsonNode;

/** Test data for the security suite: persons with unique documents, names and phones. */
final class Probes {

  /** The demo community worker's own community, and a community of the second district (outside both probes). */
  static final String OWN_COMMUNITY = DemoPlaces.COMMUNITY;
  static final String OTHER_DISTRICT_COMMUNITY = DemoPlaces.OTHER_DISTRICT_COMMUNITY;

  /** Shihezi (659001): a real region code that the synthetic demo population never uses. */
  private static final String REGION = "659001";
  private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(10_000));

  private Probes() {}

  /**
   * A valid resident ID number that no other test and no demo person has. The sequence follows the
   * counter too, so that even the masked forms ({@code 6590**********1234}) of two probes differ.
   */
  static String uniqueIdNumber() {
    int n = NEXT.incrementAndGet();
    LocalDate birth = LocalDate.of(1945, 1, 1).plusDays(n % 20_000);
    String first17 = REGION + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  /** A mobile number no demo person has (the 8 digits after 166 follow the counter). */
  static String uniquePhone() {
    return "166" + String.format("%08d", NEXT.incrementAndGet() * 7919 % 100_000_000);
  }

  /** A name nobody else has, and no prefix of another: the prefix, a counter tag and 号. */
  static String uniqueName(String prefix) {
    return prefix + Integer.toString(NEXT.incrementAndGet(), 36).toUpperCase() + "号";
  }

  static Map<String, Object> person(String name, String idNumber, String phone, String address, String jurisdiction) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("idType", "RESIDENT_ID");
    body.put("idNumber", idNumber);
    body.put("phone", phone);
    body.put("address", address);
    body.put("jurisdictionCode", jurisdiction);
    return body;
  }

  /** A person registered for a probe, with their searchable name, document and phone. */
  record Registered(String id, String name, String idNumber, String phone) {}

  /** Registers (as the city's epidemiologist) a person with unique data in {@code community}. */
  static Registered registered(Api api, String namePrefix, String community) {
    String name = uniqueName(namePrefix);
    String idNumber = uniqueIdNumber();
    String phone = uniquePhone();
    JsonNode person = register(api, "cdc", person(name, idNumber, phone, "江南路21号", community));
    return new Registered(person.get("id").asString(), name, idNumber, phone);
  }

  /** Registers a person through the API and returns the stored record. */
  static JsonNode register(Api api, String username, Map<String, Object> body) {
    Api.Answer created = api.as(username).post("/api/v1/persons", body);
    assertThat(created.status()).as("register %s as %s: %s", body.get("name"), username, created.body()).isEqualTo(201);
    return created.json();
  }

  private static final AtomicInteger NEXT_SOURCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(400));

  /**
   * A client address no other test uses (TEST-NET ranges), sent as X-Forwarded-For: login failures
   * are counted per client address, so tests that fail logins on purpose do it from their own.
   */
  static String source() {
    int n = NEXT_SOURCE.incrementAndGet() % 508;
    return (n < 254 ? "198.51.100." : "203.0.113.") + (n % 254 + 1);
  }

  /** A fresh account made by the system administrator: its username (password {@code password}). */
  static String newUser(Api api, String prefix, String role, String jurisdiction, String password) {
    String username = prefix + "_" + java.util.UUID.randomUUID().toString().substring(0, 8);
    Api.Answer created = api.as("admin").post("/api/v1/users", Map.of("username", username, "password", password,
        "roles", java.util.List.of(role), "jurisdictionCode", jurisdiction));
    assertThat(created.status()).as("create " + username + ": " + created.body()).isEqualTo(201);
    return username;
  }

  /** The password of the accounts {@link #user} creates. */
  static final String PASSWORD = "Probe-2026-secret";

  /** A new account with one role and a home jurisdiction (password {@link #PASSWORD}); its username. */
  static String user(Api api, String role, String jurisdiction) {
    String username = "probe_" + Integer.toString(NEXT.incrementAndGet(), 36) + "_"
        + Long.toString(System.nanoTime() % 1_000_000, 36);
    Api.Answer created = api.as("admin").post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
        "roles", java.util.List.of(role), "jurisdictionCode", jurisdiction));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return username;
  }

  /** The masked forms of a document number and a phone (docs/domain.md §3: 4 + 4 and 3 + 4 characters kept). */
  static String maskedDocument(String idNumber) {
    return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8) + idNumber.substring(idNumber.length() - 4);
  }

  static String maskedPhone(String phone) {
    return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The audit events matching a query string (as the auditor sees them), newest first. */
  static JsonNode audit(Api api, String query) {
    Api.Answer answer = api.as("auditor").get("/api/v1/audit?size=500&" + query);
    assertThat(answer.status()).as("audit query " + query).isEqualTo(200);
    return answer.json().get("items");
  }
}
