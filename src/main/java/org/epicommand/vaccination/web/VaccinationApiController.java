package org.epicommand.vaccination.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.vaccination.AefiOutcome;
import org.epicommand.vaccination.AdverseEvent;
import org.epicommand.vaccination.AdverseEvents;
import org.epicommand.vaccination.CoverageReport;
import org.epicommand.vaccination.CoverageTarget;
import org.epicommand.vaccination.Dose;
import org.epicommand.vaccination.Doses;
import org.epicommand.vaccination.Exclusion;
import org.epicommand.vaccination.Exclusions;
import org.epicommand.vaccination.NewAdverseEvent;
import org.epicommand.vaccination.NewDose;
import org.epicommand.vaccination.NewExclusion;
import org.epicommand.vaccination.TargetItem;
import org.epicommand.vaccination.TargetLists;
import org.epicommand.vaccination.VaccinationCoverage;
import org.epicommand.vaccination.VaccinationRecord;
import org.epicommand.vaccination.VisitReport;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Vaccination under {@code /api/v1/vaccination}: doses from sites and a person's record, coverage by age
 * band against the targets, the door-to-door target lists with their visit outcomes (销号), exclusions
 * and adverse events following immunization. Everything personal is limited to the caller's
 * jurisdiction (404 outside); every change and every read of a person's record is audited.
 */
@RestController
@RequestMapping("/api/v1/vaccination")
@Tag(name = "Vaccination")
class VaccinationApiController {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Doses doses;
  private final VaccinationCoverage coverage;
  private final TargetLists targets;
  private final Exclusions exclusions;
  private final AdverseEvents adverseEvents;

  VaccinationApiController(Doses doses, VaccinationCoverage coverage, TargetLists targets, Exclusions exclusions,
      AdverseEvents adverseEvents) {
    this.doses = doses;
    this.coverage = coverage;
    this.targets = targets;
    this.exclusions = exclusions;
    this.adverseEvents = adverseEvents;
  }

  @Operation(
      summary = "Records a dose: 400 naming the field (future, interval, age, gap), 409 existingId for a dose number stored already, 409 for a retired product, site or vaccinator")
  @PostMapping("/doses")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('VACCINATION_WRITE')")
  Dose record(@RequestBody NewDose dose) {
    return doses.record(dose);
  }

  @Operation(
      summary = "A person's vaccination record: status, doses, exclusions, adverse events, door-to-door item (audited)")
  @GetMapping("/persons/{personId}")
  @PreAuthorize("hasAuthority('VACCINATION_READ')")
  VaccinationRecord person(@PathVariable UUID personId) {
    return doses.record(personId);
  }

  @Operation(summary = "Coverage of the divisions of a level (default: the one below) by age band, with the targets")
  @GetMapping("/coverage")
  @PreAuthorize("hasAnyAuthority('VACCINATION_READ', 'VACCINATION_ADMIN')")
  CoverageReport coverage(@RequestParam(required = false) String level,
      @RequestParam(required = false) String ageBand, @RequestParam(required = false) String jurisdiction) {
    return coverage.coverage(level, ageBand, jurisdiction);
  }

  @Operation(summary = "The coverage targets: per age band and measure, a percent")
  @GetMapping("/coverage/targets")
  @PreAuthorize("hasAnyAuthority('VACCINATION_READ', 'VACCINATION_ADMIN')")
  List<CoverageTarget> targets() {
    return coverage.targets();
  }

