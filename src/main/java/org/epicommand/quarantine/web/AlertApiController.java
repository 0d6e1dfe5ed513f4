package org.epicommand.quarantine.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.epicommand.quarantine.AlertKind;
import org.epicommand.quarantine.AlertState;
import org.epicommand.quarantine.QuarantineAlert;
import org.epicommand.quarantine.QuarantineAlerts;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/quarantine/alerts}: missed checks, fever, door openings, silent sensors, transfers. */
@RestController
@RequestMapping("/api/v1/quarantine/alerts")
@Tag(name = "Quarantine")
class AlertApiController {

  record ResolveRequest(String note) {}

  private final QuarantineAlerts alerts;

  AlertApiController(QuarantineAlerts alerts) {
    this.alerts = alerts;
  }

  @Operation(summary = "Alerts in the caller's jurisdiction, newest first; unresolved ones unless a state is given")
  @GetMapping
  @PreAuthorize("hasAuthority('QUARANTINE_READ')")
  PageResult<QuarantineAlert> list(@RequestParam(required = false) AlertState state,
      @RequestParam(required = false) AlertKind kind, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return alerts.list(state, kind, Paging.of(page, size));
  }

  @PostMapping("/{id}/acknowledge")
  @PreAuthorize("hasAnyAuthority('QUARANTINE_WRITE', 'SITE_OPERATE')")
  QuarantineAlert acknowledge(@PathVariable UUID id) {
    return alerts.acknowledge(id);
  }

  @PostMapping("/{id}/resolve")
  @PreAuthorize("hasAnyAuthority('QUARANTINE_WRITE', 'SITE_OPERATE')")
  QuarantineAlert resolve(@PathVariable UUID id, @RequestBody ResolveRequest request) {
    return alerts.resolve(id, request.note());
  }
}
