package org.epicommand.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.epicommand.support.Api;
import tools.jackson.databind.JsonNode;

/** Reading the platform's answers in the journey: statuses, lists, orders, documents. */
final class Answers {

  private Answers() {}

  /** The answer, once it has the status expected (else the failure shows its body). */
  static Api.Answer ok(Api.Answer answer, int status) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    return answer;
  }

  /** The bytes of a document (the situation report's PDF), fetched as {@code username}; it must answer 200. */
  static byte[] document(Api api, String username, String password, String path) throws IOException,
      InterruptedException {
    String auth = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.baseUrl()
        + path)).header("Authorization", "Basic " + auth).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    return response.body();
  }

  /** An order's phases as {@code REGIME first..last}. */
  static List<String> phases(JsonNode order) {
    return order.get("phases").valueStream().map(p -> p.get("regime").asString() + " "
        + p.get("startDate").asString() + ".." + p.get("endDate").asString()).toList();
  }

  /** The row of a list whose {@code code} is {@code code}. */
  static JsonNode row(JsonNode rows, String code) {
    return row(rows, "code", code);
  }

  static JsonNode row(JsonNode rows, String field, String value) {
    return rows.valueStream().filter(r -> r.get(field).asString().equals(value)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + value + " in " + rows));
  }
}
