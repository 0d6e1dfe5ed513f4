package org.epicommand.treatment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.treatment.Admission;
import org.epicommand.treatment.AdmissionRequest;
import org.epicommand.treatment.Admissions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

/**
 * {@code /api/v1/admissions}: stays in hospitals. Admitting, transferring, discharging and recording a
 * death also record the case's outcome; a hospital operator works only in their hospitals.
 */
@RestController
@RequestMapping("/api/v1/admissions")
@Tag(name = "Treatment")
class AdmissionApiController {

  static final String WRITE = "hasAuthority('ADMISSION_WRITE')";

  private final Admissions admissions;

  AdmissionApiController(Admissions admissions) {
    this.admissions = admissions;
  }

  @Operation(
      summary = "Stays in the hospitals the caller sees (one hospital when given), newest first; open=true: still there")
  @GetMapping
  @PreAuthorize(HospitalApiController.READ)
  PageResult<Admission> list(@RequestParam(required = false) String hospital,
      @RequestParam(required = false) Boolean open, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return admissions.list(hospital, Boolean.TRUE.equals(open), Paging.of(page, size));
  }

  @Operation(summary = "A stay (404 outside the caller's hospitals)")
  @GetMapping("/{id}")
  @PreAuthorize(HospitalApiController.READ)
  Admission get(@PathVariable String id) {
    return admissions.get(id);
  }

  @Operation(
      summary = "Admits a case: 409 when admitted elsewhere (existingId), the hospital not ACTIVE or full (with a suggestion); 400 reason when the placement differs from the suggested one")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(WRITE)
  Admission admit(@RequestBody AdmissionRequest request) {
    return admissions.admit(request);
  }

  @Operation(summary = "Transfers the case: this stay ends TRANSFERRED, a new one starts (same checks as an admission)")
  @PostMapping("/{id}/transfer")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(WRITE)
  Admission transfer(@PathVariable String id, @RequestBody AdmissionRequest request) {
    return admissions.transfer(id, request);
  }

  @Operation(summary = "Discharges the case: the discharge rule must be met (409 otherwise)")
  @PostMapping("/{id}/discharge")
  @PreAuthorize(WRITE)
  Admission discharge(@PathVariable String id) {
    return admissions.discharge(id);
  }

  @Operation(summary = "Records the patient's death")
  @PostMapping("/{id}/death")
  @PreAuthorize(WRITE)
  Admission death(@PathVariable String id) {
    return admissions.death(id);
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule admissionsRule() {
      return new ApiAccessRule("/api/v1/admissions/**", "TREATMENT_READ");
    }
  }
}
