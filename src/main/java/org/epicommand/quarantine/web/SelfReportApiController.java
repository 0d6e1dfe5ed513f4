package org.epicommand.quarantine.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.epicommand.quarantine.HealthCheck;
import org.epicommand.quarantine.HealthChecks;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The personal link's API (no login: the unguessable token is the credential, valid only while the
 * order is open; anything else is 404). A well-formed health check is usually answered before it
 * gets here, by {@link HealthCheckFastPath}; whatever that path does not accept (bad JSON, a
 * refused value, an unknown token) reaches this controller and gets the usual problem answer.
 */
@RestController
@RequestMapping("/api/v1/public/health-links/{token}")
@Tag(name = "Quarantine")
class SelfReportApiController {

  private final HealthChecks checks;

  SelfReportApiController(HealthChecks checks) {
    this.checks = checks;
  }

  @GetMapping
  HealthChecks.LinkView link(@PathVariable String token) {
    return checks.link(token);
  }

  @Operation(summary = "Reports a health check for the link's person or (household head) a dependant")
  @PostMapping("/health-checks")
  @ResponseStatus(HttpStatus.CREATED)
  HealthCheck report(@PathVariable String token, @RequestBody SelfReport report) {
    return checks.selfReport(token, report.forOrderId(), report.temperature(), report.symptoms());
  }
}
