package org.epicommand.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.epicommand.organisation.Organisation;
import org.epicommand.organisation.OrganisationContacts;
import org.epicommand.organisation.OrganisationDetails;
import org.epicommand.organisation.OrganisationKind;
import org.epicommand.organisation.Organisations;
import org.epicommand.organisation.Sector;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.EntityBindingsApi;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
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

/**
 * {@code /api/v1/organisations}: the organisation directory inside the caller's scope (an organisation's
 * contact: their own alone); {@code ORGANISATION_WRITE} registers, corrects, retires and takes back.
 * {@code {id}} is the organisation's id or its credit code.
 */
@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Organisations")
class DirectoryApiController {

  static final String READ = "hasAuthority('ORGANISATION_READ')";
  static final String WRITE = "hasAuthority('ORGANISATION_WRITE')";

  private final Organisations organisations;

  DirectoryApiController(Organisations organisations) {
    this.organisations = organisations;
  }

  @Operation(
      summary = "Organisations inside the caller's scope by division and code; kind, sector, active, q: the credit code or part of the name")
  @GetMapping
  @PreAuthorize(READ)
  PageResult<Organisation> list(@RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) OrganisationKind kind, @RequestParam(required = false) Sector sector,
      @RequestParam(required = false) Boolean active, @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return organisations.list(new Organisations.Filter(jurisdiction, kind, sector, active, q), Paging.of(page, size));
  }

  @Operation(summary = "An organisation by id or credit code inside the caller's scope (404 otherwise)")
  @GetMapping("/{id}")
  @PreAuthorize(READ)
  Organisation get(@PathVariable String id) {
    return organisations.get(id);
  }

  @Operation(
      summary = "Registers an organisation: 400 naming the fields (creditCode by GB 32100), 409 with existingId when the code is registered")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(WRITE)
  Organisation create(@RequestBody OrganisationDetails request) {
    return organisations.create(request);
  }

  @Operation(summary = "Corrects an organisation: everything but its credit code")
  @PutMapping("/{id}")
  @PreAuthorize(WRITE)
  Organisation update(@PathVariable String id, @RequestBody OrganisationDetails request) {
    return organisations.update(id, request);
  }

  @Operation(
      summary = "Retires an organisation: its history stays, new applications and staff are refused; 409 when retired")
  @PostMapping("/{id}/retire")
  @PreAuthorize(WRITE)
  Organisation retire(@PathVariable String id) {
    return organisations.retire(id);
  }

  @Operation(summary = "Takes a retired organisation back; 409 when it is active")
  @PostMapping("/{id}/reactivate")
  @PreAuthorize(WRITE)
  Organisation reactivate(@PathVariable String id) {
    return organisations.reactivate(id);
  }

  /** {@code /api/v1/organisation-contacts/{organisation}}: the contacts (UNIT_CONTACT) bound to an organisation. */
  @RestController
  @RequestMapping("/api/v1/organisation-contacts/{entity}")
  @Tag(name = "Organisations")
  static class ContactApiController extends EntityBindingsApi {

    ContactApiController(OrganisationContacts contacts) {
      super(contacts);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule organisationContactsRule() {
      return new ApiAccessRule("/api/v1/organisation-contacts/**", "USER_ADMIN");
    }
  }
}
