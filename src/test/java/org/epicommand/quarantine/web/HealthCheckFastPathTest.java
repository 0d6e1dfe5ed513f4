package org.epicommand.quarantine.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.quarantine.QuarantineFixtures.COMMUNITY;
import static org.epicommand.quarantine.QuarantineFixtures.open;
import static org.epicommand.quarantine.QuarantineFixtures.person;
import static org.epicommand.quarantine.QuarantineFixtures.today;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.epicommand.quarantine.HealthCheck;
import org.epicommand.quarantine.HealthChecks;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The health check's short way answers a good check itself and hands everything else, body
 * intact, to the controller — so answers are the same either way, and nothing is stored twice.
 */
@EpiCommandTest
class HealthCheckFastPathTest {

  @Autowired
  Api api;
  @Autowired
  HealthChecks checks;
  @Autowired
  JsonMapper json;

  String orderId;
  String token;

  void link(String name) {
    orderId = open(api, person(api, name, COMMUNITY, "快速路" + UUID.randomUUID().toString().substring(0, 6) + "号"),
        "SECONDARY_CONTACT", today().minusDays(2), "V9").get("id").asString();
    token = api.as("community").post("/api/v1/quarantine/orders/" + orderId + "/health-link", Map.of()).json()
        .get("token").asString();
  }

  MockHttpServletRequest post(String body) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST",
        "/api/v1/public/health-links/" + token + "/health-checks");
    request.setContentType("application/json");
    request.setContent(body.getBytes(StandardCharsets.UTF_8));
    return request;
  }

  List<String> stored() {
    return api.as("community").get("/api/v1/quarantine/orders/" + orderId + "/health-checks").json().valueStream()
        .map(c -> c.get("temperature").decimalValue().toPlainString()).toList();
  }

  @Test
  void aGoodCheckIsAnsweredWithoutTheControllerAndARefusedOneReachesItWithItsBody() throws Exception {
    link("快检甲");
    HealthCheckFastPath path = new HealthCheckFastPath(checks, json);
    AtomicReference<String> handedOn = new AtomicReference<>();

    MockHttpServletResponse good = new MockHttpServletResponse();
    path.doFilter(post("{\"temperature\": 36.4}"), good, (request, response) -> handedOn.set("called"));
    assertThat(handedOn.get()).as("a good check stops here").isNull();
    assertThat(good.getStatus()).isEqualTo(201);
    HealthCheck answer = json.readValue(good.getContentAsByteArray(), HealthCheck.class);
    assertThat(answer.orderId()).isEqualTo(orderId);
    assertThat(answer.temperature()).isEqualByComparingTo("36.4");
    assertThat(answer.reportedBy()).isEqualTo("SELF");

    MockHttpServletResponse refused = new MockHttpServletResponse();
    path.doFilter(post("{\"temperature\": 60}"), refused, (request, response) ->
        handedOn.set(new String(((HttpServletRequest) request).getInputStream().readAllBytes(),
            StandardCharsets.UTF_8)));
    assertThat(handedOn.get()).as("the controller hears the same body").isEqualTo("{\"temperature\": 60}");
    assertThat(refused.getStatus()).as("nothing written by the short way").isEqualTo(200);
    assertThat(stored()).as("60 °C was not stored").containsExactly("36.4");

    handedOn.set(null);
    MockHttpServletRequest get = post("");
    get.setMethod("GET");
    path.doFilter(get, new MockHttpServletResponse(), (request, response) -> handedOn.set("called"));
    assertThat(handedOn.get()).as("other requests pass by").isEqualTo("called");
  }

  @Test
  void answersThroughTheServerCarryTheSecurityHeadersAndTheUsualProblems() {
    link("快检乙");
    String url = "/api/v1/public/health-links/" + token + "/health-checks";
    Api.Answer good = api.anonymous().post(url, Map.of("temperature", 36.6, "symptoms", List.of()));
    assertThat(good.status()).as(good.body()).isEqualTo(201);
    assertThat(good.json().get("temperature").decimalValue()).isEqualByComparingTo("36.6");
    assertThat(good.header("Content-Type")).startsWith("application/json");
    assertThat(good.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(good.header("Content-Security-Policy")).contains("default-src 'self'");
    assertThat(good.header("Cache-Control")).contains("no-store");

    Api.Answer hot = api.anonymous().post(url, Map.of("temperature", 60));
    assertThat(hot.status()).isEqualTo(400);
    assertThat(hot.header("Content-Type")).startsWith("application/problem+json");
    assertThat(hot.body()).contains("temperature");
    Api.Answer garbage = api.anonymous().post(url, "{\"temperature\": ");
    assertThat(garbage.status()).isEqualTo(400);
    assertThat(garbage.header("Content-Type")).startsWith("application/problem+json");
    Api.Answer nul = api.anonymous().post(url, "{\"temperature\": 36.5, \"symptoms\": [\"\\u0000\"]}");
    assertThat(nul.status()).isEqualTo(400);
    Api.Answer unknown = api.anonymous().post("/api/v1/public/health-links/" + "y".repeat(43) + "/health-checks",
        Map.of("temperature", 36.5));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(stored()).containsExactly("36.6");
  }
}
