package org.epicommand.treatment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.person.SpecialNeed;
import org.epicommand.person.SpecialNeeds;
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

/** The special-needs ledger ({@code /api/v1/special-needs}): read per jurisdiction (audited), kept per person. */
@RestController
@RequestMapping("/api/v1/special-needs")
@Tag(name = "Treatment")
class SpecialNeedsApiController {

  static final String WRITE = "hasAnyAuthority('QUARANTINE_WRITE', 'TREATMENT_ADMIN')";

  private final SpecialNeeds ledger;

  SpecialNeedsApiController(SpecialNeeds ledger) {
    this.ledger = ledger;
  }

  @Operation(summary = "The ledger inside a division of the caller's jurisdiction (need=, all=true: removed too);"
      + " the read is audited")
  @GetMapping
  @PreAuthorize(MedicalRequestApiController.READ)
  List<SpecialNeed> list(@RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) String need, @RequestParam(required = false) Boolean all) {
    return ledger.list(jurisdiction, need, Boolean.TRUE.equals(all));
  }

  @Operation(summary = "Puts a person of the caller's jurisdiction on the ledger (a pregnancy with its due date);"
      + " 409 existingId when on it for the need")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(WRITE)
  SpecialNeed register(@RequestBody(required = false) SpecialNeed.New request) {
    return ledger.register(request);
  }

  @Operation(summary = "Takes an entry off the ledger (kept as REMOVED); 409 naming REMOVED when done already")
  @PostMapping("/{id}/remove")
  @PreAuthorize(WRITE)
  SpecialNeed remove(@PathVariable String id) {
    return ledger.remove(id);
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule specialNeedsRule() {
      return new ApiAccessRule("/api/v1/special-needs/**", "QUARANTINE_READ|TREATMENT_ADMIN");
    }
  }
}
