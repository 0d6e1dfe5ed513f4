package org.epicommand.quality.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Users change their own password (page and {@code POST /api/v1/me/password}) under the password
 * policy: length, character classes, no reuse of the last five. A password set by an administrator
 * must be changed at the next login, and an expired one too: pages lead to the change-password
 * page, the API answers 403 saying so. Demo accounts never expire.
 */
@EpiCommandTest
class PasswordPolicyTest {

  static final String PASSWORD = "Before12345";

  @Autowired
  Api api;
  @Autowired
  JdbcClient jdbc;

  @Test
  void usersChangeTheirOwnPasswordUnderThePolicy() {
    String user = Probes.newUser(api, "pw", "INSPECTOR", DemoPlaces.CITY, PASSWORD);
    Api.Caller caller = api.as(user, PASSWORD);
    assertField(caller.post("/api/v1/me/password", change("not-mine-123", "Next2022abcd")), "currentPassword");
    assertField(caller.post("/api/v1/me/password", change(PASSWORD, "short1")), "newPassword");
    assertField(caller.post("/api/v1/me/password", change(PASSWORD, "onlylettersnodigits")), "newPassword");
    assertField(caller.post("/api/v1/me/password", change(PASSWORD, PASSWORD)), "newPassword");

    assertThat(caller.post("/api/v1/me/password", change(PASSWORD, "Next2022abcd")).status()).isEqualTo(204);
    assertThat(api.as(user, PASSWORD).get("/api/v1/me").status()).isEqualTo(401);
    Api.Caller renewed = api.as(user, "Next2022abcd");
    assertThat(renewed.get("/api/v1/me").status()).isEqualTo(200);
    Api.Answer back = renewed.post("/api/v1/me/password", change("Next2022abcd", PASSWORD));
    assertField(back, "newPassword");
    assertThat(back.body()).as("no reuse of the last five").contains("5");
    assertThat(Probes.audit(api, "subjectType=USER&action=UPDATE&username=" + user).toString())
        .contains("password changed");
  }

  @Test
  void aPasswordSetByAnAdministratorMustBeChangedBeforeAnythingElse() {
    String user = Probes.newUser(api, "pw", "INSPECTOR", DemoPlaces.CITY, PASSWORD);
    String id = api.as("admin").get("/api/v1/users?q=" + user).json().get("items").get(0).get("id").asString();
    assertThat(api.as("admin").post("/api/v1/users/" + id + "/password", Map.of("password", "Reset2022abcd"))
        .status()).isEqualTo(204);

    Api.Caller reset = api.as(user, "Reset2022abcd");
    assertThat(reset.get("/api/v1/me").json().get("passwordChangeRequired").asBoolean()).isTrue();
    Api.Answer refused = reset.get("/api/v1/inspections/visits");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().get("passwordChangeRequired").asBoolean()).isTrue();

    WebSession browser = WebSession.from(api, null);
    assertThat(browser.submitLogin(user, "Reset2022abcd", Map.of()).status()).isEqualTo(302);
    WebSession.Page redirected = browser.get("/jurisdictions");
    assertThat(redirected.status()).isEqualTo(302);
    assertThat(redirected.location()).endsWith("/account/password");
    WebSession.Page form = browser.get("/account/password");
    assertThat(form.body()).contains("name=\"currentPassword\"").contains("data-testid=\"password-required\"");
    WebSession.Page changed = browser.postForm("/account/password", Map.of("currentPassword", "Reset2022abcd",
        "newPassword", "Mine2022abcd", "confirmPassword", "Mine2022abcd", "_csrf", WebSession.token(form.body())),
        false);
    assertThat(changed.status()).isEqualTo(302);
    assertThat(browser.get("/jurisdictions").status()).as("the same session goes on").isEqualTo(200);
    assertThat(api.as(user, "Mine2022abcd").get("/api/v1/inspections/visits").status()).isEqualTo(200);
  }

  @Test
  void anExpiredPasswordMustBeChangedButDemoAccountsNeverExpire() {
    String user = Probes.newUser(api, "pw", "INSPECTOR", DemoPlaces.CITY, PASSWORD);
    jdbc.sql("update account_user set password_changed_at = now() - interval '91 days' where username = :u")
        .param("u", user).update();
    Api.Answer refused = api.as(user, PASSWORD).get("/api/v1/inspections/visits");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("passwordChangeRequired").asBoolean()).isTrue();
    assertThat(api.as(user, PASSWORD).header("Accept-Language", "en").get("/api/v1/inspections/visits").body())
        .contains("expired");

    jdbc.sql("update account_user set password_changed_at = now() - interval '400 days',"
        + " security_stamp = security_stamp + 1 where username = 'site'")
        .update();
    assertThat(api.as("site").get("/api/v1/quarantine/sites").status()).isEqualTo(200);
  }

  @Test
  void theChangePasswordPageIsInTheUserMenu() {
    assertThat(WebSession.login(api, "inspector").get("/jurisdictions").body()).contains("href=\"/account/password\"");
  }

  private static Map<String, String> change(String current, String next) {
    return Map.of("currentPassword", current, "newPassword", next);
  }

  private static void assertField(Api.Answer answer, String field) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body()).contains("\"field\":\"" + field + "\"");
  }
}
