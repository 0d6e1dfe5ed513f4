package org.epicommand.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.epicommand.support.Api;
import tools.jackson.databind.JsonNode;

/** Reading the platform's answers in the journey. */
final class Answers {

  private Answers() {}

  /** The answer, once it has the status expected (else the failure shows its body). */
  static Api.Answer ok(Api.Answer answer, int status) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    return answer;
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
