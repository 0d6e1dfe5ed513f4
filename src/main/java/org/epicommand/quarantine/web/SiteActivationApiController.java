package org.epicommand.quarantine.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.epicommand.checklist.Outcome;
import org.epicommand.quarantine.QuarantineSite;
import org.epicommand.quarantine.SiteActivation;
import org.epicommand.quarantine.SiteStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A site's readiness ({@code …/sites/{id}/status}) and its site standard ({@code …/sites/{id}/standard}). */
@RestController
@RequestMapping("/api/v1/quarantine/sites/{id}")
@Tag(name = "Quarantine")
class SiteActivationApiController {

  record StatusRequest(SiteStatus status) {}

  record ItemRequest(Outcome outcome, String note, Boolean raiseProblem) {}

  private final SiteActivation activation;

  SiteActivationApiController(SiteActivation activation) {
    this.activation = activation;
  }

  @Operation(summary = "Moves a site: STANDBY → ACTIVATING → ACTIVE ⇄ SUSPENDED → CLOSED (409 naming the status "
      + "otherwise; ACTIVE needs the site standard's blocking items passed)")
  @PostMapping("/status")
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  QuarantineSite status(@PathVariable UUID id, @RequestBody StatusRequest request) {
    return activation.moveTo(id, request.status());
  }

  @Operation(summary = "The site standard (checklist SITE_STANDARD) with the site's results and the items not passed")
  @GetMapping("/standard")
  @PreAuthorize("hasAuthority('QUARANTINE_READ')")
  SiteActivation.Standard standard(@PathVariable UUID id) {
    return activation.standard(id);
  }

  @Operation(summary = "Records an item of the site standard; a FAIL with raiseProblem becomes a supervision problem")
  @PostMapping("/standard/{item}")
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  SiteActivation.Standard record(@PathVariable UUID id, @PathVariable String item, @RequestBody ItemRequest request) {
    return activation.record(id, item, request.outcome(), request.note(), Boolean.TRUE.equals(request.raiseProblem()));
  }
}
