package org.epicommand.lockdown.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.epicommand.lockdown.LockdownReadiness;
import org.epicommand.lockdown.Readiness;
import org.epicommand.lockdown.VulnerablePerson;
import org.epicommand.lockdown.VulnerablePersons;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The register of vulnerable persons of a sealed area, and the readiness of the pool per district. */
@RestController
@Tag(name = "Lockdown")
class CareApiController {

  private final VulnerablePersons vulnerable;
  private final LockdownReadiness readiness;

  CareApiController(VulnerablePersons vulnerable, LockdownReadiness readiness) {
    this.vulnerable = vulnerable;
    this.readiness = readiness;
  }

  @Operation(summary = "Readiness of the manpower pool per district: posts (and a scenario) × the standard vs the pool"
      + " available today, with the gap per post type; district outside the caller's jurisdiction: 404")
  @GetMapping("/api/v1/lockdown/readiness")
  @PreAuthorize("hasAuthority('MOVEMENT_READ')")
  List<Readiness> readiness(@RequestParam(required = false) String district,
      @RequestParam(required = false) Integer gates, @RequestParam(required = false) Integer buildings,
      @RequestParam(required = false) Integer households, @RequestParam(required = false) Integer residents) {
    return readiness.readiness(district, new Readiness.Scenario(gates, buildings, households, residents));
  }

  @Operation(summary = "The area's register of vulnerable persons (all=true: removed ones too); read audited")
  @GetMapping("/api/v1/lockdown/areas/{id}/vulnerable")
  @PreAuthorize("hasAuthority('MOVEMENT_READ')")
  List<VulnerablePerson> register(@PathVariable UUID id, @RequestParam(required = false) Boolean all) {
    return vulnerable.of(id, Boolean.TRUE.equals(all));
  }

  @Operation(summary = "Puts a person of a household of the area on its register; their requests come first")
  @PostMapping("/api/v1/lockdown/areas/{id}/vulnerable")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  VulnerablePerson add(@PathVariable UUID id, @RequestBody VulnerablePerson.New request) {
    return vulnerable.register(id, request);
  }

  @Operation(summary = "Takes a person off the register (kept as REMOVED); 409 when removed already")
  @PostMapping("/api/v1/lockdown/vulnerable/{id}/remove")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  VulnerablePerson remove(@PathVariable UUID id) {
    return vulnerable.remove(id);
  }
}
