package org.epicommand.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.epicommand.command.CommandOrganisation;
import org.epicommand.command.LeadershipGroup;
import org.epicommand.command.Leader;
import org.epicommand.command.ResponseLevel;
import org.epicommand.command.Unit;
import org.epicommand.command.UnitKind;
import org.epicommand.shared.ApiAccessRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/command}: organisation, units and their members, response level. */
@RestController
@RequestMapping("/api/v1/command")
@Tag(name = "Command")
class OrganisationApiController {

  record OrganisationView(ResponseLevel responseLevel, List<Leader> leaders,
      List<UnitWithMembers> units) {}

  record UnitWithMembers(String code, String name, UnitKind kind, String jurisdictionCode, boolean reporting,
      int sortOrder, LocalDate retiredOn, List<String> members) {

    static UnitWithMembers of(Unit u, List<String> members) {
      return new UnitWithMembers(u.code(), u.name(), u.kind(), u.jurisdictionCode(), u.reporting(), u.sortOrder(),
          u.retiredOn(), members);
    }
  }

  record UnitRequest(String code, String name, UnitKind kind, String jurisdictionCode, Boolean reporting,
      Integer sortOrder) {}

  record RetireRequest(LocalDate from) {}

  record MemberRequest(String username) {}

  record LevelRequest(ResponseLevel level, String reason) {}

  private final CommandOrganisation organisation;
  private final LeadershipGroup leadership;

  OrganisationApiController(CommandOrganisation organisation, LeadershipGroup leadership) {
    this.organisation = organisation;
    this.leadership = leadership;
  }

  @Operation(summary = "The serving leadership group and every unit (retired ones with retiredOn) with its members")
  @GetMapping("/organisation")
  @PreAuthorize("hasAuthority('COMMAND_READ')")
  OrganisationView organisation() {
    return new OrganisationView(organisation.responseLevel().level(), leadership.serving(),
        organisation.units().stream().map(u -> UnitWithMembers.of(u, organisation.members(u.code()))).toList());
  }

  @Operation(summary = "Every unit, retired ones too, with its members")
  @GetMapping("/units")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  List<UnitWithMembers> units() {
    return organisation.units().stream().map(u -> UnitWithMembers.of(u, organisation.members(u.code()))).toList();
  }

  @Operation(summary = "A new unit; DISTRICT, STREET and COMMUNITY units name a division of their level"
      + " (jurisdictionCode: 400 when unknown or of another level); the same code again → 409")
  @PostMapping("/units")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  Unit createUnit(@RequestBody UnitRequest request) {
    return organisation.createUnit(request.code(), request.name(), request.kind(), request.jurisdictionCode(),
        Boolean.TRUE.equals(request.reporting()), request.sortOrder());
  }

  @Operation(summary = "Corrects a unit's name, kind, jurisdiction, reporting duty and order (the code stays)")
  @PutMapping("/units/{unitCode}")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  Unit updateUnit(@PathVariable String unitCode, @RequestBody UnitRequest request) {
    return organisation.updateUnit(unitCode, new CommandOrganisation.UnitDetails(request.name(), request.kind(),
        request.jurisdictionCode(), request.reporting(), request.sortOrder()));
  }

  @Operation(summary = "Retires a unit from a day (default today): no new tasks, duty or daily-report obligation"
      + " from then on; history stays. Already retired → 409")
  @PostMapping("/units/{unitCode}/retire")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  Unit retireUnit(@PathVariable String unitCode, @RequestBody(required = false) RetireRequest request) {
    return organisation.retireUnit(unitCode, request == null ? null : request.from());
  }

  @Operation(summary = "Takes a retired unit back into service; an active unit → 409")
  @PostMapping("/units/{unitCode}/reactivate")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  Unit reactivateUnit(@PathVariable String unitCode) {
    return organisation.reactivateUnit(unitCode);
  }

  @Operation(summary = "Adds a user to a unit (idempotent); answers the unit's members. A retired unit → 409")
  @PostMapping("/units/{unitCode}/members")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  Map<String, List<String>> addMember(@PathVariable String unitCode, @RequestBody MemberRequest request) {
    return Map.of("members", organisation.addMember(unitCode, request.username()));
  }

  @Operation(summary = "Takes a user out of a unit (idempotent); answers the unit's members")
  @DeleteMapping("/units/{unitCode}/members/{username}")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  Map<String, List<String>> removeMember(@PathVariable String unitCode, @PathVariable String username) {
    return Map.of("members", organisation.removeMember(unitCode, username));
  }

  @GetMapping("/response-level")
  @PreAuthorize("hasAuthority('COMMAND_READ')")
  CommandOrganisation.LevelView responseLevel() {
    return organisation.responseLevel();
  }

  @Operation(summary = "Changes the response level with a reason; the same level again → 409")
  @PostMapping("/response-level")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  CommandOrganisation.LevelView changeLevel(@RequestBody LevelRequest request) {
    return organisation.changeLevel(request.level(), request.reason());
  }

  /** URL-level rules, so a caller without the right gets 403 before the body is read. */
  @Configuration(proxyBeanMethods = false)
  static class AccessRules {

    @Bean
    ApiAccessRule commandOrganisationRule() {
      return new ApiAccessRule("/api/v1/command/organisation", "COMMAND_READ");
    }

    @Bean
    ApiAccessRule commandUnitsRule() {
      return new ApiAccessRule("/api/v1/command/units", "COMMAND_MANAGE");
    }

    @Bean
    ApiAccessRule commandUnitRule() {
      return new ApiAccessRule("/api/v1/command/units/*", "COMMAND_MANAGE");
    }

    @Bean
    ApiAccessRule commandUnitStateRule() {
      return new ApiAccessRule("/api/v1/command/units/*/{step:retire|reactivate}", "COMMAND_MANAGE");
    }

    @Bean
    ApiAccessRule commandMembersRule() {
      return new ApiAccessRule("/api/v1/command/units/*/members", "COMMAND_MANAGE");
    }

    @Bean
    ApiAccessRule commandMemberRule() {
      return new ApiAccessRule("/api/v1/command/units/*/members/*", "COMMAND_MANAGE");
    }
  }
}
