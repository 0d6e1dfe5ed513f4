package org.epicommand.treatment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.cases.CaseFixtures;
import org.epicommand.support.Api;

/** Hospitals, users and cases for treatment tests: codes and names no other test uses. */
final class TreatmentFixtures {

  static final String HOSPITALS = "/api/v1/hospitals";
  static final String ADMISSIONS = "/api/v1/admissions";
  static final String PASSWORD = "Treatment123";

  private TreatmentFixtures() {}

  static String code(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  /** A new user with one role and home division (password {@link #PASSWORD}). */
  static String user(Api api, String role, String jurisdiction) {
    String username = role.toLowerCase().substring(0, 4) + "_" + UUID.randomUUID().toString().substring(0, 8);
    Api.Answer created = api.as("admin").post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
        "roles", List.of(role), "jurisdictionCode", jurisdiction));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return username;
  }

  /** A hospital (as {@code caller}) with beds of the given types: type, total, type, total… */
  static String hospital(Api.Caller caller, String kind, String status, String jurisdiction, Object... beds) {
    String code = code("TH");
    Api.Answer created = caller.post(HOSPITALS, Map.of("code", code, "name", "测试医院" + code, "kind", kind,
        "status", status, "jurisdictionCode", jurisdiction, "activationLeadHours", 48));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    for (int i = 0; i < beds.length; i += 2) {
      Api.Answer set = caller.put(HOSPITALS + "/" + code + "/beds/" + beds[i], Map.of("total", beds[i + 1],
          "outOfService", 0));
      assertThat(set.status()).as(set.body()).isEqualTo(200);
    }
    return code;
  }

  /** A confirmed case in the community with the severity (null: none). */
  static String caseWith(Api api, String community, String severity) {
    String id = CaseFixtures.caseOf(api, "救治" + UUID.randomUUID().toString().substring(0, 4), community,
        "CONFIRMED", "2026-10-30");
    if (severity != null) {
      Api.Answer set = api.as("cdc").post("/api/v1/cases/" + id + "/severity", Map.of("severity", severity));
      assertThat(set.status()).as(set.body()).isEqualTo(200);
    }
    return id;
  }

  static Map<String, Object> admission(String caseId, String hospital, String bedType, String reason) {
    java.util.HashMap<String, Object> body = new java.util.HashMap<>();
    body.put("caseId", caseId);
    body.put("hospitalCode", hospital);
    body.put("bedType", bedType);
    body.put("reason", reason);
    return body;
  }

  static List<String> fields(Api.Answer answer) {
    return answer.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
  }
}
