package org.epicommand.keygroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.keygroup.KeyGroupApiTest.fields;
import static org.epicommand.keygroup.KeyGroupApiTest.tag;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.epicommand.organisation.OrganisationFixtures;
import org.epicommand.sentinel.SentinelFixtures;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Environmental monitoring through HTTP: sites and samples with their bad inputs, a result entered once (409
 * naming it), a positive opening a follow-up whose moves are guarded (409 naming the current state) and which
 * closes only after a negative re-sample collected after the disinfection; 404 outside the jurisdiction.
 */
@EpiCommandTest
class EnvironmentApiTest {

  @Autowired
  Api api;

  @Test
  void aPositiveSampleIsFollowedUpToItsClose() {
    Api.Answer badSite = api.as("cdc").post("/api/v1/environment/sites", Map.of("name", ""));
    assertThat(fields(badSite)).containsExactlyInAnyOrder("name", "kind", "jurisdictionCode");
    Api.Answer site = api.as("cdc").post("/api/v1/environment/sites", Map.of("name", "冷库" + tag(),
        "kind", "COLD_STORE", "jurisdictionCode", OrganisationFixtures.COMMUNITY));
    assertThat(site.status()).as(site.body()).isEqualTo(201);
    String siteId = site.json().get("id").asString();

    Map<String, Object> bad = new HashMap<>(Map.of("barcode", "X12", "siteId", siteId, "goodsBatch", "b".repeat(101)));
    bad.put("collectedAt", Instant.now().plusSeconds(3600).toString());
    assertThat(fields(api.as("lab").post("/api/v1/environment/samples", bad)))
        .containsExactlyInAnyOrder("barcode", "matrix", "goodsBatch", "collectedAt");
    String barcode = "E" + tag();
    Api.Answer sample = api.as("lab").post("/api/v1/environment/samples", Map.of("barcode", barcode, "siteId", siteId,
        "matrix", "PACKAGE_OUTER", "goodsBatch", "进口冻虾 2026-118"));
    assertThat(sample.status()).as(sample.body()).isEqualTo(201);
    Api.Answer again = api.as("lab").post("/api/v1/environment/samples", Map.of("barcode", barcode, "siteId", siteId,
        "matrix", "SURFACE"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("existingId").asString()).isEqualTo(sample.json().get("id").asString());

    assertThat(fields(api.as("lab").post("/api/v1/environment/samples/" + barcode + "/result",
        Map.of("result", "MAYBE", "ctN", 77)))).containsExactlyInAnyOrder("result", "ctN");
    assertThat(api.as("lab").post("/api/v1/environment/samples/E404" + tag() + "/result",
        Map.of("result", "NEGATIVE")).status()).isEqualTo(404);
    Api.Answer positive = api.as("lab").post("/api/v1/environment/samples/" + barcode + "/result",
        Map.of("result", "POSITIVE", "ctOrf1ab", 31.5, "ctN", 30.2));
    assertThat(positive.status()).as(positive.body()).isEqualTo(200);
    String followUp = positive.json().get("followUpId").asString();
    Api.Answer twice = api.as("lab").post("/api/v1/environment/samples/" + barcode + "/result",
        Map.of("result", "NEGATIVE"));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("currentState").asString()).isEqualTo("POSITIVE");

    // outside the jurisdiction the follow-up does not exist
    String outsider = SentinelFixtures.account(api, "envd", "DISTRICT_STAFF", "990102");
    assertThat(api.as(outsider, SentinelFixtures.CLERK_PASSWORD).get("/api/v1/environment/follow-ups/" + followUp)
        .status()).isEqualTo(404);
    String path = "/api/v1/environment/follow-ups/" + followUp;
    assertState(api.as("district").post(path + "/disinfected", Map.of("tracedPersons", 3)), 409, "OPEN");
    assertState(api.as("district").post(path + "/close-site", Map.of()), 200, "SITE_CLOSED");
    assertState(api.as("district").post(path + "/close-site", Map.of()), 409, "SITE_CLOSED");
    assertThat(fields(api.as("district").post(path + "/disinfected", Map.of()))).containsExactly("tracedPersons");
    assertState(api.as("district").post(path + "/disinfected", Map.of("tracedPersons", 12)), 200, "DISINFECTED");
    // no negative re-sample yet: refused naming the state; then one comes and it closes
    assertState(api.as("district").post(path + "/close", Map.of()), 409, "DISINFECTED");
    String resample = "E" + tag();
    assertThat(api.as("lab").post("/api/v1/environment/samples", Map.of("barcode", resample, "siteId", siteId,
        "matrix", "SURFACE")).status()).isEqualTo(201);
    assertThat(api.as("lab").post("/api/v1/environment/samples/" + resample + "/result",
        Map.of("result", "NEGATIVE")).status()).isEqualTo(200);
    Api.Answer closed = api.as("district").post(path + "/close", Map.of("note", "复采阴性"));
    assertState(closed, 200, "CLOSED");
    assertThat(closed.json().get("tracedPersons").asInt()).isEqualTo(12);
    assertState(api.as("district").post(path + "/close", Map.of()), 409, "CLOSED");
  }

  private static void assertState(Api.Answer answer, int status, String state) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.json().get(status == 200 ? "state" : "currentState").asString()).isEqualTo(state);
  }
}
