package org.epicommand.analytics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.epicommand.analytics.EpiStatistics;
import org.epicommand.analytics.EpiStatistics.Basis;
import org.epicommand.analytics.Projections;
import org.springdoc.core.annotations.ParameterObject;
import org.epicommand.analytics.TransmissionDelays;
import org.epicommand.shared.ApiAccessRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Epidemic statistics on the platform's own data, counts only, inside the caller's jurisdiction:
 * curves by onset and report date with a 7-day moving average, growth rate and doubling time,
 * the empirical serial interval and incubation period, and an SEIR projection of cases, rooms and beds.
 */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics")
@PreAuthorize("hasAuthority('DASHBOARD_READ')")
class EpiApiController {

  private final EpiStatistics statistics;
  private final TransmissionDelays delays;
  private final Projections projections;

  EpiApiController(EpiStatistics statistics, TransmissionDelays delays, Projections projections) {
    this.statistics = statistics;
    this.delays = delays;
    this.projections = projections;
  }

  @Operation(summary = "Daily cases by onset and by report date with a trailing 7-day moving average")
  @GetMapping("/curves")
  EpiStatistics.Curves curves(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
      @RequestParam(required = false) String district) {
    return statistics.curves(from, to, district);
  }

  @Operation(summary = "Exponential growth rate (Poisson GLM, 95 % Wald interval, quasi-Poisson dispersion) and "
      + "doubling or halving time of local cases, for the caller's area and each district")
  @GetMapping("/growth")
  EpiStatistics.Growth growth(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
      @RequestParam(required = false) Basis basis, @RequestParam(required = false) String district) {
    return statistics.growth(from, to, basis, district);
  }

  @Operation(summary = "Empirical serial interval (infector onset → infectee onset) over the linked cases")
  @GetMapping("/serial-interval")
  TransmissionDelays.DelaySummary serialInterval() {
    return delays.serialInterval();
  }

  @Operation(summary = "Empirical incubation period (last exposure as a named contact → onset) over the linked cases")
  @GetMapping("/incubation-period")
  TransmissionDelays.DelaySummary incubationPeriod() {
    return delays.incubationPeriod();
  }

  @Operation(summary = "SEIR projection (RK4, daily) of new cases, quarantine rooms and hospital beds")
  @GetMapping("/projection")
  Projections.Projection projection(@ParameterObject Projections.Request request) {
    // every parameter is optional and named as in Projections.Request (query parameters bound to the record)
    return projections.project(request);
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule curvesApiRule() {
      return new ApiAccessRule("/api/v1/analytics/curves", "DASHBOARD_READ");
    }

    @Bean
    ApiAccessRule growthApiRule() {
      return new ApiAccessRule("/api/v1/analytics/growth", "DASHBOARD_READ");
    }

    @Bean
    ApiAccessRule serialIntervalApiRule() {
      return new ApiAccessRule("/api/v1/analytics/serial-interval", "DASHBOARD_READ");
    }

    @Bean
    ApiAccessRule incubationPeriodApiRule() {
      return new ApiAccessRule("/api/v1/analytics/incubation-period", "DASHBOARD_READ");
    }

    @Bean
    ApiAccessRule projectionApiRule() {
      return new ApiAccessRule("/api/v1/analytics/projection", "DASHBOARD_READ");
    }
  }
}
