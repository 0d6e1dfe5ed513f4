package org.epicommand.analytics.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.analytics.RtEstimation;
import org.epicommand.analytics.RtEstimation.GivenDistribution;
import org.epicommand.analytics.RtEstimation.Parametric;
import org.epicommand.analytics.RtEstimation.SerialIntervalChoice;
import org.epicommand.analytics.RtEstimation.WindowEstimate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/analytics/rt}: an EpiEstim-compatible estimate of the reproduction number on
 * counts the caller gives (docs/api.md, "Analytics"). No personal data: every signed-in user may call it.
 */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics")
class RtApiController {

  /** The JSON keys of the quantiles, in the order of {@link RtEstimation#QUANTILE_LEVELS}. */
  static final List<String> QUANTILE_KEYS = List.of("0.025", "0.05", "0.25", "0.5", "0.75", "0.95", "0.975");

  /**
   * Counts are taken as plain numbers so that 1.5 cases is refused (rt.incidence) rather than
   * silently truncated; days in {@code tStart} and {@code tEnd} are 1-based as in EpiEstim.
   */
  record RtRequest(List<Number> incidence, List<Number> importedIncidence, SerialIntervalBody si,
      List<Number> tStart, List<Number> tEnd) {}

  /** {@code {"method": "PARAMETRIC", "mean", "sd"}} or {@code {"method": "DISTRIBUTION", "distribution"}}. */
  record SerialIntervalBody(String method, Double mean, Double sd, List<Number> distribution) {}

  @JsonPropertyOrder({"windows", "siDistribution"})
  record RtResponse(List<WindowBody> windows, List<Double> siDistribution) {}

  @JsonPropertyOrder({"tStart", "tEnd", "mean", "sd", "quantiles"})
  record WindowBody(int tStart, int tEnd, double mean, double sd, Map<String, Double> quantiles) {}

  @Operation(summary = "Estimate Rt (Cori et al. 2013, as EpiEstim estimate_R) from daily counts and a serial interval")
  @PostMapping("/rt")
  RtResponse estimate(@RequestBody RtRequest request) {
    RtEstimation.Result result = RtEstimation.estimate(new RtEstimation.Request(request.incidence(),
        request.importedIncidence(), serialInterval(request.si()), request.tStart(), request.tEnd()));
    List<WindowBody> windows = result.windows().stream().map(RtApiController::body).toList();
    List<Double> si = Arrays.stream(result.serialInterval().weights()).boxed().toList();
    return new RtResponse(windows, si);
  }

  /** An unknown or missing method leaves the choice empty, which the estimation answers with rt.si. */
  private static SerialIntervalChoice serialInterval(SerialIntervalBody si) {
    if (si == null || si.method() == null) {
      return null;
    }
    return switch (si.method()) {
      case "PARAMETRIC" -> new Parametric(si.mean(), si.sd());
      case "DISTRIBUTION" -> new GivenDistribution(si.distribution());
      default -> null;
    };
  }

  static WindowBody body(WindowEstimate estimate) {
    Map<String, Double> quantiles = new LinkedHashMap<>();
    for (int i = 0; i < QUANTILE_KEYS.size(); i++) {
      quantiles.put(QUANTILE_KEYS.get(i), estimate.quantiles().get(i));
    }
    return new WindowBody(estimate.window().start(), estimate.window().end(), estimate.mean(), estimate.sd(),
        quantiles);
  }
}
