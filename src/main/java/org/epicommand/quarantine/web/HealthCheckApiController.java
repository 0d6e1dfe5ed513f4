package org.epicommand.quarantine.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.quarantine.HealthCheck;
import org.epicommand.quarantine.HealthChecks;
import org.epicommand.quarantine.HealthLinkTexts;
import org.epicommand.quarantine.Symptom;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Health checks by staff, and the personal link for the person's own phone. */
@RestController
@Tag(name = "Quarantine")
class HealthCheckApiController {

  record CheckRequest(BigDecimal temperature, List<Symptom> symptoms) {}

  private final HealthChecks checks;
  private final HealthLinkTexts texts;

  HealthCheckApiController(HealthChecks checks, HealthLinkTexts texts) {
    this.texts = texts;
    this.checks = checks;
  }

  @Operation(summary = "Records this half-day's check (temperature 34–43 °C; fever and symptoms raise alerts)")
  @PostMapping("/api/v1/quarantine/orders/{id}/health-checks")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyAuthority('QUARANTINE_WRITE', 'SITE_OPERATE')")
  HealthCheck record(@PathVariable UUID id, @RequestBody CheckRequest request) {
    return checks.recordByStaff(id, request.temperature(), request.symptoms());
  }

  @GetMapping("/api/v1/quarantine/orders/{id}/health-checks")
  @PreAuthorize("hasAuthority('QUARANTINE_READ')")
  List<HealthCheck> history(@PathVariable UUID id) {
    return checks.history(id);
  }

  @Operation(summary = "Issues a new personal link for the person's phone (the previous link stops working)")
  @PostMapping("/api/v1/quarantine/orders/{id}/health-link")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyAuthority('QUARANTINE_WRITE', 'SITE_OPERATE')")
  Map<String, String> link(@PathVariable UUID id) {
    String token = checks.issueLink(id);
    return Map.of("token", token, "path", "/public/h/" + token);
  }

  @Operation(summary = "Issues a new personal link and texts it to the person's phone at the public URL "
      + "(409 without an SMS gateway, a public URL or a phone number); the delivery is in the outbound list")
  @PostMapping("/api/v1/quarantine/orders/{id}/health-link/sms")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @PreAuthorize("hasAnyAuthority('QUARANTINE_WRITE', 'SITE_OPERATE')")
  HealthLinkTexts.LinkText textLink(@PathVariable UUID id) {
    return texts.send(id);
  }
}
