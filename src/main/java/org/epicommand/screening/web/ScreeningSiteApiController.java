package org.epicommand.screening.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.epicommand.screening.Questionnaire;
import org.epicommand.screening.ScreeningQuestionnaires;
import org.epicommand.screening.ScreeningSiteVisits;
import org.epicommand.screening.ScreeningSites;
import org.epicommand.screening.Site;
import org.epicommand.screening.SiteVisit;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A round's sites (入单位: organisations, construction sites, rentals) and their visits, and the
 * questionnaire versions ({@code /api/v1/screening/**}).
 */
@RestController
@Tag(name = "Screening")
class ScreeningSiteApiController {

  private final ScreeningSites sites;
  private final ScreeningSiteVisits visits;
  private final ScreeningQuestionnaires questionnaires;

  ScreeningSiteApiController(ScreeningSites sites, ScreeningSiteVisits visits,
      ScreeningQuestionnaires questionnaires) {
    this.sites = sites;
    this.visits = visits;
    this.questionnaires = questionnaires;
  }

  @Operation(summary = "The round's sites (organisations, construction sites, rentals) division by division;"
      + " open = only those still to visit")
  @GetMapping("/api/v1/screening/rounds/{id}/sites")
  @PreAuthorize("hasAuthority('SCREENING_READ')")
  PageResult<Site> sites(@PathVariable UUID id, @RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) Site.Kind kind, @RequestParam(required = false) Boolean open,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return sites.list(id, jurisdiction, kind, Boolean.TRUE.equals(open), Paging.of(page, size));
  }

  @Operation(summary = "Adds a rental or a construction site found in the field to a RUNNING round that targets it;"
      + " 409 with existingId when it is listed")
  @PostMapping("/api/v1/screening/rounds/{id}/sites")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('SCREENING_VISIT')")
  Site add(@PathVariable UUID id, @RequestBody Site.New request) {
    return sites.add(id, request);
  }

  @Operation(summary = "The never-visited sites of the round (CLOSED ones with their revisit time)")
  @GetMapping("/api/v1/screening/rounds/{id}/sites/unvisited")
  @PreAuthorize("hasAuthority('SCREENING_READ')")
  List<Site> unvisited(@PathVariable UUID id, @RequestParam(required = false) String jurisdiction) {
    return sites.unvisited(id, jurisdiction);
  }

  @Operation(summary = "Records a visit of a site in a RUNNING round; 409 with existingId when it was visited"
      + " (a CLOSED site is tried again), 404 outside the caller's jurisdiction")
  @PostMapping("/api/v1/screening/sites/{siteId}/visits")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('SCREENING_VISIT')")
  SiteVisit visit(@PathVariable UUID siteId, @RequestBody SiteVisit.New request) {
    return visits.record(siteId, request);
  }

  @GetMapping("/api/v1/screening/site-visits/{id}")
  @PreAuthorize("hasAuthority('SCREENING_READ')")
  SiteVisit siteVisit(@PathVariable UUID id) {
    return visits.get(id);
  }

  @Operation(summary = "The questionnaire versions, newest first (the one without supersededAt is in force)")
  @GetMapping("/api/v1/screening/questionnaires")
  @PreAuthorize("hasAuthority('SCREENING_READ')")
  List<Questionnaire> questionnaires() {
    return questionnaires.list();
  }

  @GetMapping("/api/v1/screening/questionnaires/{version}")
  @PreAuthorize("hasAuthority('SCREENING_READ')")
  Questionnaire questionnaire(@PathVariable int version) {
    return questionnaires.get(version);
  }

  @Operation(summary = "Publishes a new questionnaire version; it supersedes the one in force")
  @PostMapping("/api/v1/screening/questionnaires")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('SCREENING_MANAGE')")
  Questionnaire publish(@RequestBody Questionnaire.New request) {
    return questionnaires.publish(request);
  }
}
