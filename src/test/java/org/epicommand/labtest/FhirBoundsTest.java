package org.epicommand.labtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.labtest.LabtestFixtures.TUBES_HEADER;
import static org.epicommand.labtest.LabtestFixtures.persons;
import static org.epicommand.labtest.LabtestFixtures.tubeRows;
import static org.epicommand.labtest.LabtestFixtures.upload;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Bounded input: FHIR XML, other media types, oversized bodies and times in the future (real HTTP). */
@EpiCommandTest
class FhirBoundsTest {

  static final HttpClient CLIENT = HttpClient.newHttpClient();
  static final FhirContext FHIR = FhirContext.forR4Cached();

  @Autowired
  Api api;

  @Test
  void anObservationInFhirXmlLands() {
    String tube = singleTube();
    String json = FhirSamples.observation(tube, "LAB01", FhirSamples.snomed("260385009", "Negative"), "");
    IBaseResource parsed = FHIR.newJsonParser().parseResource(json);
    String xml = FHIR.newXmlParser().encodeResourceToString(parsed);
    Api.Answer answer = post("/api/v1/fhir/Observation", "application/fhir+xml", xml.getBytes(StandardCharsets.UTF_8));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    assertThat(answer.json().get("issue").get(0).get("diagnostics").asString()).contains(tube);
    assertThat(api.as("lab").get("/api/v1/tubes/" + tube).json().get("result").asString()).isEqualTo("NEGATIVE");
    // broken XML is a 400 OperationOutcome
    Api.Answer broken = post("/api/v1/fhir/Observation", "application/fhir+xml",
        "<Observation xmlns=\"http://hl7.org/fhir\"><status".getBytes(StandardCharsets.UTF_8));
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
  }

  @Test
  void anotherMediaTypeIsA415OperationOutcome() {
    Api.Answer answer = post("/api/v1/fhir", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.header("Content-Type")).startsWith("application/fhir+json");
    JsonNode issue = answer.json().get("issue").get(0);
    assertThat(answer.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
    assertThat(issue.get("code").asString()).isEqualTo("not-supported");
    assertThat(issue.get("diagnostics").asString()).contains("text/plain");
  }

  @Test
  void anOversizedBodyIs413() {
    byte[] big = new byte[11 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) ' ');
    Api.Answer fhir = post("/api/v1/fhir", "application/fhir+json", big);
    assertThat(fhir.status()).isEqualTo(413);
    assertThat(fhir.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
    assertThat(fhir.json().get("issue").get(0).get("code").asString()).isEqualTo("too-costly");
    // any other JSON API: 413 problem+json before the body is read
    Api.Answer json = api.as("commander").post("/api/v1/persons", "[" + " ".repeat(5 * 1024 * 1024) + "]");
    assertThat(json.status()).isEqualTo(413);
    assertThat(json.header("Content-Type")).startsWith("application/problem+json");
    assertThat(json.json().get("status").asInt()).isEqualTo(413);
  }

  @Test
  void aResultTimeInTheFutureIsRefused() {
    String tube = singleTube();
    String future = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(2).withNano(0).toString();
    String observation = FhirSamples.observation(tube, "LAB01", FhirSamples.snomed("260385009", "Negative"), "")
        .replace("2022-11-11T20:00:00+08:00", future);
    Api.Answer answer = FhirSamples.post(api, "lab", "/api/v1/fhir/Observation", observation);
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().get("issue").get(0).get("expression").get(0).asString()).endsWith(".issued");
    assertThat(api.as("lab").get("/api/v1/tubes/" + tube).json().get("state").asString()).isNotEqualTo("RESULTED");
    // a few seconds ahead (a lab clock running fast) is fine
    String soon = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusMinutes(1).withNano(0).toString();
    Api.Answer skewed = FhirSamples.post(api, "lab", "/api/v1/fhir/Observation",
        observation.replace(future, soon));
    assertThat(skewed.status()).as(skewed.body()).isEqualTo(201);
  }

  @Test
  void aSamplingTimeInTheFutureIsARowError() {
    String barcode = "FF" + System.nanoTime();
    String future = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).withNano(0).toString();
    JsonNode status = upload(api, "lab", "tubes", TUBES_HEADER + tubeRows(barcode, "SINGLE",
        persons(api, 1, LabtestFhirTest.COMMUNITY), LabtestFhirTest.SITE, future));
    assertThat(status.get("rowsImported").asInt()).isZero();
    assertThat(status.get("errors").get(0).get("field").asString()).isEqualTo("collectedAt");
  }

  private String singleTube() {
    String barcode = "FB" + System.nanoTime();
    upload(api, "lab", "tubes", TUBES_HEADER + tubeRows(barcode, "SINGLE", persons(api, 1, LabtestFhirTest.COMMUNITY),
        LabtestFhirTest.SITE, "2022-11-11T08:00:00+08:00"));
    return barcode;
  }

  private Api.Answer post(String path, String contentType, byte[] body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString(("lab:" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Api.Answer(response.statusCode(), response.body(), response.headers());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
