package org.epicommand.quality.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Finding 10 (logins): every sign-in, failed sign-in (with the client address and the username as
 * typed, never the password) and sign-out leaves an audit event; an API client's requests leave one
 * LOGIN per real password check, not one per request.
 */
@EpiCommandTest
class LoginAuditTest {

  static final String PASSWORD = "Audited12345";

  @Autowired
  Api api;

  @Test
  void aFailedLoginASignInAndASignOutAreAuditedWithTheirAddress() {
    String user = Probes.newUser(api, "login", "INSPECTOR", DemoPlaces.CITY, PASSWORD);
    String source = Probes.source();
    WebSession browser = WebSession.from(api, source);
    assertThat(browser.submitLogin(user, "Wrong-secret-1", Map.of()).location()).endsWith("/login?error");
    WebSession session = WebSession.login(api, user, PASSWORD, source);
    assertThat(session.postForm("/logout", Map.of(), true).location()).endsWith("/login?logout");

    List<JsonNode> events = Probes.audit(api, "subjectType=USER&username=" + user).valueStream().toList();
    assertThat(events).extracting(e -> e.get("action").asString()).containsExactly("LOGOUT", "LOGIN", "LOGIN_FAILED");
    assertThat(events).allMatch(e -> source.equals(e.get("remoteAddress").asString()));
    assertThat(events).allMatch(e -> !e.toString().contains("Wrong-secret-1"));
  }

  @Test
  void aFailedLoginKeepsTheUsernameAsTyped() {
    String typed = "Nobody-" + UUID.randomUUID().toString().substring(0, 8);
    String source = Probes.source();
    assertThat(api.as(typed, "Secret-guess-9").header("X-Forwarded-For", source).get("/api/v1/me").status())
        .isEqualTo(401);
    List<JsonNode> failed = Probes.audit(api, "action=LOGIN_FAILED&username=" + typed).valueStream().toList();
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).get("remoteAddress").asString()).isEqualTo(source);
    assertThat(failed.get(0).toString()).doesNotContain("Secret-guess-9");
  }

  @Test
  void anApiClientLogsInOncePerPasswordCheckNotOncePerRequest() {
    String user = Probes.newUser(api, "login", "INSPECTOR", DemoPlaces.CITY, PASSWORD);
    for (int i = 0; i < 3; i++) {
      assertThat(api.as(user, PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
    }
    assertThat(Probes.audit(api, "action=LOGIN&username=" + user).size()).isEqualTo(1);
  }
}
