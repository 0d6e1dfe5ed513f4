package org.epicommand.analytics.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.epicommand.account.CurrentUser;
import org.epicommand.analytics.Dashboard;
import org.epicommand.analytics.Dashboard.DashboardView;
import org.epicommand.analytics.RtEstimation;
import org.epicommand.analytics.RtEstimation.Parametric;
import org.epicommand.analytics.web.RtApiController.WindowBody;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/analytics/dashboard} (the dashboard's figures, counts only) and
 * {@code GET /api/v1/analytics/rt} (Rt on the platform's own local cases by onset date, docs/api.md).
 */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics")
class DashboardApiController {

  /** The longest span the platform estimate covers. */
  static final int MAX_DAYS = 366;

  @JsonPropertyOrder({"from", "to", "jurisdiction", "incidence", "importedIncidence", "windows", "siDistribution"})
  record PlatformRtResponse(LocalDate from, LocalDate to, String jurisdiction, List<Long> incidence,
      List<Long> importedIncidence, List<WindowBody> windows, List<Double> siDistribution) {}

  private final Dashboard dashboard;
  private final CurrentUser currentUser;
  private final Jurisdictions jurisdictions;
  private final Clock clock;

  DashboardApiController(Dashboard dashboard, CurrentUser currentUser, Jurisdictions jurisdictions, Clock clock) {
    this.dashboard = dashboard;
    this.currentUser = currentUser;
    this.jurisdictions = jurisdictions;
    this.clock = clock;
  }

  @Operation(summary = "The command dashboard's figures for the caller's jurisdiction or one district in it")
  @GetMapping("/dashboard")
  @PreAuthorize("hasAuthority('DASHBOARD_READ')")
  DashboardView dashboard(@RequestParam(required = false) String district) {
    return dashboard.view(district);
  }

  @Operation(summary = "Rt (Cori et al. 2013, as EpiEstim) on the platform's own local cases by onset date")
  @GetMapping("/rt")
  @PreAuthorize("hasAuthority('DASHBOARD_READ')")
  PlatformRtResponse platformRt(@RequestParam(required = false) @DateTimeFormat(
      iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String jurisdiction, @RequestParam(required = false) Double siMean,
      @RequestParam(required = false) Double siSd) {
    LocalDate end = to != null ? to : LocalDate.now(clock);
    LocalDate start = from != null ? from : end.minusDays(Dashboard.CURVE_DAYS - 1L);
    List<FieldProblem> problems = new ArrayList<>();
    long days = end.toEpochDay() - start.toEpochDay() + 1;
    if (days < 2 || days > MAX_DAYS) {
      problems.add(FieldProblem.of(from == null ? "to" : "from", "analytics.range", MAX_DAYS));
    }
    if (siMean == null || siSd == null || !(siMean > 1) || !(siSd > 0)) {
      problems.add(FieldProblem.of(siMean == null || !(siMean > 1) ? "siMean" : "siSd", "rt.si"));
    }
    JurisdictionScope scope = currentUser.get().scope();
    String code = currentUser.get().jurisdictionCode();
    if (jurisdiction != null && !jurisdiction.isBlank()) {
      Jurisdiction node = jurisdictions.find(jurisdiction).filter(j -> currentUser.get().scope().contains(j.path()))
          .orElseThrow(() -> new RecordNotFound("JURISDICTION"));
      if (node.level().number() > JurisdictionLevel.COUNTY.number()) {
        problems.add(FieldProblem.of("jurisdiction", "analytics.jurisdictionLevel"));
      }
      scope = node.scope();
      code = node.code();
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    List<List<Long>> incidence = dashboard.incidenceByOnset(start, end, scope);
    RtEstimation.Result result = RtEstimation.estimate(new RtEstimation.Request(incidence.get(0), incidence.get(1),
        new Parametric(siMean, siSd), null, null));
    return new PlatformRtResponse(start, end, code, incidence.get(0), incidence.get(1),
        result.windows().stream().map(RtApiController::body).toList(),
        Arrays.stream(result.serialInterval().weights()).boxed().toList());
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule dashboardApiRule() {
      return new ApiAccessRule("/api/v1/analytics/dashboard", "DASHBOARD_READ");
    }
  }
}
