package org.epicommand.tracing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.StateFilter;
import org.epicommand.tracing.Contact;
import org.epicommand.tracing.ContactCategory;
import org.epicommand.tracing.ContactType;
import org.epicommand.tracing.Copresence;
import org.epicommand.tracing.CopresenceCandidate;
import org.epicommand.tracing.CopresenceSearch;
import org.epicommand.tracing.NewVenue;
import org.epicommand.tracing.Venue;
import org.epicommand.tracing.VenueState;
import org.epicommand.tracing.VenueType;
import org.epicommand.tracing.Venues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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

  record VenueRequest(String code, String name, String address, VenueType type, String jurisdictionCode, Double lat,
      Double lon) {

    NewVenue toNewVenue() {
      return new NewVenue(code, name, address, type, jurisdictionCode, lat, lon);
    }
  }

  /** A closed set's value with its name in the caller's language. */
  record Named(String code, String name) {}

  record ConfirmRequest(ContactCategory category, ContactType contactType) {}

  private final Venues venues;
  private final Copresence copresence;
  private final FormMessages forms;

  VenueApiController(Venues venues, Copresence copresence, FormMessages forms) {
    this.venues = venues;
    this.copresence = copresence;
    this.forms = forms;
  }

  @Operation(
      summary = "Registers a venue in a division inside the caller's jurisdiction; a taken code is 409 with existingId")
  @PostMapping("/venues")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  Venue register(@RequestBody VenueRequest r) {
    return venues.register(r.toNewVenue());
  }

  @Operation(summary = "Venues of the caller's jurisdiction or of a division inside it; q = a code prefix or part of"
      + " the name; type; state = ACTIVE (default), RETIRED or ALL")
  @GetMapping("/venues")
  @PreAuthorize("hasAuthority('CASE_READ')")
  PageResult<Venue> list(@RequestParam(required = false) String q,
      @RequestParam(required = false) String jurisdiction, @RequestParam(required = false) VenueType type,
      @RequestParam(required = false) String state, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return venues.list(q, jurisdiction, type, stateFilter(state), Paging.of(page, size));
  }

  @Operation(summary = "Corrects a venue's name, address, type, division or coordinates (the code stays);"
      + " 404 outside the caller's jurisdiction")
  @PutMapping("/venues/{code}")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  Venue update(@PathVariable String code, @RequestBody VenueRequest r) {
    return venues.update(code, r.toNewVenue());
  }

  @Operation(summary = "Retires a venue: kept with its scans, refuses new ones; 409 when already retired")
  @PostMapping("/venues/{code}/retire")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  Venue retire(@PathVariable String code) {
    return venues.retire(code);
  }

  @Operation(summary = "Takes a retired venue back into use; 409 when it is active")
  @PostMapping("/venues/{code}/reactivate")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  Venue reactivate(@PathVariable String code) {
    return venues.reactivate(code);
  }

  @Operation(summary = "The venue types with their names in the caller's language")
  @GetMapping("/venue-types")
  @PreAuthorize("hasAuthority('CASE_READ')")
  List<Named> types() {
    return Arrays.stream(VenueType.values()).map(t -> new Named(t.name(), forms.text("venueType." + t))).toList();
  }

  /** The {@code state} filter: ACTIVE when not given, null (all) for ALL; anything else is a 400 field error. */
  static VenueState stateFilter(String state) {
    return StateFilter.parse(state, VenueState.class, VenueState.ACTIVE);
  }

  @Operation(summary = "A venue by code, active or retired")
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

    @Bean
    ApiAccessRule venueTypeApiRule() {
      return new ApiAccessRule("/api/v1/venue-types", "CASE_READ");
    }
  }
}
