package org.epicommand.enterprise.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.epicommand.command.ReportStatus;
import org.epicommand.enterprise.DailyHealth;
import org.epicommand.enterprise.DailyHealthReport;
import org.epicommand.enterprise.NewDailyHealth;
import org.epicommand.enterprise.NewStaffMember;
import org.epicommand.enterprise.StaffLedger;
import org.epicommand.enterprise.StaffMember;
import org.epicommand.enterprise.Staffing;
import org.epicommand.organisation.Sector;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
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
 * An organisation's own work under {@code /api/v1/organisations}: its 返岗 staff ledger and its daily
 * health reports (晨午检), and the completeness of those reports over the caller's reach.
 */
@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Reopening")
class OrganisationWorkApiController {

  private final StaffLedger ledger;
  private final DailyHealth health;

  OrganisationWorkApiController(StaffLedger ledger, DailyHealth health) {
    this.ledger = ledger;
    this.health = health;
  }

  @Operation(summary = "The organisation's staff ledger by name (documents and phones masked); onDuty, cleared")
  @GetMapping("/{id}/staff")
  @PreAuthorize(ApplicationApiController.READ)
  PageResult<StaffMember> staff(@PathVariable String id, @RequestParam(required = false) Boolean onDuty,
      @RequestParam(required = false) Boolean cleared, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return ledger.list(id, onDuty, cleared, Paging.of(page, size));
  }

  @Operation(summary = "The ledger in figures: staff, on duty, cleared on duty, the cleared share")
  @GetMapping("/{id}/staff/summary")
  @PreAuthorize(ApplicationApiController.READ)
  Staffing staffing(@PathVariable String id) {
    return ledger.staffing(id);
  }

  @Operation(
      summary = "Puts a staff member on the ledger: 400 naming the fields, 409 with existingId for a document on it")
  @PostMapping("/{id}/staff")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(ApplicationApiController.APPLY)
  StaffMember add(@PathVariable String id, @RequestBody NewStaffMember request) {
    return ledger.add(id, request);
  }

  @Operation(summary = "One staff member (audited)")
  @GetMapping("/{id}/staff/{staffId}")
  @PreAuthorize(ApplicationApiController.READ)
  StaffMember staffMember(@PathVariable String id, @PathVariable UUID staffId) {
    return ledger.get(id, staffId);
  }

  @Operation(summary = "Corrects a staff member (not the document); on duty only while cleared (409)")
  @PutMapping("/{id}/staff/{staffId}")
  @PreAuthorize(ApplicationApiController.APPLY)
  StaffMember update(@PathVariable String id, @PathVariable UUID staffId, @RequestBody NewStaffMember request) {
    return ledger.update(id, staffId, request);
  }

  @Operation(
      summary = "Files the day's health report (晨午检): SUBMITTED, ZERO or LATE by the time of filing; 409 with existingId for a second one")
  @PostMapping("/{id}/daily-health")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(ApplicationApiController.APPLY)
  DailyHealthReport report(@PathVariable String id, @RequestBody NewDailyHealth request) {
    return health.submit(id, request);
  }

  @Operation(summary = "The organisation's health reports of a period (at most 62 days)")
  @GetMapping("/{id}/daily-health")
  @PreAuthorize(ApplicationApiController.READ)
  List<DailyHealthReport> reports(@PathVariable String id, @RequestParam(required = false) LocalDate from,
      @RequestParam(required = false) LocalDate to) {
    return health.list(id, from, to);
  }

  @Operation(
      summary = "Every active organisation of the caller's reach with its report status for a day (SUBMITTED, ZERO, LATE, MISSING) and the counts")
  @GetMapping("/daily-health/completeness")
  @PreAuthorize(ApplicationApiController.READ)
  DailyHealth.CompletenessPage completeness(@RequestParam(required = false) LocalDate date,
      @RequestParam(required = false) Sector sector, @RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) ReportStatus status, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return health.completeness(date, sector, jurisdiction, status, Paging.of(page, size));
  }
}
