package org.epicommand.person.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.epicommand.person.IdType;
import org.epicommand.person.NewPerson;
import org.epicommand.person.Person;
import org.epicommand.person.PersonRegistry;
import org.epicommand.person.PersonSummary;
import org.epicommand.person.Sex;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** {@code /api/v1/persons} (docs/api.md, Contract → Persons). */
@RestController
@RequestMapping("/api/v1/persons")
@Tag(name = "Persons")
class PersonApiController {

  static final List<String> EXPORT_HEADER = List.of("name", "idType", "idNumber", "sex", "birthDate", "phone",
      "address", "jurisdictionCode");

  /** The request body of create and update; validation happens in the registry, field by field. */
  record PersonRequest(String name, IdType idType, String idNumber, Sex sex, LocalDate birthDate, String phone,
      String address, String jurisdictionCode) {

    NewPerson toNewPerson() {
      return new NewPerson(name, idType, idNumber, sex, birthDate, phone, address, jurisdictionCode);
    }
  }

  private final PersonRegistry registry;

  PersonApiController(PersonRegistry registry) {
    this.registry = registry;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('PERSON_WRITE')")
  Person register(@RequestBody PersonRequest request) {
    return registry.register(request.toNewPerson());
  }

  @Operation(summary = "The full record of a person (audited as READ); 404 outside the caller's jurisdiction")
  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('PERSON_READ')")
  Person get(@PathVariable UUID id) {
    return registry.get(id);
  }

  @PutMapping("/{id}")
  @PreAuthorize("hasAuthority('PERSON_WRITE')")
  Person update(@PathVariable UUID id, @RequestBody PersonRequest request) {
    return registry.update(id, request.toNewPerson());
  }

  @Operation(summary = "Search by name, the last 4+ characters of the document number, or phone; masked per role")
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAuthority('PERSON_READ')")
  PageResult<PersonSummary> search(@RequestParam(required = false) String q,
      @RequestParam(required = false) String jurisdiction, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return registry.search(q, jurisdiction, Paging.of(page, size));
  }

  @Operation(summary = "The same search as CSV (UTF-8 with BOM, masked per role); audited as EXPORT")
  @GetMapping(produces = "text/csv")
  @PreAuthorize("hasAuthority('PERSON_EXPORT')")
  ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String q,
      @RequestParam(required = false) String jurisdiction) {
    return csv(q, jurisdiction, registry);
  }

  @GetMapping("/{id}/household")
  @PreAuthorize("hasAuthority('PERSON_READ')")
  List<PersonSummary> household(@PathVariable UUID id) {
    return registry.household(id);
  }

  /** The export response; the audit event is written before the first byte is streamed. */
  static ResponseEntity<StreamingResponseBody> csv(String q, String jurisdiction, PersonRegistry registry) {
    org.epicommand.person.PersonExport export = registry.export(q, jurisdiction, EXPORT_HEADER);
    StreamingResponseBody body = export::writeTo;
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"persons.csv\"")
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .body(body);
  }
}
