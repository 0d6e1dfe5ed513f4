package org.epicommand.movement.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.epicommand.movement.Checkpoints;
import org.epicommand.shared.ApiAccessRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Checkpoints and green-channel passes ({@code /api/v1/checkpoints}, {@code /api/v1/green-passes}). */
@RestController
@Tag(name = "Movement")
class CheckpointApiController {

  record PassRequest(String plate, String cargo, LocalDate validFrom, LocalDate validTo) {}

  record PassageRequest(String checkpointCode) {}

  private final Checkpoints checkpoints;

  CheckpointApiController(Checkpoints checkpoints) {
    this.checkpoints = checkpoints;
  }

  @GetMapping("/api/v1/checkpoints")
  @PreAuthorize("hasAuthority('MOVEMENT_READ')")
  List<Checkpoints.Checkpoint> list() {
    return checkpoints.list();
  }

  @PostMapping("/api/v1/checkpoints")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('RISK_AREA_MANAGE')")
  Checkpoints.Checkpoint create(@RequestBody Checkpoints.Checkpoint request) {
    return checkpoints.create(request);
  }

  @PostMapping("/api/v1/green-passes")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('RISK_AREA_MANAGE')")
  Checkpoints.GreenPass issue(@RequestBody PassRequest request) {
    return checkpoints.issue(request.plate(), request.cargo(), request.validFrom(), request.validTo());
  }

  @Operation(summary = "The latest passes issued, newest first")
  @GetMapping("/api/v1/green-passes")
  @PreAuthorize("hasAuthority('MOVEMENT_READ')")
  List<Checkpoints.GreenPass> passes(@RequestParam(required = false) Integer limit) {
    return checkpoints.recentPasses(limit == null ? 50 : limit);
  }

  @Operation(summary = "Checks a vehicle by pass number or plate (one of them): VALID, EXPIRED, NOT_YET_VALID or UNKNOWN")
  @GetMapping("/api/v1/green-passes/check")
  @PreAuthorize("hasAuthority('MOVEMENT_READ')")
  Checkpoints.PassCheck check(@RequestParam(required = false) String passNumber,
      @RequestParam(required = false) String plate) {
    return checkpoints.check(passNumber, plate);
  }

  @Operation(summary = "Records a vehicle's passage at a checkpoint; 409 outside the pass's validity, 404 unknown pass")
  @PostMapping("/api/v1/green-passes/{passNumber}/passages")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  Checkpoints.Passage pass(@PathVariable String passNumber, @RequestBody PassageRequest request) {
    return checkpoints.pass(passNumber, request.checkpointCode());
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule checkpointAccessRule() {
      return new ApiAccessRule("/api/v1/checkpoints/**", "MOVEMENT_READ");
    }

    @Bean
    ApiAccessRule greenPassAccessRule() {
      return new ApiAccessRule("/api/v1/green-passes/**", "MOVEMENT_READ");
    }
  }
}
