package org.epicommand.movement.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.epicommand.movement.NewRiskArea;
import org.epicommand.movement.RiskArea;
import org.epicommand.movement.RiskAreaHistory;
import org.epicommand.movement.RiskAreas;
import org.epicommand.quarantine.RiskLevel;
import org.epicommand.shared.ApiAccessRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/risk-areas} (docs/api.md, Contract → Movement). */
@RestController
@RequestMapping("/api/v1/risk-areas")
@Tag(name = "Movement")
class RiskAreaApiController {

  record InfectionRequest(LocalDate date, Boolean foundUnderControl) {}

  record ApprovalRequest(String notice) {}

  private final RiskAreas riskAreas;

  RiskAreaApiController(RiskAreas riskAreas) {
    this.riskAreas = riskAreas;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('MOVEMENT_READ')")
  List<RiskArea> list(@RequestParam(required = false) RiskLevel level) {
    return riskAreas.list(level);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('RISK_AREA_MANAGE')")
  RiskArea designate(@RequestBody NewRiskArea request) {
    return riskAreas.designate(request);
  }

  @Operation(summary = "The area with its boundary, proposals and full history")
  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('MOVEMENT_READ')")
  RiskAreaHistory get(@PathVariable UUID id) {
    return riskAreas.history(id);
  }

  @Operation(summary = "A new infection in the area; foundUnderControl=true keeps the last new infection date")
  @PostMapping("/{id}/new-infections")
  @PreAuthorize("hasAuthority('RISK_AREA_MANAGE')")
  RiskArea newInfection(@PathVariable UUID id, @RequestBody InfectionRequest request) {
    return riskAreas.recordNewInfection(id, request.date(), Boolean.TRUE.equals(request.foundUnderControl()));
  }

  @Operation(summary = "Proposes the downgrades due on a day (default today) under the rule set in force")
  @PostMapping("/proposals")
  @PreAuthorize("hasAuthority('RISK_AREA_MANAGE')")
  List<RiskArea> propose(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
    return riskAreas.proposeDowngrades(day == null ? LocalDate.now(riskAreas.clockZone()) : day);
  }

  @Operation(summary = "Approves the open downgrade proposal with its published notice; 409 when none is open")
  @PostMapping("/{id}/approve")
  @PreAuthorize("hasAuthority('RISK_AREA_MANAGE')")
  RiskArea approve(@PathVariable UUID id, @RequestBody ApprovalRequest request) {
    return riskAreas.approveDowngrade(id, request.notice());
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule riskAreaAccessRule() {
      return new ApiAccessRule("/api/v1/risk-areas/**", "MOVEMENT_READ");
    }
  }
}
