package org.epicommand.supervision.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.UUID;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.supervision.InspectionPlan;
import org.epicommand.supervision.InspectionPlanning;
import org.epicommand.supervision.NewFinding;
import org.epicommand.supervision.NewPlan;
import org.epicommand.supervision.Problem;
import org.epicommand.supervision.ProblemRectification;
import org.epicommand.supervision.Visit;
import org.epicommand.supervision.VisitState;
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

/** {@code /api/v1/inspections}: plans, unannounced visits and the findings recorded on them. */
@RestController
@RequestMapping("/api/v1/inspections")
@Tag(name = "Supervision: inspections")
class InspectionApiController {

  /** The body of a visit's completion. */
  record Completion(String summary) {}

  private final InspectionPlanning planning;
  private final ProblemRectification rectification;

  InspectionApiController(InspectionPlanning planning, ProblemRectification rectification) {
    this.planning = planning;
    this.rectification = rectification;
  }

  @Operation(summary = "Create a plan: one theme per day for each team (teamName) and district (districtCode, whose"
      + " division the targets must lie in); the same day, team and district again → 409 with existingId;"
      + " one PLANNED visit per target unit")
  @PostMapping("/plans")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('INSPECTION_MANAGE')")
  InspectionPlan createPlan(@RequestBody NewPlan plan) {
    return planning.createPlan(plan);
  }

  @Operation(summary = "Plans from a day on (from) or of one day (date), of one district (district), newest first")
  @GetMapping("/plans")
  @PreAuthorize("hasAuthority('INSPECTION_MANAGE')")
  PageResult<InspectionPlan> plans(@RequestParam(required = false) LocalDate from,
      @RequestParam(required = false) LocalDate date, @RequestParam(required = false) String district,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return planning.plans(from, date, district, Paging.of(page, size));
  }

  @GetMapping("/plans/{id}")
  @PreAuthorize("hasAuthority('INSPECTION_MANAGE')")
  InspectionPlan plan(@PathVariable UUID id) {
    return planning.plan(id);
  }

  @Operation(summary = "Visits the caller may see; a unit's staff see only visits that have started (四不两直)")
  @GetMapping("/visits")
  @PreAuthorize("hasAuthority('SUPERVISION_READ')")
  PageResult<Visit> visits(@RequestParam(required = false) VisitState state,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return planning.visits(state, Paging.of(page, size));
  }

  @Operation(summary = "One visit; 404 for a unit's staff while it is still PLANNED")
  @GetMapping("/visits/{id}")
  @PreAuthorize("hasAuthority('SUPERVISION_READ')")
  Visit visit(@PathVariable UUID id) {
    return planning.visit(id);
  }

  @Operation(summary = "PLANNED → IN_PROGRESS: the team has arrived")
  @PostMapping("/visits/{id}/start")
  @PreAuthorize("hasAuthority('INSPECTION_MANAGE')")
  Visit start(@PathVariable UUID id) {
    return planning.start(id);
  }

  @Operation(summary = "IN_PROGRESS → DONE with an optional summary")
  @PostMapping("/visits/{id}/complete")
  @PreAuthorize("hasAuthority('INSPECTION_MANAGE')")
  Visit complete(@PathVariable UUID id, @RequestBody(required = false) Completion completion) {
    return planning.complete(id, completion == null ? null : completion.summary());
  }

  @Operation(summary = "Record a finding on a visit in progress: a problem item in FOUND")
  @PostMapping("/visits/{id}/findings")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('INSPECTION_MANAGE')")
  Problem finding(@PathVariable UUID id, @RequestBody NewFinding finding) {
    return rectification.recordFinding(id, finding);
  }
}
