package org.epicommand.quality.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/**
 * Finding 12: the lock-out told which accounts exist ({@code ?locked} against {@code ?error}) and let
 * anyone lock the leaders out with five requests. Failures are counted per (account, client address)
 * and per client address: an account is blocked only for the address that failed, the answer is
 * the same whether the account exists or not, an address with many failures waits longer and
 * longer, and after three failures the login page asks for a CAPTCHA.
 */
@EpiCommandTest
class LoginThrottlingTest {

  static final String CAPTCHA_ATTRIBUTE = "epicommand.captcha";

  @Autowired
  Api api;
  @Autowired
  ApplicationContext context;

  @Test
  void fiveFailuresBlockTheAccountOnlyForTheirSourceAndTheAnswerSaysNothingAboutExistence() {
    String attacker = Probes.source();
    String prober = Probes.source();
    String ghost = "ghost_" + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 5; i++) {
      assertThat(api.as("commander", "wrong-" + i).header("X-Forwarded-For", attacker).get("/api/v1/me").status())
          .isEqualTo(401);
      assertThat(api.as(ghost, "wrong-" + i).header("X-Forwarded-For", prober).get("/api/v1/me").status())
          .isEqualTo(401);
    }
    Api.Answer commander = api.as("commander").header("X-Forwarded-For", attacker).get("/api/v1/me");
    Api.Answer nobody = api.as(ghost, "demo1234").header("X-Forwarded-For", prober).get("/api/v1/me");
    assertThat(commander.status()).isEqualTo(429);
    assertThat(commander.header("Content-Type")).startsWith("application/problem+json");
    assertThat(Integer.parseInt(commander.header("Retry-After"))).isBetween(1, 15 * 60);
    assertThat(nobody.status()).isEqualTo(commander.status());
    assertThat(nobody.body()).isEqualTo(commander.body());
    assertThat(nobody.header("Retry-After")).isNotNull();

    assertThat(api.as("commander").header("X-Forwarded-For", Probes.source()).get("/api/v1/me").status())
        .as("the leader from their own desk").isEqualTo(200);
    assertThat(WebSession.login(api, "commander", Api.DEMO_PASSWORD, Probes.source()).isSignedIn()).isTrue();
  }

  @Test
  void theLoginPageAnswersAnExistingAccountExactlyAsAnUnknownOne() {
    List<String> existing = pageAttempts("commander", Probes.source());
    List<String> unknown = pageAttempts("ghost_" + UUID.randomUUID().toString().substring(0, 8), Probes.source());
    assertThat(existing).isEqualTo(unknown);
    assertThat(existing.subList(0, 5)).allMatch(location -> location.endsWith("/login?error"));
    assertThat(existing.get(5)).endsWith("/login?throttled");
    assertThat(String.join(" ", existing)).doesNotContain("locked");
  }

  @Test
  void aSourceWithManyFailuresWaitsLongerAndLonger() throws InterruptedException {
    String source = Probes.source();
    String user = Probes.newUser(api, "patient", "INSPECTOR", DemoPlaces.CITY, "Patient12345");
    for (int i = 0; i < 10; i++) {
      assertThat(api.as("spray_" + i + "_" + UUID.randomUUID().toString().substring(0, 6), "Summer2022!")
          .header("X-Forwarded-For", source).get("/api/v1/me").status()).isEqualTo(401);
    }
    Api.Answer first = api.as(user, "Patient12345").header("X-Forwarded-For", source).get("/api/v1/me");
    assertThat(first.status()).as("even the right password waits").isEqualTo(429);
    int firstDelay = Integer.parseInt(first.header("Retry-After"));
    assertThat(firstDelay).isPositive();
    WebSession page = WebSession.from(api, source);
    assertThat(page.submitLogin(user, "Patient12345", Map.of()).location()).endsWith("/login?throttled");
    assertThat(page.get("/login?throttled").body()).contains("data-testid=\"throttled\"");

    Thread.sleep(firstDelay * 1000L + 300);
    assertThat(api.as("spray_x", "Summer2022!").header("X-Forwarded-For", source).get("/api/v1/me").status())
        .isEqualTo(401);
    Api.Answer second = api.as(user, "Patient12345").header("X-Forwarded-For", source).get("/api/v1/me");
    assertThat(second.status()).isEqualTo(429);
    assertThat(Integer.parseInt(second.header("Retry-After"))).isGreaterThan(firstDelay);
  }

  @Test
  void afterThreeFailuresTheLoginPageAsksForACaptchaThatMustBeSolved() throws Exception {
    String source = Probes.source();
    WebSession browser = WebSession.from(api, source);
    assertThat(browser.get("/login").body()).doesNotContain("/login/captcha");
    for (int i = 0; i < 3; i++) {
      assertThat(browser.submitLogin("inspector", "wrong-" + i, Map.of()).location()).endsWith("/login?error");
    }
    assertThat(browser.get("/login").body()).contains("/login/captcha").contains("name=\"captcha\"");
    assertThat(WebSession.from(api, Probes.source()).get("/login").body()).as("other addresses")
        .doesNotContain("/login/captcha");

    WebSession.Page unsolved = browser.submitLogin("inspector", Api.DEMO_PASSWORD, Map.of("captcha", "0000"));
    assertThat(unsolved.location()).as("the right password without the CAPTCHA").endsWith("/login?captcha");
    assertThat(browser.isSignedIn()).isFalse();

    WebSession.Page image = browser.get("/login/captcha");
    assertThat(image.status()).isEqualTo(200);
    String answer = (String) sessionAttribute(browser.sessionId(), CAPTCHA_ATTRIBUTE);
    assertThat(answer).isNotBlank();
    WebSession.Page solved = browser.submitLogin("inspector", Api.DEMO_PASSWORD, Map.of("captcha", answer));
    assertThat(solved.status()).isEqualTo(302);
    assertThat(solved.location()).doesNotContain("/login");
    assertThat(browser.isSignedIn()).isTrue();
  }

  /** Six form logins from {@code source} (five wrong, then the demo password), solving CAPTCHAs; their redirects. */
  private List<String> pageAttempts(String username, String source) {
    WebSession browser = WebSession.from(api, source);
    List<String> locations = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String password = i < 5 ? "wrong-" + i : Api.DEMO_PASSWORD;
      Map<String, String> extra = Map.of();
      if (browser.get("/login").body().contains("/login/captcha")) {
        browser.get("/login/captcha");
        extra = Map.of("captcha", (String) sessionAttribute(browser.sessionId(), CAPTCHA_ATTRIBUTE));
      }
      locations.add(browser.submitLogin(username, password, extra).location());
    }
    return locations;
  }

  /** Reads an attribute of a servlet session straight from the embedded Tomcat (the CAPTCHA's answer). */
  private Object sessionAttribute(String sessionId, String name) {
    try {
      TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
      Context web = (Context) server.getTomcat().getHost().findChildren()[0];
      Session session = web.getManager().findSession(sessionId);
      assertThat(session).as("session " + sessionId).isNotNull();
      return session.getSession().getAttribute(name);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
