package org.epicommand.tracing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.tracing.ConcealmentFlags;
import org.epicommand.tracing.Investigation;
import org.epicommand.tracing.InvestigationNote;
import org.epicommand.tracing.InvestigationNotes;
import org.epicommand.tracing.InvestigationState;
import org.epicommand.tracing.Investigations;
import org.epicommand.tracing.TrajectoryEntry;
import org.epicommand.tracing.internal.InvestigationStore.Overdue;
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

/** Investigations of cases: deadlines, assignment, the state machine, the trajectory. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Tracing")
class InvestigationApiController {

  record OpenRequest(String investigator) {}

  record AssignRequest(String investigator) {}

  record TransitionRequest(InvestigationState state) {}

  private final Investigations investigations;
  private final InvestigationNotes notes;
  private final ConcealmentFlags concealment;

  InvestigationApiController(Investigations investigations, InvestigationNotes notes, ConcealmentFlags concealment) {
    this.investigations = investigations;
    this.notes = notes;
    this.concealment = concealment;
  }

  @Operation(
      summary = "Open the investigation of a case by hand (reported cases get one by themselves); 409 if it has one")
  @PostMapping("/cases/{id}/investigation")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  Investigation open(@PathVariable UUID id, @RequestBody(required = false) OpenRequest request) {
    return investigations.open(id, request == null ? null : request.investigator());
  }

  @Operation(summary = "The investigation of a case with its deadlines and look-back window")
  @GetMapping("/cases/{id}/investigation")
  @PreAuthorize("hasAuthority('CASE_READ')")
  Investigation ofCase(@PathVariable UUID id) {
    return investigations.ofCase(id);
  }

  @Operation(summary = "Investigations in the caller's jurisdiction; overdue=CORE (4 h) or REPORT (24 h)")
  @GetMapping("/investigations")
  @PreAuthorize("hasAuthority('CASE_READ')")
  PageResult<Investigation> list(@RequestParam(required = false) String overdue,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return investigations.list(overdue(overdue), Paging.of(page, size));
  }

  private static Overdue overdue(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Overdue.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationFailure(FieldProblem.of("overdue", "tracing.investigation.overdueKind"));
    }
  }

  @Operation(summary = "The caller's own open investigations, the most urgent full report first")
  @GetMapping("/investigations/mine")
  @PreAuthorize("hasAuthority('CASE_READ')")
  PageResult<Investigation> mine(@RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return investigations.mine(Paging.of(page, size));
  }

  @GetMapping("/investigations/{id}")
  @PreAuthorize("hasAuthority('CASE_READ')")
  Investigation get(@PathVariable UUID id) {
    return investigations.get(id);
  }

  @Operation(summary = "Assign to an investigator (a username with case work)")
  @PostMapping("/investigations/{id}/assign")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  Investigation assign(@PathVariable UUID id, @RequestBody AssignRequest request) {
    return investigations.assign(id, request.investigator());
  }

  @Operation(summary = "Move ASSIGNED → CORE_DONE → COMPLETE → REVIEWED; any other move → 409 naming the current state")
  @PostMapping("/investigations/{id}/transition")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  Investigation transition(@PathVariable UUID id, @RequestBody TransitionRequest request) {
    return investigations.moveTo(id, request.state());
  }

  @Operation(summary = "Notes the platform put on the investigation (environment exposure), newest first; 404 outside")
  @GetMapping("/investigations/{id}/notes")
  @PreAuthorize("hasAuthority('CASE_READ')")
  List<InvestigationNote> notes(@PathVariable UUID id) {
    return notes.of(id);
  }

  @GetMapping("/investigations/{id}/trajectory")
  @PreAuthorize("hasAuthority('CASE_READ')")
  List<TrajectoryEntry> trajectory(@PathVariable UUID id) {
    return investigations.trajectory(id);
  }

  @Operation(
      summary = "Add a place (venue code or place and address, from/to, activity, transport with number and seat)")
  @PostMapping("/investigations/{id}/trajectory")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  TrajectoryEntry addEntry(@PathVariable UUID id, @RequestBody TrajectoryEntry entry) {
    return investigations.addEntry(id, entry);
  }

  @Operation(summary = "Reports that the case's person concealed travel, symptoms, contacts, a result or their"
      + " identity, with the evidence; the tip-off office gets a concealment case. 409 with existingId when reported")
  @PostMapping("/investigations/{id}/concealment")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  ConcealmentFlags.Flag flagConcealment(@PathVariable UUID id,
      @RequestBody(required = false) ConcealmentFlags.NewFlag request) {
    return concealment.flag(id, request);
  }

  @Operation(summary = "The concealment reported on an investigation, oldest first")
  @GetMapping("/investigations/{id}/concealment")
  @PreAuthorize("hasAuthority('CASE_READ')")
  java.util.List<ConcealmentFlags.Flag> concealment(@PathVariable UUID id) {
    return concealment.of(id);
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule investigationApiRule() {
      return new ApiAccessRule("/api/v1/investigations/**", "CASE_READ");
    }
  }
}
