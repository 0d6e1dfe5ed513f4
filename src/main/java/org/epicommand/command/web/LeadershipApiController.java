package org.epicommand.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.epicommand.command.Leader;
import org.epicommand.command.LeadershipGroup;
import org.epicommand.shared.ApiAccessRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/command/leadership}: the leadership group (领导小组) with who served when. */
@RestController
@RequestMapping("/api/v1/command/leadership")
@Tag(name = "Command")
class LeadershipApiController {

  record GroupView(List<Leader> serving, List<Leader> former) {}

  record EndRequest(LocalDate servedUntil) {}

  private final LeadershipGroup leadership;

  LeadershipApiController(LeadershipGroup leadership) {
    this.leadership = leadership;
  }

  @Operation(summary = "Those serving (组长, 副组长, members in their order) and former members with their terms")
  @GetMapping
  @PreAuthorize("hasAuthority('COMMAND_READ')")
  GroupView group() {
    return new GroupView(leadership.serving(), leadership.former());
  }

  @Operation(summary = "Adds a member: name, position LEADER/DEPUTY/MEMBER, title, phone and username optional;"
      + " a second serving 组长, or a user already serving → 409 with existingId")
  @PostMapping("/members")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  Leader appoint(@RequestBody LeadershipGroup.Membership request) {
    return leadership.appoint(request);
  }

  @Operation(summary = "Corrects a serving membership; an ended one → 409")
  @PutMapping("/members/{id}")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  Leader update(@PathVariable UUID id, @RequestBody LeadershipGroup.Membership request) {
    return leadership.update(id, request);
  }

  @Operation(summary = "Ends a membership on its last day (default today); it stays in the history. Ended → 409")
  @PostMapping("/members/{id}/end")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  Leader end(@PathVariable UUID id, @RequestBody(required = false) EndRequest request) {
    return leadership.end(id, request == null ? null : request.servedUntil());
  }

  /** URL-level rules, so a caller without the right gets 403 before the body is read. */
  @Configuration(proxyBeanMethods = false)
  static class AccessRules {

    @Bean
    ApiAccessRule commandLeadershipRule() {
      return new ApiAccessRule("/api/v1/command/leadership", "COMMAND_READ");
    }

    @Bean
    ApiAccessRule commandLeadershipMembersRule() {
      return new ApiAccessRule("/api/v1/command/leadership/members/**", "COMMAND_MANAGE");
    }
  }
}
