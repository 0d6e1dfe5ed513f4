package org.epicommand.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@EpiCommandTest
class AccountApiTest {

  @Autowired
  Api api;

  @Test
  void meAnswersWithTheDemoCityForTheCommander() {
    JsonNode me = api.as("commander").get("/api/v1/me").json();
    assertThat(me.get("username").asString()).isEqualTo("commander");
    assertThat(me.get("roles").get(0).asString()).isEqualTo("COMMANDER");
    assertThat(me.get("jurisdictionCode").asString()).isEqualTo(DemoPlaces.CITY);
    assertThat(me.get("jurisdictionName").asString()).isEqualTo("滨江市");
  }

  @Test
  void theCommunityWorkerBelongsToTheFirstCommunityOfTheFirstDistrict() {
    assertThat(api.as("community").get("/api/v1/me").json().get("jurisdictionCode").asString())
        .isEqualTo(DemoPlaces.COMMUNITY);
    assertThat(api.as("district").get("/api/v1/me").json().get("jurisdictionCode").asString())
        .isEqualTo(DemoPlaces.DISTRICT);
  }

  @Test
  void withoutCredentialsTheApiAnswers401WithAProblem() {
    Api.Answer answer = api.anonymous().get("/api/v1/me");
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.header("WWW-Authenticate")).startsWith("Basic");
    // from an address of its own: failed logins are counted per client address
    assertThat(api.as("commander", "wrong-password").header("X-Forwarded-For", "192.0.2.1").get("/api/v1/me")
        .status()).isEqualTo(401);
  }

  @Test
  void anAuditorCannotCreateUsers() {
    Api.Answer answer = api.as("auditor").post("/api/v1/users", Map.of("username", "someone",
        "password", "secret12345", "roles", List.of("COMMANDER"), "jurisdictionCode", DemoPlaces.CITY));
    assertThat(answer.status()).isEqualTo(403);
    assertThat(api.as("auditor").get("/api/v1/users").status()).isEqualTo(403);
    assertThat(api.as("commander").get("/api/v1/users").status()).isEqualTo(403);
  }

  @Test
  void anAdminCreatesAUserWhoCanSignInAndWhosePasswordIsNeverReturned() {
    Api.Answer created = api.as("admin").post("/api/v1/users", Map.of("username", "street-worker-1",
        "password", "Street2022xyz", "roles", List.of("STREET_STAFF"), "jurisdictionCode", DemoPlaces.STREET));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body()).doesNotContain("Street2022xyz").doesNotContain("password");
    assertThat(created.json().get("roles").get(0).asString()).isEqualTo("STREET_STAFF");
    JsonNode me = api.as("street-worker-1", "Street2022xyz").get("/api/v1/me").json();
    assertThat(me.get("jurisdictionCode").asString()).isEqualTo(DemoPlaces.STREET);

    Api.Answer duplicate = api.as("admin").post("/api/v1/users", Map.of("username", "street-worker-1",
        "password", "Street2022xyz", "roles", List.of("STREET_STAFF"), "jurisdictionCode", DemoPlaces.STREET));
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().get("existingId").asString()).isEqualTo(created.json().get("id").asString());

    JsonNode page = api.as("admin").get("/api/v1/users?q=street-worker").json();
    assertThat(page.get("items").size()).isEqualTo(1);
    assertThat(page.get("hasMore").asBoolean()).isFalse();
  }

  @Test
  void weakPasswordsUnknownJurisdictionsAndMissingRolesAreFieldErrors() {
    Api.Answer answer = api.as("admin").header("Accept-Language", "en").post("/api/v1/users",
        Map.of("username", "weak-user", "password", "onlyletters", "roles", List.of(), "jurisdictionCode", "123"));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    List<String> fields = answer.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    assertThat(fields).contains("roles");
    Api.Answer policy = api.as("admin").header("Accept-Language", "en").post("/api/v1/users",
        Map.of("username", "weak-user", "password", "onlyletters", "roles", List.of("AUDITOR"), "jurisdictionCode",
            "123"));
    assertThat(policy.status()).isEqualTo(400);
    assertThat(policy.body()).contains("\"field\":\"password\"").contains("at least 10 characters")
        .contains("\"field\":\"jurisdictionCode\"");
    Api.Answer chinese = api.as("admin").post("/api/v1/users",
        Map.of("username", "weak-user", "password", "short1", "roles", List.of("AUDITOR"), "jurisdictionCode",
            DemoPlaces.CITY));
    assertThat(chinese.body()).contains("密码至少 10 位");
  }

  @Test
  void malformedJsonAndUnknownEnumsAre400NotServerErrors() {
    assertThat(api.as("admin").post("/api/v1/users", "{not json").status()).isEqualTo(400);
    Api.Answer badRole = api.as("admin").post("/api/v1/users",
        "{\"username\":\"x-user\",\"password\":\"Abcdefgh123\",\"roles\":[\"KING\"],\"jurisdictionCode\":\"990100\"}");
    assertThat(badRole.status()).isEqualTo(400);
    assertThat(badRole.body()).contains("roles");
    assertThat(api.as("admin").get("/api/v1/users?page=-1").status()).isEqualTo(400);
    assertThat(api.as("admin").get("/api/v1/users?size=501").status()).isEqualTo(400);
    assertThat(api.as("admin").get("/api/v1/users/not-a-uuid").status()).isEqualTo(400);
  }

  @Test
  void fiveWrongPasswordsBlockTheAccountFromThatAddressOnlyUntilTheSecurityAdministratorUnlocksIt() {
    String id = api.as("admin").post("/api/v1/users", Map.of("username", "lockout-probe", "password", "Lockout2022ab",
        "roles", List.of("INSPECTOR"), "jurisdictionCode", DemoPlaces.CITY)).json().get("id").asString();
    String address = "192.0.2.2";
    assertThat(api.as("lockout-probe", "Lockout2022ab").header("X-Forwarded-For", address).get("/api/v1/me")
        .status()).isEqualTo(200);
    for (int i = 0; i < 5; i++) {
      assertThat(api.as("lockout-probe", "wrong-" + i).header("X-Forwarded-For", address).get("/api/v1/me")
          .status()).isEqualTo(401);
    }
    Api.Answer blocked = api.as("lockout-probe", "Lockout2022ab").header("X-Forwarded-For", address).get("/api/v1/me");
    assertThat(blocked.status()).isEqualTo(429);
    assertThat(blocked.header("Retry-After")).isNotBlank();
    assertThat(api.as("lockout-probe", "Lockout2022ab").header("X-Forwarded-For", "192.0.2.3").get("/api/v1/me")
        .status()).as("another address").isEqualTo(200);
    JsonNode users = api.as("admin").get("/api/v1/users?q=lockout-probe").json();
    assertThat(users.get("items").get(0).get("locked").asBoolean()).isTrue();

    assertThat(api.as("admin").post("/api/v1/users/" + id + "/unlock", "").status()).isEqualTo(403);
    Api.Answer unlocked = api.as("security").post("/api/v1/users/" + id + "/unlock", "");
    assertThat(unlocked.status()).isEqualTo(200);
    assertThat(unlocked.json().get("locked").asBoolean()).isFalse();
    assertThat(api.as("lockout-probe", "Lockout2022ab").header("X-Forwarded-For", address).get("/api/v1/me")
        .status()).isEqualTo(200);
  }

  @Test
  void aResetPasswordOrADisabledAccountTakesEffectAtOnceDespiteTheLoginMemory() {
    String id = api.as("admin").post("/api/v1/users", Map.of("username", "memory-probe", "password", "Memory2022ab",
        "roles", List.of("INSPECTOR"), "jurisdictionCode", DemoPlaces.CITY)).json().get("id").asString();
    assertThat(api.as("memory-probe", "Memory2022ab").get("/api/v1/me").status()).isEqualTo(200);
    assertThat(api.as("admin").post("/api/v1/users/" + id + "/password", Map.of("password", "Changed2022ab"))
        .status()).isEqualTo(204);
    assertThat(api.as("memory-probe", "Memory2022ab").get("/api/v1/me").status()).isEqualTo(401);
    assertThat(api.as("memory-probe", "Changed2022ab").get("/api/v1/me").status()).isEqualTo(200);
    assertThat(api.as("admin").put("/api/v1/users/" + id, Map.of("roles", List.of("INSPECTOR"),
        "jurisdictionCode", DemoPlaces.CITY, "enabled", false)).status()).isEqualTo(200);
    assertThat(api.as("memory-probe", "Changed2022ab").get("/api/v1/me").status()).isEqualTo(401);
  }
}
