package org.epicommand.labtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.epicommand.support.Api;

/** FHIR R4 JSON for the labtest tests, and posting it as {@code application/fhir+json}. */
final class FhirSamples {

  static final String CODE = "\"code\": {\"coding\": [{\"system\": \"http://loinc.org\", \"code\": \"94500-6\","
      + " \"display\": \"SARS-CoV-2 (COVID-19) RNA [Presence] in Respiratory specimen by NAA with probe detection\"}]},";
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private FhirSamples() {}

  /**
   * A final SARS-CoV-2 RNA Observation (LOINC 94500-6) issued 2022-11-11T20:00+08:00: the barcode as the
   * accession of a contained Specimen (none when null), the lab as the performer's identifier, the value
   * element and components as JSON fragments (either may be null or empty).
   */
  static String observation(String barcode, String lab, String value, String components) {
    StringBuilder json = new StringBuilder("{\"resourceType\": \"Observation\", \"id\": \"obs-")
        .append(barcode == null ? "x" : barcode).append("\",");
    if (barcode != null) {
      json.append(" \"contained\": [{\"resourceType\": \"Specimen\", \"id\": \"tube\", \"accessionIdentifier\":")
          .append(" {\"system\": \"urn:epicommand:tube\", \"value\": \"").append(barcode).append("\"}}],");
    }
    json.append(" \"status\": \"final\", \"category\": [{\"coding\": [{\"system\":")
        .append(" \"http://terminology.hl7.org/CodeSystem/observation-category\", \"code\": \"laboratory\"}]}], ")
        .append(CODE).append(" \"subject\": {\"display\": \"tube member\"}, \"issued\": \"2022-11-11T20:00:00+08:00\",")
        .append(" \"performer\": [{\"identifier\": {\"system\": \"urn:epicommand:lab\", \"value\": \"").append(lab)
        .append("\"}}]");
    if (barcode != null) {
      json.append(", \"specimen\": {\"reference\": \"#tube\"}");
    }
    if (value != null) {
      json.append(", ").append(value);
    }
    if (components != null && !components.isEmpty()) {
      json.append(", \"component\": [").append(components).append(']');
    }
    return json.append('}').toString();
  }

  static String snomed(String code, String display) {
    return "\"valueCodeableConcept\": {\"coding\": [{\"system\": \"http://snomed.info/sct\", \"code\": \"" + code
        + "\", \"display\": \"" + display + "\"}]}";
  }

  static String ct(String loinc, String value) {
    return "{\"code\": {\"coding\": [{\"system\": \"http://loinc.org\", \"code\": \"" + loinc + "\"}]},"
        + " \"valueQuantity\": {\"value\": " + value + ", \"unit\": \"Ct\", \"system\": \"http://unitsofmeasure.org\","
        + " \"code\": \"{Ct_value}\"}}";
  }

  static String bundle(String type, String... resources) {
    return "{\"resourceType\": \"Bundle\", \"type\": \"" + type + "\", \"entry\": [" + Stream.of(resources)
        .map(r -> "{\"fullUrl\": \"urn:uuid:" + java.util.UUID.randomUUID() + "\", \"resource\": " + r
            + ", \"request\": {\"method\": \"POST\", \"url\": \"Observation\"}}")
        .collect(Collectors.joining(", ")) + "]}";
  }

  static Api.Answer post(Api api, String user, String path, String body) {
    return post(api, user, "zh-CN", path, body);
  }

  static Api.Answer post(Api api, String user, String language, String path, String body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/fhir+json; charset=UTF-8").header("Accept-Language", language)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
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
