package org.epicommand.screening.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.epicommand.screening.Finding;
import org.epicommand.screening.ScreeningFindings;
import org.epicommand.screening.ScreeningRound;
import org.epicommand.screening.ScreeningRounds;
import org.epicommand.screening.ScreeningVisits;
import org.epicommand.screening.ScreeningWork;
import org.epicommand.screening.Visit;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Screening rounds, their assignments, coverage and not-visited list, visits and findings
 * ({@code /api/v1/screening/**}).
 */
@RestController
@Tag(name = "Screening")
class ScreeningApiController {

  record AssignRequest(String username) {}

  private final ScreeningRounds rounds;
  private final ScreeningWork work;
  private final ScreeningVisits visits;
  private final ScreeningFindings findings;

  ScreeningApiController(ScreeningRounds rounds, ScreeningWork work, ScreeningVisits visits,
      ScreeningFindings findings) {
    this.rounds = rounds;
    this.work = work;
    this.visits = visits;
    this.findings = findings;
  }

  @Operation(summary = "Rounds whose scope overlaps the caller's jurisdiction, latest first, with the caller's figures")
  @GetMapping("/api/v1/screening/rounds")
  @PreAuthorize("hasAuthority('SCREENING_READ')")
  List<ScreeningRound> list() {
    return rounds.list();
  }

  @Operation(summary = "Launches a round (PLANNED) over divisions inside the caller's jurisdiction")
  @PostMapping("/api/v1/screening/rounds")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('SCREENING_MANAGE')")
  ScreeningRound create(@RequestBody ScreeningRound.New request) {
    return rounds.create(request);
  }

  @GetMapping("/api/v1/screening/rounds/{id}")
  @PreAuthorize("hasAuthority('SCREENING_READ')")
  ScreeningRound get(@PathVariable UUID id) {
    return rounds.get(id);
  }

  @Operation(
      summary = "Starts a PLANNED round: the registry's households in its scope become its target; 409 otherwise")
  @PostMapping("/api/v1/screening/rounds/{id}/start")
  @PreAuthorize("hasAuthority('SCREENING_MANAGE')")
  ScreeningRound start(@PathVariable UUID id) {
    return rounds.start(id);
  }

  @Operation(summary = "Closes a RUNNING round, complete at the configured coverage; 409 otherwise")
  @PostMapping("/api/v1/screening/rounds/{id}/close")
  @PreAuthorize("hasAuthority('SCREENING_MANAGE')")
  ScreeningRound close(@PathVariable UUID id) {
    return rounds.close(id);
  }

  @Operation(summary = "Coverage per division of a level (default VILLAGE) inside the caller's part of the round")
  @GetMapping("/api/v1/screening/rounds/{id}/coverage")
  @PreAuthorize("hasAuthority('SCREENING_READ')")
  List<ScreeningRound.Coverage> coverage(@PathVariable UUID id, @RequestParam(required = false) String level) {
    return rounds.coverage(id, level);
  }

  @Operation(
      summary = "The round's households (a worker's list, building by building); open = only those still to visit")
  @GetMapping("/api/v1/screening/rounds/{id}/households")
  @PreAuthorize("hasAuthority('SCREENING_READ')")
  PageResult<ScreeningRound.Household> households(@PathVariable UUID id,
      @RequestParam(required = false) String jurisdiction, @RequestParam(required = false) Boolean open,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return work.households(id, jurisdiction, Boolean.TRUE.equals(open), Paging.of(page, size));
  }

  @Operation(summary = "The not-visited list (不漏一户): households without a documented outcome")
  @GetMapping(path = "/api/v1/screening/rounds/{id}/unvisited", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAuthority('SCREENING_READ')")
  List<ScreeningRound.Household> unvisited(@PathVariable UUID id, @RequestParam(required = false) String jurisdiction) {
    return work.unvisited(id, jurisdiction);
  }

  @Operation(summary = "The not-visited list as CSV (UTF-8 with BOM); audited as EXPORT")
  @GetMapping(path = "/api/v1/screening/rounds/{id}/unvisited", produces = "text/csv")
  @PreAuthorize("hasAuthority('SCREENING_READ')")
  ResponseEntity<byte[]> unvisitedCsv(@PathVariable UUID id, @RequestParam(required = false) String jurisdiction) {
    return csv(work.unvisitedCsv(id, jurisdiction));
  }

  /** A CSV download named unvisited.csv. */
  static ResponseEntity<byte[]> csv(byte[] body) {
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"unvisited.csv\"")
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)).body(body);
  }

  @Operation(
      summary = "The divisions of the round's households inside the caller's jurisdiction and their grid workers")
  @GetMapping("/api/v1/screening/rounds/{id}/assignments")
  @PreAuthorize("hasAuthority('SCREENING_READ')")
  List<ScreeningRound.Assignment> assignments(@PathVariable UUID id) {
    return work.assignments(id);
  }

  @Operation(summary = "Assigns a community (or grid) of the round to a grid worker whose jurisdiction holds it")
  @PutMapping("/api/v1/screening/rounds/{id}/assignments/{jurisdictionCode}")
  @PreAuthorize("hasAuthority('SCREENING_ASSIGN')")
  ScreeningRound.Assignment assign(@PathVariable UUID id, @PathVariable String jurisdictionCode,
      @RequestBody AssignRequest request) {
    return work.assign(id, jurisdictionCode, request == null ? null : request.username());
  }

  @Operation(summary = "Records a visit of a household in a RUNNING round; 409 with existingId when it was visited"
      + " (a NOBODY_HOME visit is tried again), 404 outside the caller's jurisdiction")
  @PostMapping("/api/v1/screening/households/{householdId}/visits")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('SCREENING_VISIT')")
  Visit visit(@PathVariable UUID householdId, @RequestBody Visit.New request) {
    return visits.record(householdId, request);
  }

  @Operation(summary = "Corrects a visit of a running round (outcome, members seen, leaflet, note); 409 otherwise")
  @PutMapping("/api/v1/screening/visits/{id}")
  @PreAuthorize("hasAuthority('SCREENING_VISIT')")
  Visit correct(@PathVariable UUID id, @RequestBody Visit.Correction request) {
    return visits.correct(id, request);
  }

  @GetMapping("/api/v1/screening/visits/{id}")
  @PreAuthorize("hasAuthority('SCREENING_READ')")
  Visit visit(@PathVariable UUID id) {
    return visits.get(id);
  }

  @Operation(
      summary = "Findings in a jurisdiction (default: the caller's); state OPEN (default), ACTIONED, CLOSED or ALL;"
      + " overdue = only OPEN ones past their action deadline")
  @GetMapping("/api/v1/screening/findings")
  @PreAuthorize("hasAuthority('SCREENING_READ')")
  PageResult<Finding> findings(@RequestParam(required = false) String state,
      @RequestParam(required = false) String jurisdiction, @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return findings.list(state, jurisdiction, Boolean.TRUE.equals(overdue), Paging.of(page, size));
  }

  @GetMapping("/api/v1/screening/findings/{id}")
  @PreAuthorize("hasAuthority('SCREENING_READ')")
  Finding finding(@PathVariable UUID id) {
    return findings.get(id);
  }

  @Operation(
      summary = "Records the action taken on an OPEN finding (with the owning module's reference); 409 otherwise")
  @PostMapping("/api/v1/screening/findings/{id}/action")
  @PreAuthorize("hasAuthority('SCREENING_VISIT')")
  Finding act(@PathVariable UUID id, @RequestBody Finding.Taken request) {
    return findings.act(id, request);
  }

  @Operation(summary = "Closes an ACTIONED finding; 409 otherwise")
  @PostMapping("/api/v1/screening/findings/{id}/close")
  @PreAuthorize("hasAuthority('SCREENING_VISIT')")
  Finding closeFinding(@PathVariable UUID id) {
    return findings.close(id);
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule screeningAccessRule() {
      return new ApiAccessRule("/api/v1/screening/**", "SCREENING_READ");
    }
  }
}
