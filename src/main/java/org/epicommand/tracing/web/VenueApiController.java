package org.epicommand.tracing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.tracing.Contact;
import org.epicommand.tracing.ContactCategory;
import org.epicommand.tracing.ContactType;
import org.epicommand.tracing.Copresence;
import org.epicommand.tracing.CopresenceCandidate;
import org.epicommand.tracing.CopresenceSearch;
import org.epicommand.tracing.Venue;
import org.epicommand.tracing.VenueType;
import org.epicommand.tracing.Venues;
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

/** Venues (场所码) and the co-presence search over venue scans (import kind {@code venue-scans}). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Tracing")
class VenueApiController {

  record VenueRequest(String code, String name, String address, VenueType type, String jurisdictionCode) {}

  record ConfirmRequest(ContactCategory category, ContactType contactType) {}

  private final Venues venues;
  private final Copresence copresence;

  VenueApiController(Venues venues, Copresence copresence) {
    this.venues = venues;
    this.copresence = copresence;
  }

  @PostMapping("/venues")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  Venue register(@RequestBody VenueRequest r) {
    return venues.register(r.code(), r.name(), r.address(), r.type(), r.jurisdictionCode());
  }

  @Operation(summary = "Venues of the caller's jurisdiction; q = the exact code or part of the name")
  @GetMapping("/venues")
  @PreAuthorize("hasAuthority('CASE_READ')")
  PageResult<Venue> list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return venues.list(q, Paging.of(page, size));
  }

  @GetMapping("/venues/{code}")
  @PreAuthorize("hasAuthority('CASE_READ')")
  Venue get(@PathVariable String code) {
    return venues.get(code);
  }

  @Operation(summary = "Search venue scans around every venue visit of the trajectory and propose the persons found"
      + " as candidates; returns how many were proposed now and how many the investigation has (list: GET candidates)")
  @PostMapping("/investigations/{id}/copresence")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  CopresenceSearch search(@PathVariable UUID id) {
    return copresence.search(id);
  }

  @GetMapping("/investigations/{id}/candidates")
  @PreAuthorize("hasAuthority('CASE_READ')")
  List<CopresenceCandidate> candidates(@PathVariable UUID id) {
    return copresence.candidates(id);
  }

  @Operation(summary = "Confirm a candidate as a contact (default CLOSE, OTHER; last exposure = day of the scan)")
  @PostMapping("/investigations/{id}/candidates/{candidateId}/confirm")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  Contact confirm(@PathVariable UUID id, @PathVariable UUID candidateId,
      @RequestBody(required = false) ConfirmRequest r) {
    return copresence.confirm(id, candidateId, r == null ? null : r.category(), r == null ? null : r.contactType());
  }

  @PostMapping("/investigations/{id}/candidates/{candidateId}/dismiss")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  void dismiss(@PathVariable UUID id, @PathVariable UUID candidateId) {
    copresence.dismiss(id, candidateId);
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule venueApiRule() {
      return new ApiAccessRule("/api/v1/venues/**", "CASE_READ");
    }
  }
}
