package org.epicommand.treatment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.treatment.Consultation;
import org.epicommand.treatment.Consultations;
import org.epicommand.treatment.ExpertAssignment;
import org.epicommand.treatment.ExpertTeam;
import org.epicommand.treatment.ExpertTeams;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Expert teams ({@code /api/v1/expert-teams}), a case's team ({@code PUT /api/v1/cases/{id}/expert-team})
 * and its consultation log ({@code /api/v1/cases/{id}/consultations}).
 */
@RestController
@Tag(name = "Treatment")
class ExpertTeamApiController {

  /** Which team takes a case, and its lead expert (one of the team's members). */
  record AssignRequest(String teamId, String leadExpert) {}

  private final ExpertTeams teams;
  private final Consultations consultations;

  ExpertTeamApiController(ExpertTeams teams, Consultations consultations) {
    this.teams = teams;
    this.consultations = consultations;
  }

  @Operation(summary = "The expert teams of the caller's jurisdiction")
  @GetMapping("/api/v1/expert-teams")
  @PreAuthorize(HospitalApiController.READ)
  List<ExpertTeam> list() {
    return teams.list();
  }

  @Operation(summary = "Creates a team: a name unique in its division (409 existingId), members with names")
  @PostMapping("/api/v1/expert-teams")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(HospitalApiController.ADMIN)
  ExpertTeam create(@RequestBody ExpertTeam request) {
    return teams.create(request);
  }

  @Operation(summary = "Severe and critical cases still without a team, longest waiting first, with the overdue flag")
  @GetMapping("/api/v1/expert-teams/waiting")
  @PreAuthorize(HospitalApiController.ADMIN)
  List<ExpertAssignment> waiting() {
    return teams.waiting();
  }

  @Operation(summary = "Assigns a team (and its lead expert) to a case of the caller's jurisdiction")
  @PutMapping("/api/v1/cases/{id}/expert-team")
  @PreAuthorize(HospitalApiController.ADMIN)
  ExpertAssignment assign(@PathVariable UUID id, @RequestBody AssignRequest request) {
    return teams.assign(id, request.teamId(), request.leadExpert());
  }

  @Operation(summary = "Records a consultation of the case's expert team (date, summary, plan); 409 without a team")
  @PostMapping("/api/v1/cases/{id}/consultations")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(HospitalApiController.ADMIN)
  Consultation consult(@PathVariable UUID id, @RequestBody(required = false) Consultation.New request) {
    return consultations.record(id, request);
  }

  @Operation(summary = "The case's consultation log, newest first; the read is audited")
  @GetMapping("/api/v1/cases/{id}/consultations")
  @PreAuthorize(HospitalApiController.ADMIN)
  List<Consultation> consultations(@PathVariable UUID id) {
    return consultations.of(id);
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule expertTeamsRule() {
      return new ApiAccessRule("/api/v1/expert-teams/**", "TREATMENT_READ");
    }
  }
}
