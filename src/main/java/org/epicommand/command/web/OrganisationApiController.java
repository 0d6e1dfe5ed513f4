package org.epicommand.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.epicommand.command.CommandOrganisation;
import org.epicommand.command.ResponseLevel;
import org.epicommand.command.Unit;
import org.epicommand.command.UnitKind;
import org.epicommand.command.Duty;
import org.epicommand.command.Leader;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.RecordNotFound;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
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

/** {@code /api/v1/command}: organisation, members, response level, duty roster. */
@RestController
@RequestMapping("/api/v1/command")
@Tag(name = "Command")
class OrganisationApiController {

  record OrganisationView(ResponseLevel responseLevel, List<Leader> leaders,
      List<UnitWithMembers> units) {}

  record UnitWithMembers(String code, String name, UnitKind kind, String jurisdictionCode, boolean reporting,
      List<String> members) {}

  record UnitRequest(String code, String name, UnitKind kind, String jurisdictionCode, Boolean reporting,
      Integer sortOrder) {}

  record MemberRequest(String username) {}

  record LevelRequest(ResponseLevel level, String reason) {}

  record DutyRequest(String leader, String staff, String phone) {}

  private final CommandOrganisation organisation;
  private final Clock clock;

  OrganisationApiController(CommandOrganisation organisation, Clock clock) {
    this.organisation = organisation;
    this.clock = clock;
  }

  @Operation(summary = "The leadership group, the office, working groups and member units with their members")
  @GetMapping("/organisation")
  @PreAuthorize("hasAuthority('COMMAND_READ')")
  OrganisationView organisation() {
    return new OrganisationView(organisation.responseLevel().level(), organisation.leaders(),
        organisation.units().stream().map(u -> new UnitWithMembers(u.code(), u.name(), u.kind(), u.jurisdictionCode(),
            u.reporting(), organisation.members(u.code()))).toList());
  }

  @PostMapping("/units")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  Unit createUnit(@RequestBody UnitRequest request) {
    return organisation.createUnit(request.code(), request.name(), request.kind(), request.jurisdictionCode(),
        Boolean.TRUE.equals(request.reporting()), request.sortOrder());
  }

  @Operation(summary = "Adds a user to a unit (idempotent); answers the unit's members")
  @PostMapping("/units/{unitCode}/members")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  Map<String, List<String>> addMember(@PathVariable String unitCode, @RequestBody MemberRequest request) {
    return Map.of("members", organisation.addMember(unitCode, request.username()));
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

  @Operation(summary = "Every unit's duty on a day (default today)")
  @GetMapping("/duty")
  @PreAuthorize("hasAuthority('COMMAND_READ')")
  List<Duty> duty(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
      LocalDate date) {
    return organisation.duty(date == null ? LocalDate.now(clock) : date);
  }

  @Operation(summary = "Today's duty of the caller's own unit; 404 when they have none")
  @GetMapping("/duty/mine")
  @PreAuthorize("hasAuthority('UNIT_WORK')")
  Duty myDuty() {
    return organisation.myDutyToday().orElseThrow(() -> new RecordNotFound("duty"));
  }

  @Operation(summary = "Sets a unit's duty for a day (members of the unit, or the command office)")
  @PutMapping("/units/{unitCode}/duty/{date}")
  @PreAuthorize("hasAuthority('UNIT_WORK')")
  Duty putDuty(@PathVariable String unitCode,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @RequestBody DutyRequest request) {
    return organisation.putDuty(unitCode, date, request.leader(), request.staff(), request.phone());
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
    ApiAccessRule commandMembersRule() {
      return new ApiAccessRule("/api/v1/command/units/*/members", "COMMAND_MANAGE");
    }

    @Bean
    ApiAccessRule commandUnitDutyRule() {
      return new ApiAccessRule("/api/v1/command/units/*/duty/*", "UNIT_WORK");
    }

    @Bean
    ApiAccessRule commandDutyRule() {
      return new ApiAccessRule("/api/v1/command/duty", "COMMAND_READ");
    }

    @Bean
    ApiAccessRule commandMyDutyRule() {
      return new ApiAccessRule("/api/v1/command/duty/mine", "UNIT_WORK");
    }
  }
}
