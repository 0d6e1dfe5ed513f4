package org.epicommand.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@EpiCommandTest
class PlatformEndpointsTest {

  @Autowired
  Api api;

  @Test
  void healthIsPublicAndUp() {
    Api.Answer health = api.anonymous().get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asString()).isEqualTo("UP");
  }

  @Test
  void theOpenApiDocumentListsTheContractEndpoints() {
    Api.Answer docs = api.anonymous().get("/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.json().get("paths").propertyNames()).contains("/api/v1/me", "/api/v1/persons",
        "/api/v1/persons/{id}", "/api/v1/jurisdictions/{code}", "/api/v1/imports/{kind}", "/api/v1/audit",
        "/api/v1/analytics/rt");
  }

  @Test
  void prometheusMetricsAreForAdministratorsOnly() {
    Api.Answer metrics = api.as("admin").get("/actuator/prometheus");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    assertThat(api.as("commander").get("/actuator/prometheus").status()).isEqualTo(403);
  }

  @Test
  void messagesFollowAcceptLanguage() {
    assertThat(api.as("commander").header("Accept-Language", "en").get("/api/v1/persons/" + java.util.UUID.randomUUID())
        .json().get("detail").asString()).isEqualTo("Not found");
    assertThat(api.as("commander").get("/api/v1/persons/" + java.util.UUID.randomUUID()).json().get("detail")
        .asString()).isEqualTo("记录不存在");
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    for (String path : new String[] {"/login", "/api/v1/me", "/actuator/health"}) {
      Api.Answer answer = api.anonymous().get(path);
      assertThat(answer.header("Content-Security-Policy")).as(path).contains("frame-ancestors 'none'")
          .contains("script-src 'self'");
      assertThat(answer.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(answer.header("Referrer-Policy")).as(path).isEqualTo("same-origin");
      assertThat(answer.header("X-Frame-Options")).as(path).isEqualTo("DENY");
    }
  }
}
