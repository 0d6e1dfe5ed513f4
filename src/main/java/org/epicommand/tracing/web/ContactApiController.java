package org.epicommand.tracing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.tracing.Contact;
import org.epicommand.tracing.ContactCategory;
import org.epicommand.tracing.ContactDiscoveryRoute;
import org.epicommand.tracing.ContactType;
import org.epicommand.tracing.Contacts;
import org.epicommand.tracing.NewContact;
import org.epicommand.tracing.TrackingState;
import org.epicommand.tracing.UnderControlKpi;
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

/** Contacts of cases (docs/api.md, Contract → Cases and tracing), their tracking and the 24 h KPI. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Tracing")
class ContactApiController {

  record ContactRequest(String personId, ContactCategory category, ContactType contactType,
      LocalDate lastExposureDate, ContactDiscoveryRoute discoveryRoute, String sourceContactId, String note) {}

  record TrackRequest(TrackingState trackingState, String note) {}

  private final Contacts contacts;

  ContactApiController(Contacts contacts) {
    this.contacts = contacts;
  }

  @Operation(summary = "Name a contact of a case; a CLOSE contact exposed before the look-back window → 400 naming it")
  @PostMapping("/cases/{id}/contacts")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  Contact add(@PathVariable UUID id, @RequestBody ContactRequest r) {
    return contacts.add(id, new NewContact(r.personId(), r.category(), r.contactType(), r.lastExposureDate(),
        r.discoveryRoute(), r.sourceContactId(), r.note()));
  }

  @GetMapping("/cases/{id}/contacts")
  @PreAuthorize("hasAuthority('CASE_READ')")
  PageResult<Contact> ofCase(@PathVariable UUID id, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return contacts.ofCase(id, Paging.of(page, size));
  }

  @Operation(
      summary = "Contacts living in the caller's jurisdiction (or a part of it), optionally in one tracking state")
  @GetMapping("/contacts")
  @PreAuthorize("hasAuthority('CASE_READ')")
  PageResult<Contact> list(@RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) TrackingState trackingState, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return contacts.inJurisdiction(jurisdiction, trackingState, Paging.of(page, size));
  }

  @Operation(summary = "Contacts still to locate in the caller's jurisdiction, the longest waiting first")
  @GetMapping("/contacts/to-locate")
  @PreAuthorize("hasAuthority('CASE_READ')")
  PageResult<Contact> toLocate(@RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return contacts.toLocate(Paging.of(page, size));
  }

  @Operation(
      summary = "Share of close and secondary contacts under control within 24 h of the case report, per district")
  @GetMapping("/contacts/kpi/under-control")
  @PreAuthorize("hasAuthority('CASE_READ')")
  List<UnderControlKpi> kpi(@RequestParam(required = false) @DateTimeFormat(
      iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return contacts.underControlKpi(from, to);
  }

  @GetMapping("/contacts/{id}")
  @PreAuthorize("hasAuthority('CASE_READ')")
  Contact get(@PathVariable UUID id) {
    return contacts.get(id);
  }

  @Operation(summary = "Move the tracking: LOCATED, UNDER_CONTROL, NOT_FOUND, TRANSFERRED_OUT, EXCLUDED; illegal → 409")
  @PostMapping("/contacts/{id}/tracking")
  @PreAuthorize("hasAuthority('CONTACT_TRACK')")
  Contact track(@PathVariable UUID id, @RequestBody TrackRequest request) {
    return contacts.track(id, request.trackingState(), request.note());
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule contactApiRule() {
      return new ApiAccessRule("/api/v1/contacts/**", "CASE_READ");
    }
  }
}
