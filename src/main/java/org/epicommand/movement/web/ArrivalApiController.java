package org.epicommand.movement.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.UUID;
import org.epicommand.movement.Arrival;
import org.epicommand.movement.Arrivals;
import org.epicommand.movement.NewArrival;
import org.epicommand.movement.internal.PublicRateLimit;
import org.epicommand.person.IdType;
import org.epicommand.platform.FormMessages;
import org.epicommand.quarantine.RiskLevel;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Arrivals: registration by staff ({@code /api/v1/arrivals}) and the resident's own ({@code /api/v1/public/arrivals}).
 * */
@RestController
@Tag(name = "Movement")
class ArrivalApiController {

  /** The request body of both registrations; validated field by field. */
  record ArrivalRequest(String name, IdType idType, String idNumber, String phone, String address,
      String destinationCode, String originRegion, UUID originAreaId, RiskLevel originLevel, Boolean inbound,
      String route, LocalDate arrivalDate, String checkpointCode) {

    NewArrival toNewArrival() {
      return new NewArrival(name, idType == null ? IdType.RESIDENT_ID : idType, idNumber, phone, address,
          destinationCode, originRegion, originAreaId, originLevel, Boolean.TRUE.equals(inbound), route, arrivalDate,
          checkpointCode);
    }
  }

  private final Arrivals arrivals;
  private final PublicRateLimit rateLimit;
  private final FormMessages messages;

  ArrivalApiController(Arrivals arrivals, PublicRateLimit rateLimit, FormMessages messages) {
    this.arrivals = arrivals;
    this.rateLimit = rateLimit;
    this.messages = messages;
  }

  @PostMapping("/api/v1/arrivals")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  Arrival register(@RequestBody ArrivalRequest request) {
    return arrivals.register(request.toNewArrival());
  }

  @GetMapping("/api/v1/arrivals")
  @PreAuthorize("hasAuthority('MOVEMENT_READ')")
  PageResult<Arrival> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return arrivals.list(Paging.of(page, size));
  }

  @GetMapping("/api/v1/arrivals/{id}")
  @PreAuthorize("hasAuthority('MOVEMENT_READ')")
  Arrival get(@PathVariable UUID id) {
    return arrivals.get(id);
  }

  @Operation(summary = "Self-registration of a returnee or traveller (no login; rate-limited per client address)")
  @PostMapping("/api/v1/public/arrivals")
  ResponseEntity<Object> registerSelf(@RequestBody ArrivalRequest request, HttpServletRequest http) {
    if (!rateLimit.tryAcquire(http.getRemoteAddr())) {
      return tooMany(messages.text("error.movement.arrival.rateLimited"));
    }
    // what the resident is told: the registration and what the rule calls for, no personal data
    return ResponseEntity.status(HttpStatus.CREATED).body(arrivals.registerSelf(request.toNewArrival()));
  }

  static ResponseEntity<Object> tooMany(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, detail);
    problem.setTitle("Too Many Requests");
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "60")
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule arrivalAccessRule() {
      return new ApiAccessRule("/api/v1/arrivals/**", "MOVEMENT_READ");
    }
  }
}
