package org.epicommand.quality.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.epicommand.support.Api;
import org.epicommand.support.DemoPlaces;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Inputs the first security run answered with a 500 or handled wrongly: NUL characters, overlong
 * names, unparseable multipart requests, leaked uploads, counts and LIKE escapes of the user search.
 */
@EpiCommandTest
class MalformedInputRegressionTest {

  @Autowired
  Api api;

  @Test
  void aNulCharacterInAnyQueryParameterIsA400NamingIt() {
    Map<String, String> probes = Map.of("commander", "/api/v1/persons?q=a%00b", "admin", "/api/v1/users?q=%00",
        "auditor", "/api/v1/audit?username=a%00", "district", "/api/v1/jurisdictions?parent=a%00");
    probes.forEach((user, path) -> {
      Api.Answer answer = api.as(user).get(path);
      assertThat(answer.status()).as(path).isEqualTo(400);
      assertThat(answer.json().get("errors").get(0).get("code").asString()).isEqualTo("nulCharacter");
    });
    assertThat(api.as("commander").get("/api/v1/persons?jurisdiction=%00").json().get("errors").get(0)
        .get("field").asString()).isEqualTo("jurisdiction");
  }

  @Test
  void aNulCharacterInAJsonStringIsA400NamingTheField() {
    Map<String, Object> body = Probes.person("空\u0000字", Probes.uniqueIdNumber(), Probes.uniquePhone(), null,
        Probes.OWN_COMMUNITY);
    Api.Answer answer = api.as("cdc").post("/api/v1/persons", body);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
  }

  @Test
  void aDisplayNameOver100CharactersIsAFieldError() {
    Api.Answer answer = api.as("admin").post("/api/v1/users", Map.of("username", "long-name-probe",
        "displayName", "名".repeat(101), "password", "Longname2022", "roles", List.of("AUDITOR"),
        "jurisdictionCode", DemoPlaces.CITY));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("\"field\":\"displayName\"");
  }

  @Test
  void anOverlongFileNameIsShortenedNotRefused() {
    Api.Answer answer = api.as("district").upload("/api/v1/imports/persons?wait=true", "x".repeat(300) + ".csv",
        "name,idType,idNumber,sex,birthDate,phone,address,jurisdictionCode\n".getBytes(StandardCharsets.UTF_8));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("fileName").asString()).hasSize(255).endsWith("x.csv");
  }

  @Test
  void aMultipartRequestThatCannotBeParsedIsA400Problem() {
    Api.Answer answer = api.as("district").upload("/api/v1/imports/persons", "bad\u0000name.csv",
        "name\n".getBytes(StandardCharsets.UTF_8));
    assertThat(answer.status()).isIn(200, 202, 400);
    assertThat(answer.status()).isNotEqualTo(500);
    if (answer.status() == 400) {
      assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }
  }

  @Test
  void aRefusedWorkbookLeavesNoFileBehind() throws Exception {
    Path spool = Path.of("target", "test-imports");
    long before = uploads(spool);
    byte[] fake = new byte[2048];
    new java.util.Random(7).nextBytes(fake);
    fake[0] = 'P';
    fake[1] = 'K';
    fake[2] = 3;
    fake[3] = 4;
    Api.Answer answer = api.as("district").upload("/api/v1/imports/persons?wait=true", "fake.xlsx", fake);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(uploads(spool)).isEqualTo(before);
  }

  @Test
  void theUserSearchCountsOnlyItsMatchesAndTakesBackslashLiterally() {
    JsonNode none = api.as("admin").get("/api/v1/users?q=zzzz-no-such-user").json();
    assertThat(none.get("items").size()).isZero();
    assertThat(none.get("total").asLong()).isZero();
    assertThat(api.as("admin").get("/api/v1/users?q=" + Probes.encode("\\")).json().get("items").size()).isZero();
  }

  private static long uploads(Path spool) throws Exception {
    if (!Files.isDirectory(spool)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(spool)) {
      return files.filter(f -> f.toString().endsWith(".upload")).count();
    }
  }
}
