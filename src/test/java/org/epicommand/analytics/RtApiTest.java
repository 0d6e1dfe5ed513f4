package org.epicommand.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.epicommand.support.SharedData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/analytics/rt} over HTTP against EpiEstim's published snapshot (example 3). */
@EpiCommandTest
class RtApiTest {

  @Autowired
  Api api;

  @Test
  void flu2009WithTheParametricSerialIntervalMatchesEpiEstimToSixSignificantDigits() throws Exception {
    List<Integer> incidence = Files.readAllLines(SharedData.require("epiestim/Flu2009_incidence.csv")).stream()
        .skip(1).map(line -> Integer.parseInt(line.split(",")[2].strip())).toList();
    Api.Answer answer = api.as("commander").post("/api/v1/analytics/rt", Map.of("incidence", incidence,
        "si", Map.of("method", "PARAMETRIC", "mean", 2.6, "sd", 1.5)));
    assertThat(answer.status()).isEqualTo(200);
    JsonNode windows = answer.json().get("windows");
    EpiEstimSnapshot expected = EpiEstimSnapshot.example(3);
    List<String> means = expected.column("Mean(R)");
    assertThat(windows.size()).isEqualTo(means.size());
    for (int i = 0; i < means.size(); i++) {
      double mean = Double.parseDouble(means.get(i));
      assertThat(windows.get(i).get("mean").asDouble()).isCloseTo(mean, within(Math.abs(mean) * 5e-7));
      double median = Double.parseDouble(expected.column("Median(R)").get(i));
      assertThat(windows.get(i).get("quantiles").get("0.5").asDouble()).isCloseTo(median, within(median * 5e-7));
    }
    assertThat(windows.get(0).get("tStart").asInt()).isEqualTo(2);
    assertThat(windows.get(0).get("tEnd").asInt()).isEqualTo(8);
    assertThat(answer.json().get("siDistribution").get(0).asDouble()).isZero();
  }

  @Test
  void badInputIsAFieldErrorNotAServerError() {
    Api.Answer answer = api.as("commander").header("Accept-Language", "en").post("/api/v1/analytics/rt",
        Map.of("incidence", List.of(1, -2, 3), "si", Map.of("method", "PARAMETRIC", "mean", 0.5, "sd", 1)));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("\"field\":\"incidence\"").contains("\"field\":\"si\"")
        .contains("serial interval");
    assertThat(api.anonymous().post("/api/v1/analytics/rt", Map.of()).status()).isEqualTo(401);
  }
}