  @Operation(summary = "Replaces the coverage targets (and with them the goals of the door-to-door lists)")
  @PutMapping("/coverage/targets")
  @PreAuthorize("hasAuthority('VACCINATION_ADMIN')")
  List<CoverageTarget> replaceTargets(@RequestBody JsonNode given) {
    // the body is read as a tree and made targets only here, past the authority check: a body that is
    // no list must not answer an outsider 400 before the 403
    if (!given.isArray()) {
      throw new ValidationFailure(FieldProblem.of("body", "unreadable"));
    }
    List<CoverageTarget> targets = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      try {
        targets.add(JSON.treeToValue(given.get(i), CoverageTarget.class));
      } catch (JacksonException e) {
        throw new ValidationFailure(FieldProblem.of("targets[" + i + "]", "vaccination.coverage.target"));
      }
    }
    return coverage.replaceTargets(targets);
  }

  @Operation(summary = "Counts the registry's residents by year of birth again (coverage's denominators)")
  @PostMapping("/coverage/residents")
  @PreAuthorize("hasAuthority('VACCINATION_ADMIN')")
  VaccinationCoverage.Residents recount() {
    return coverage.recountResidents();
  }

  @Operation(summary = "The caller's door-to-door list: open items oldest first, or closed=true for the 销号 history")
  @GetMapping("/targets/mine")
  @PreAuthorize("hasAuthority('VACCINATION_READ')")
  PageResult<TargetItem> mine(@RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) boolean closed, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return targets.mine(jurisdiction, closed, Paging.of(page, size));
  }

  @Operation(
      summary = "A visit's outcome: keeps the item open or closes it (销号); 404 outside the area, 409 when closed")
  @PostMapping("/targets/{personId}/outcome")
  @PreAuthorize("hasAuthority('VACCINATION_VISIT')")
  TargetItem outcome(@PathVariable UUID personId, @RequestBody VisitReport report) {
    return targets.report(personId, report);
  }

  @Operation(summary = "Generates or completes the lists of the caller's area or a part of it")
  @PostMapping("/targets/generate")
  @PreAuthorize("hasAuthority('VACCINATION_VISIT')")
  Map<String, Integer> generate(@RequestParam(required = false) String jurisdiction) {
    return Map.of("added", targets.generate(jurisdiction));
  }

  @Operation(summary = "Exclusions inside the caller's jurisdiction; state ACTIVE (default), LIFTED or ALL")
  @GetMapping("/exclusions")
  @PreAuthorize("hasAuthority('VACCINATION_READ')")
  PageResult<Exclusion> exclusions(@RequestParam(required = false) String state,
      @RequestParam(required = false) String jurisdiction, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return exclusions.list(state, jurisdiction, Paging.of(page, size));
  }

  @Operation(
      summary = "Records an exclusion (contraindication, refusal …): 400 naming the field, 409 existingId when one of the kind is active")
  @PostMapping("/exclusions")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyAuthority('VACCINATION_VISIT', 'VACCINATION_WRITE')")
  Exclusion exclude(@RequestBody NewExclusion exclusion) {
    return exclusions.record(exclusion);
  }

  @Operation(summary = "Lifts an exclusion: the person's item opens again; 409 when lifted already")
  @PostMapping("/exclusions/{id}/lift")
  @PreAuthorize("hasAnyAuthority('VACCINATION_VISIT', 'VACCINATION_WRITE')")
  Exclusion lift(@PathVariable UUID id) {
    return exclusions.lift(id);
  }

  @Operation(summary = "Adverse events following immunization inside the caller's jurisdiction; state; overdue=true")
  @GetMapping("/adverse-events")
  @PreAuthorize("hasAuthority('VACCINATION_READ')")
  PageResult<AdverseEvent> adverseEvents(@RequestParam(required = false) String state,
      @RequestParam(required = false) boolean overdue, @RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return adverseEvents.list(state, overdue, jurisdiction, Paging.of(page, size));
  }

  @Operation(summary = "One adverse event (audited)")
  @GetMapping("/adverse-events/{id}")
  @PreAuthorize("hasAuthority('VACCINATION_READ')")
  AdverseEvent adverseEvent(@PathVariable UUID id) {
    return adverseEvents.get(id);
  }

  @Operation(summary = "Records an adverse event after a dose: to be reported within 48 h")
  @PostMapping("/adverse-events")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('VACCINATION_WRITE')")
  AdverseEvent recordAdverseEvent(@RequestBody NewAdverseEvent event) {
    return adverseEvents.record(event);
  }

  @Operation(summary = "Reports an adverse event to the AEFI surveillance: RECORDED → REPORTED, else 409")
  @PostMapping("/adverse-events/{id}/report")
  @PreAuthorize("hasAuthority('VACCINATION_WRITE')")
  AdverseEvent report(@PathVariable UUID id) {
    return adverseEvents.report(id);
  }

  /** The outcome an adverse event is closed with. */
  record Closing(AefiOutcome outcome) {}

  @Operation(summary = "Closes an adverse event with its outcome: REPORTED → CLOSED, else 409")
  @PostMapping("/adverse-events/{id}/close")
  @PreAuthorize("hasAuthority('VACCINATION_WRITE')")
  AdverseEvent close(@PathVariable UUID id, @RequestBody Closing closing) {
    return adverseEvents.close(id, closing.outcome());
  }
}
