package org.epicommand.treatment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.treatment.MedicalRequest;
import org.epicommand.treatment.MedicalRequestStatus;
import org.epicommand.treatment.MedicalRequests;
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
 * {@code /api/v1/medical-requests}: medical-service requests for people under control. Those who work
 * with quarantine file and read them in their jurisdiction; the medical group moves them on.
 */
@RestController
@RequestMapping("/api/v1/medical-requests")
@Tag(name = "Treatment")
class MedicalRequestApiController {

  static final String READ = "hasAnyAuthority('QUARANTINE_READ', 'TREATMENT_ADMIN')";

  private final MedicalRequests requests;

  MedicalRequestApiController(MedicalRequests requests) {
    this.requests = requests;
  }

  @Operation(
      summary = "Requests inside the caller's jurisdiction, open ones first, newest first; open=true: only open ones")
  @GetMapping
  @PreAuthorize(READ)
  PageResult<MedicalRequest> list(@RequestParam(required = false) Boolean open,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return requests.list(Boolean.TRUE.equals(open), Paging.of(page, size));
  }

  @Operation(summary = "A request (404 outside the caller's jurisdiction; the read is audited)")
  @GetMapping("/{id}")
  @PreAuthorize(READ)
  MedicalRequest get(@PathVariable String id) {
    return requests.get(id);
  }

  @Operation(
      summary = "Files a request for a person of the caller's jurisdiction (404 otherwise); 400 phone without a callback number")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyAuthority('QUARANTINE_WRITE', 'TREATMENT_ADMIN')")
  MedicalRequest file(@RequestBody MedicalRequest.New request) {
    return requests.file(request);
  }

  @Operation(summary = "Accepts a request (REQUESTED → ACCEPTED); 409 naming the state otherwise")
  @PostMapping("/{id}/accept")
  @PreAuthorize(HospitalApiController.ADMIN)
  MedicalRequest accept(@PathVariable String id, @RequestBody(required = false) MedicalRequest.Step body) {
    return requests.move(id, MedicalRequestStatus.ACCEPTED, body);
  }

  @Operation(summary = "Dispatches help (ACCEPTED → DISPATCHED) with the hospital and the closed-loop vehicle")
  @PostMapping("/{id}/dispatch")
  @PreAuthorize(HospitalApiController.ADMIN)
  MedicalRequest dispatch(@PathVariable String id, @RequestBody(required = false) MedicalRequest.Step body) {
    return requests.move(id, MedicalRequestStatus.DISPATCHED, body);
  }

  @Operation(summary = "The person was served (DISPATCHED → SERVED)")
  @PostMapping("/{id}/serve")
  @PreAuthorize(HospitalApiController.ADMIN)
  MedicalRequest serve(@PathVariable String id, @RequestBody(required = false) MedicalRequest.Step body) {
    return requests.move(id, MedicalRequestStatus.SERVED, body);
  }

  @Operation(summary = "The person was referred elsewhere (DISPATCHED → REFERRED)")
  @PostMapping("/{id}/refer")
  @PreAuthorize(HospitalApiController.ADMIN)
  MedicalRequest refer(@PathVariable String id, @RequestBody(required = false) MedicalRequest.Step body) {
    return requests.move(id, MedicalRequestStatus.REFERRED, body);
  }

  @Operation(summary = "Cancels an open request")
  @PostMapping("/{id}/cancel")
  @PreAuthorize(HospitalApiController.ADMIN)
  MedicalRequest cancel(@PathVariable String id, @RequestBody(required = false) MedicalRequest.Step body) {
    return requests.move(id, MedicalRequestStatus.CANCELLED, body);
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule medicalRequestsRule() {
      return new ApiAccessRule("/api/v1/medical-requests/**", "QUARANTINE_READ|TREATMENT_ADMIN");
    }
  }
}
