package org.epicommand.screening.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.epicommand.screening.Gathering;
import org.epicommand.screening.GatheringPolicies;
import org.epicommand.screening.Gatherings;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
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

/** Gatherings and their follow-up, the gathering policies and the rural market days. */
@RestController
@Tag(name = "Screening")
class GatheringApiController {

  record StatusRequest(Gathering.MarketStatus status, String hours) {}

  private final Gatherings gatherings;
  private final GatheringPolicies policies;

  GatheringApiController(Gatherings gatherings, GatheringPolicies policies) {
    this.gatherings = gatherings;
    this.policies = policies;
  }

  @Operation(
      summary = "Gatherings in a jurisdiction (default: the caller's), latest date first; state one state or ALL")
  @GetMapping("/api/v1/gatherings")
  @PreAuthorize("hasAuthority('SCREENING_READ')")
  PageResult<Gathering> list(@RequestParam(required = false) String state,
      @RequestParam(required = false) String jurisdiction, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return gatherings.list(state, jurisdiction, Paging.of(page, size));
  }

  @Operation(
      summary = "Reports a gathering (the policy rule in force is applied); unreported = a VIOLATION found afterwards")
  @PostMapping("/api/v1/gatherings")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('SCREENING_VISIT')")
  Gathering report(@RequestBody Gathering.New request) {
    return gatherings.report(request);
  }

  @GetMapping("/api/v1/gatherings/{id}")
  @PreAuthorize("hasAuthority('SCREENING_READ')")
  Gathering get(@PathVariable UUID id) {
    return gatherings.get(id);
  }

  @Operation(summary = "Approves a REPORTED gathering; a BANNED kind and other states are 409")
  @PostMapping("/api/v1/gatherings/{id}/approve")
  @PreAuthorize("hasAuthority('SCREENING_MANAGE')")
  Gathering approve(@PathVariable UUID id, @RequestBody(required = false) Gathering.Note note) {
    return gatherings.move(id, Gathering.State.APPROVED, note);
  }

  @Operation(summary = "Advises a REPORTED gathering to postpone (喜事缓办); 409 otherwise")
  @PostMapping("/api/v1/gatherings/{id}/advise")
  @PreAuthorize("hasAuthority('SCREENING_MANAGE')")
  Gathering advise(@PathVariable UUID id, @RequestBody(required = false) Gathering.Note note) {
    return gatherings.move(id, Gathering.State.ADVISED_TO_POSTPONE, note);
  }

  @Operation(summary = "Rejects a REPORTED gathering; 409 otherwise")
  @PostMapping("/api/v1/gatherings/{id}/reject")
  @PreAuthorize("hasAuthority('SCREENING_MANAGE')")
  Gathering reject(@PathVariable UUID id, @RequestBody(required = false) Gathering.Note note) {
    return gatherings.move(id, Gathering.State.REJECTED, note);
  }

  @Operation(summary = "Marks an APPROVED gathering held, with the actual attendees; 409 otherwise")
  @PostMapping("/api/v1/gatherings/{id}/held")
  @PreAuthorize("hasAuthority('SCREENING_VISIT')")
  Gathering held(@PathVariable UUID id, @RequestBody(required = false) Gathering.Note note) {
    return gatherings.move(id, Gathering.State.HELD, note);
  }

  @Operation(summary = "Adds a follow-up note to a gathering not yet closed")
  @PostMapping("/api/v1/gatherings/{id}/follow-ups")
  @PreAuthorize("hasAuthority('SCREENING_VISIT')")
  Gathering followUp(@PathVariable UUID id, @RequestBody Gathering.Note note) {
    return gatherings.followUp(id, note);
  }

  @Operation(summary = "Closes a held, postponed, rejected or violating gathering (with a last note); 409 otherwise")
  @PostMapping("/api/v1/gatherings/{id}/close")
  @PreAuthorize("hasAuthority('SCREENING_VISIT')")
  Gathering close(@PathVariable UUID id, @RequestBody(required = false) Gathering.Note note) {
    return gatherings.move(id, Gathering.State.CLOSED, note);
  }

  @Operation(summary = "Policy entries for the caller's jurisdiction and above; day = only those in force that day")
  @GetMapping("/api/v1/gathering-policies")
  @PreAuthorize("hasAuthority('SCREENING_READ')")
  List<Gathering.Policy> policies(@RequestParam(required = false) LocalDate day) {
    return policies.list(day);
  }

  @Operation(summary = "Adds a policy entry; the previous open entry of the kind and division ends the day before")
  @PostMapping("/api/v1/gathering-policies")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('SCREENING_MANAGE')")
  Gathering.Policy createPolicy(@RequestBody Gathering.NewPolicy request) {
    return policies.create(request);
  }

  @GetMapping("/api/v1/market-days")
  @PreAuthorize("hasAuthority('SCREENING_READ')")
  List<Gathering.MarketDay> marketDays(@RequestParam(required = false) String jurisdiction) {
    return policies.marketDays(jurisdiction);
  }

  @Operation(summary = "Adds or updates a township's market day (by division and name)")
  @PostMapping("/api/v1/market-days")
  @PreAuthorize("hasAuthority('SCREENING_MANAGE')")
  Gathering.MarketDay saveMarketDay(@RequestBody Gathering.NewMarketDay request) {
    return policies.saveMarketDay(request);
  }

  @Operation(summary = "Opens, reduces or suspends a market day; 409 when it already has that status")
  @PostMapping("/api/v1/market-days/{id}/status")
  @PreAuthorize("hasAuthority('SCREENING_MANAGE')")
  Gathering.MarketDay status(@PathVariable UUID id, @RequestBody StatusRequest request) {
    return policies.setStatus(id, request == null ? null : request.status(), request == null ? null : request.hours());
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule gatheringAccessRule() {
      return new ApiAccessRule("/api/v1/gatherings/**", "SCREENING_READ");
    }

    @Bean
    ApiAccessRule gatheringListAccessRule() {
      return new ApiAccessRule("/api/v1/gatherings", "SCREENING_READ");
    }

    @Bean
    ApiAccessRule gatheringPolicyAccessRule() {
      return new ApiAccessRule("/api/v1/gathering-policies", "SCREENING_READ");
    }

    @Bean
    ApiAccessRule marketDayAccessRule() {
      return new ApiAccessRule("/api/v1/market-days/**", "SCREENING_READ");
    }
  }
}
