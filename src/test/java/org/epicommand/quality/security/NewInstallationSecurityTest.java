package org.epicommand.quality.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.epicommand.support.Api;
import org.epicommand.support.CityInstallation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A city's own installation (outside demo mode): it starts with its three administrators — system,
 * security and audit — each holding one duty (finding 8), and its API documentation is only for
 * signed-in users (finding 15; in demo mode it stays public).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewInstallationSecurityTest {

  @TempDir
  static Path work;

  CityInstallation city;

  @BeforeAll
  void start() {
    city = CityInstallation.start(work);
  }

  @AfterAll
  void stop() {
    city.close();
  }

  @Test
  void theApiDocumentationNeedsASignedInUser() {
    for (String path : List.of("/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html")) {
      Api.Answer anonymous = city.api().anonymous().get(path);
      assertThat(anonymous.status()).as(path).isIn(302, 401);
      if (anonymous.status() == 302) {
        assertThat(anonymous.header("Location")).as(path).contains("/login");
      }
    }
    Api.Answer signedIn = city.admin().get("/v3/api-docs");
    assertThat(signedIn.status()).isEqualTo(200);
    assertThat(signedIn.body()).contains("/api/v1/me");
  }

  @Test
  void theInstallationStartsWithThreeAdministratorsOfOneDutyEach() {
    assertThat(roles(city.admin())).containsExactly("ADMIN");
    assertThat(roles(city.security())).containsExactly("SECURITY_ADMIN");
    assertThat(roles(city.auditor())).containsExactly("AUDITOR");
    assertThat(city.admin().get("/api/v1/audit").status()).isEqualTo(403);
    assertThat(city.security().get("/api/v1/audit").status()).isEqualTo(403);
    JsonNode trail = city.auditor().get("/api/v1/audit?action=CREATE&subjectType=USER").json().get("items");
    assertThat(trail.toString()).contains("admin").contains("security").contains("auditor");
    assertThat(city.auditor().get("/api/v1/users").status()).isEqualTo(403);
  }

  private static List<String> roles(Api.Caller caller) {
    Api.Answer me = caller.get("/api/v1/me");
    assertThat(me.status()).as(me.body()).isEqualTo(200);
    return me.json().get("roles").valueStream().map(JsonNode::asString).toList();
  }
}
