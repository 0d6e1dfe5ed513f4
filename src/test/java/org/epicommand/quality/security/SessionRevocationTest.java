package org.epicommand.quality.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Finding 7: disabling a user, resetting their password, changing their roles or their jurisdiction
 * ends the sessions they have open (a disabled user went on exporting residents). The state that
 * decides it lives in the database, so a change made through another instance ends them too, and
 * the API's memory of a recent password check forgets the user at once.
 */
@EpiCommandTest
class SessionRevocationTest {

  static final String PASSWORD = "Session12345";

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void disablingAUserEndsTheSessionTheyExportFrom() {
    String user = Probes.newUser(api, "revoke", "DISTRICT_STAFF", DemoPlaces.DISTRICT, PASSWORD);
    WebSession session = WebSession.login(api, user, PASSWORD);
    WebSession.Page export = session.get("/persons/export.csv");
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.body().lines().count()).isGreaterThan(100);

    change(user, "admin", Map.of("enabled", false));
    assertEndedAtOnce(session);
    assertThat(Probes.audit(api, "action=EXPORT&username=" + user).size()).as("no second export").isEqualTo(1);
  }

  @Test
  void aPasswordResetEndsTheSession() {
    String user = Probes.newUser(api, "revoke", "INSPECTOR", DemoPlaces.CITY, PASSWORD);
    WebSession session = WebSession.login(api, user, PASSWORD);
    Api.Answer reset = api.as("admin").post("/api/v1/users/" + idOf(user) + "/password",
        Map.of("password", "Another12345"));
    assertThat(reset.status()).as(reset.body()).isEqualTo(204);
    assertEndedAtOnce(session);
  }

  @Test
  void newRolesEndTheSession() {
    String user = Probes.newUser(api, "revoke", "INSPECTOR", DemoPlaces.CITY, PASSWORD);
    WebSession session = WebSession.login(api, user, PASSWORD);
    change(user, "security", Map.of("roles", List.of("SUPPLIES_OFFICER")));
    assertEndedAtOnce(session);
  }

  @Test
  void aMoveToAnotherJurisdictionEndsTheSession() {
    String user = Probes.newUser(api, "revoke", "DISTRICT_STAFF", DemoPlaces.DISTRICT, PASSWORD);
    WebSession session = WebSession.login(api, user, PASSWORD);
    change(user, "admin", Map.of("jurisdictionCode", DemoPlaces.OTHER_DISTRICT));
    assertEndedAtOnce(session);
  }

  @Test
  void aNewDisplayNameLeavesTheSessionAlone() {
    String user = Probes.newUser(api, "revoke", "INSPECTOR", DemoPlaces.CITY, PASSWORD);
    WebSession session = WebSession.login(api, user, PASSWORD);
    change(user, "admin", Map.of("displayName", "新的名字"));
    assertThat(session.isSignedIn()).isTrue();
  }

  @Test
  void aChangeMadeThroughAnotherInstanceEndsSessionsAndTheRememberedBasicLogin() {
    String user = Probes.newUser(api, "revoke", "INSPECTOR", DemoPlaces.CITY, PASSWORD);
    WebSession session = WebSession.login(api, user, PASSWORD);
    WebSession other = WebSession.login(api, "inspector");
    assertThat(api.as(user, PASSWORD).get("/api/v1/me").status()).isEqualTo(200);

    // another instance disabled the account: only the database knows
    jdbc.sql("update account_user set enabled = false, security_stamp = security_stamp + 1 where username = :u")
        .param("u", user).update();
    assertEndedAtOnce(session);
    assertThat(api.as(user, PASSWORD).get("/api/v1/me").status()).as("the remembered Basic login").isEqualTo(401);
    assertThat(other.isSignedIn()).as("other users' sessions go on").isTrue();
  }

  /** The session's next request is sent to the login page with {@code ?expired}, and stays signed out. */
  private static void assertEndedAtOnce(WebSession session) {
    WebSession.Page next = session.get("/jurisdictions");
    assertThat(next.status()).isEqualTo(302);
    assertThat(next.location()).endsWith("/login?expired");
    assertThat(session.isSignedIn()).isFalse();
  }

  private String idOf(String username) {
    return userNamed(username).get("id").asString();
  }

  private JsonNode userNamed(String username) {
    JsonNode items = api.as("admin").get("/api/v1/users?q=" + username).json().get("items");
    return items.valueStream().filter(u -> u.get("username").asString().equals(username)).findFirst().orElseThrow();
  }

  /** Changes an account through {@code PUT /api/v1/users/{id}} as {@code caller}, keeping what is not given. */
  private void change(String username, String caller, Map<String, Object> changes) {
    JsonNode user = userNamed(username);
    Map<String, Object> body = new HashMap<>();
    body.put("displayName", user.get("displayName").isNull() ? null : user.get("displayName").asString());
    body.put("roles", user.get("roles").valueStream().map(JsonNode::asString).toList());
    body.put("jurisdictionCode", user.get("jurisdictionCode").asString());
    body.put("enabled", user.get("enabled").asBoolean());
    body.putAll(changes);
    Api.Answer answer = api.as(caller).put("/api/v1/users/" + user.get("id").asString(), body);
    assertThat(answer.status()).as(caller + " changes " + username + ": " + answer.body()).isEqualTo(200);
  }
}
