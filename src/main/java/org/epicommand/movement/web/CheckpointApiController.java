package org.epicommand.movement.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.epicommand.movement.Checkpoints;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.StateFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checkpoints — set up, corrected, retired and reactivated — and green-channel passes
 * ({@code /api/v1/checkpoints}, {@code /api/v1/checkpoint-kinds}, {@code /api/v1/green-passes}).
 */
@RestController
@Tag(name = "Movement")
class CheckpointApiController {

  record PassRequest(String plate, String cargo, LocalDate validFrom, LocalDate validTo) {}

  record PassageRequest(String checkpointCode) {}

  /** A kind with its name in the caller's language. */
  record KindName(Checkpoints.Kind code, String name) {}

  private final Checkpoints checkpoints;
  private final FormMessages forms;

  CheckpointApiController(Checkpoints checkpoints, FormMessages forms) {
    this.checkpoints = checkpoints;
    this.forms = forms;
  }

  @Operation(summary = "Checkpoints city-wide in code order; state = ACTIVE (default), RETIRED or ALL")
  @GetMapping("/api/v1/checkpoints")
  @PreAuthorize("hasAuthority('MOVEMENT_READ')")
  List<Checkpoints.Checkpoint> list(@RequestParam(required = false) String state) {
    return checkpoints.list(StateFilter.parse(state, Checkpoints.State.class, Checkpoints.State.ACTIVE));
  }

  @Operation(summary = "Sets up a checkpoint in a division inside the caller's jurisdiction; a taken code is 409"
      + " with existingId")
  @PostMapping("/api/v1/checkpoints")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('RISK_AREA_MANAGE')")
  Checkpoints.Checkpoint create(@RequestBody Checkpoints.NewCheckpoint request) {
    return checkpoints.create(request);
  }

  @GetMapping("/api/v1/checkpoints/{code}")
  @PreAuthorize("hasAuthority('MOVEMENT_READ')")
  Checkpoints.Checkpoint get(@PathVariable String code) {
    return checkpoints.find(code).orElseThrow(() -> new RecordNotFound("CHECKPOINT"));
  }

  @Operation(summary = "Corrects a checkpoint's name, kind, division or coordinates (the code stays); 404 outside"
      + " the caller's jurisdiction")
  @PutMapping("/api/v1/checkpoints/{code}")
  @PreAuthorize("hasAuthority('RISK_AREA_MANAGE')")
  Checkpoints.Checkpoint update(@PathVariable String code, @RequestBody Checkpoints.NewCheckpoint request) {
    return checkpoints.update(code, request);
  }

  @Operation(summary = "Retires a checkpoint: kept with its arrivals and passages, refuses new ones (409);"
      + " 409 when already retired")
  @PostMapping("/api/v1/checkpoints/{code}/retire")
  @PreAuthorize("hasAuthority('RISK_AREA_MANAGE')")
  Checkpoints.Checkpoint retire(@PathVariable String code) {
    return checkpoints.retire(code);
  }

  @Operation(summary = "Takes a retired checkpoint back into use; 409 when it is active")
  @PostMapping("/api/v1/checkpoints/{code}/reactivate")
  @PreAuthorize("hasAuthority('RISK_AREA_MANAGE')")
  Checkpoints.Checkpoint reactivate(@PathVariable String code) {
    return checkpoints.reactivate(code);
  }

  @Operation(summary = "The kinds of checkpoint with their names in the caller's language")
  @GetMapping("/api/v1/checkpoint-kinds")
  @PreAuthorize("hasAuthority('MOVEMENT_READ')")
  List<KindName> kinds() {
    return Arrays.stream(Checkpoints.Kind.values())
        .map(k -> new KindName(k, forms.text("movement.checkpoint.kind." + k))).toList();
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

  @Operation(
      summary = "Checks a vehicle by pass number or plate (one of them): VALID, EXPIRED, NOT_YET_VALID or UNKNOWN")
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
    ApiAccessRule checkpointKindAccessRule() {
      return new ApiAccessRule("/api/v1/checkpoint-kinds", "MOVEMENT_READ");
    }

    @Bean
    ApiAccessRule greenPassAccessRule() {
      return new ApiAccessRule("/api/v1/green-passes/**", "MOVEMENT_READ");
    }
  }
}
