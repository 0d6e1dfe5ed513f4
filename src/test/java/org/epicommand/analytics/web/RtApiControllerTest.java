package org.epicommand.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON contract of {@code POST /api/v1/analytics/rt} (docs/api.md, "Analytics"), without a server. */
class RtApiControllerTest {

  final JsonMapper json = JsonMapper.builder().build();
  final RtApiController controller = new RtApiController();

  @Test
  void answersWindowsWithMeanSdQuantilesAndTheSerialInterval() {
    JsonNode answer = post("""
        {"incidence": [1, 1, 0, 2, 5, 3, 3, 3, 6, 2],
         "si": {"method": "PARAMETRIC", "mean": 2.6, "sd": 1.5}}""");

    assertThat(answer.propertyNames()).containsExactly("windows", "siDistribution");
    JsonNode first = answer.get("windows").get(0);
    assertThat(first.propertyNames()).containsExactly("tStart", "tEnd", "mean", "sd", "quantiles");
    assertThat(first.get("tStart").asInt()).isEqualTo(2);
    assertThat(first.get("tEnd").asInt()).isEqualTo(8);
    assertThat(first.get("quantiles").propertyNames())
        .containsExactly("0.025", "0.05", "0.25", "0.5", "0.75", "0.95", "0.975");
    assertThat(first.get("quantiles").get("0.025").asDouble()).isLessThan(first.get("quantiles").get("0.5").asDouble());
    assertThat(answer.get("windows")).hasSize(3);
    // days 0 … T, the last one 0 as in EpiEstim
    assertThat(answer.get("siDistribution")).hasSize(11);
    assertThat(answer.get("siDistribution").get(0).asDouble()).isZero();
    assertThat(answer.get("siDistribution").get(1).asDouble()).isCloseTo(0.2331721, offset(5e-8));
  }

  @Test
  void takesAGivenDistributionImportedCasesAndWindows() {
    JsonNode answer = post("""
        {"incidence": [2, 1, 0, 2, 5, 3, 3, 3, 6, 2],
         "importedIncidence": [2, 0, 0, 1, 0, 0, 0, 0, 0, 0],
         "si": {"method": "DISTRIBUTION", "distribution": [0, 0.233, 0.359, 0.198, 0.103, 0.053, 0.027, 0.014,
                0.007, 0.003, 0.002, 0.001]},
         "tStart": [4, 2], "tEnd": [10, 4]}""");

    assertThat(answer.get("windows")).extracting(window -> window.get("tStart").asInt()).containsExactly(4, 2);
    assertThat(answer.get("windows")).extracting(window -> window.get("tEnd").asInt()).containsExactly(10, 4);
    // window [4, 10]: 1 + (1 + 5 + 3 + 3 + 3 + 6 + 2) local cases
    JsonNode first = answer.get("windows").get(0);
    double shape = Math.pow(first.get("mean").asDouble() / first.get("sd").asDouble(), 2);
    assertThat(shape).isCloseTo(24, offset(1e-9));
    assertThat(answer.get("siDistribution")).hasSize(12);
  }

  @Test
  void refusesNonIntegerCountsInsteadOfTruncatingThem() {
    assertThat(problems("""
        {"incidence": [1, 2.5, 3, 4, 5, 6, 7, 8], "si": {"method": "PARAMETRIC", "mean": 2.6, "sd": 1.5}}"""))
        .containsExactly(FieldProblem.of("incidence", "rt.incidence", 3_660, 100_000_000L));
  }

  @Test
  void refusesAnUnknownOrMissingSerialIntervalMethod() {
    assertThat(problems("""
        {"incidence": [1, 2, 3, 4, 5, 6, 7, 8], "si": {"method": "LOGNORMAL", "mean": 2.6, "sd": 1.5}}"""))
        .containsExactly(FieldProblem.of("si", "rt.si"));
    assertThat(problems("""
        {"incidence": [1, 2, 3, 4, 5, 6, 7, 8]}""")).containsExactly(FieldProblem.of("si", "rt.si"));
    assertThat(problems("""
        {"incidence": [1, 2, 3, 4, 5, 6, 7, 8], "si": {"method": "DISTRIBUTION"}}"""))
        .containsExactly(FieldProblem.of("si", "rt.si"));
  }

  private JsonNode post(String body) {
    RtApiController.RtRequest request = json.readValue(body, RtApiController.RtRequest.class);
    return json.valueToTree(controller.estimate(request));
  }

  private List<FieldProblem> problems(String body) {
    ValidationFailure failure = catchThrowableOfType(ValidationFailure.class, () -> post(body));
    assertThat(failure).as("a validation failure").isNotNull();
    return failure.problems();
  }
}
