package org.epicommand.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.epicommand.command.Duty;
import org.epicommand.command.DutyRoster;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.RecordNotFound;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/command}: the 24-hour duty roster, by day or a range of days of one unit. */
@RestController
@RequestMapping("/api/v1/command")
@Tag(name = "Command")
class DutyApiController {

  record DutyRequest(String leader, String staff, String phone) {}

  record RangeRequest(List<DutyRoster.DayDuty> days) {}

  private final DutyRoster roster;
  private final Clock clock;

  DutyApiController(DutyRoster roster, Clock clock) {
    this.roster = roster;
    this.clock = clock;
  }

  @Operation(summary = "Every unit's duty on a day (default today)")
  @GetMapping("/duty")
  @PreAuthorize("hasAuthority('COMMAND_READ')")
  List<Duty> duty(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return roster.onDay(date == null ? LocalDate.now(clock) : date);
  }

  @Operation(summary = "Today's duty of the caller's own unit; 404 when they have none")
  @GetMapping("/duty/mine")
  @PreAuthorize("hasAuthority('UNIT_WORK')")
  Duty myDuty() {
    return roster.myDutyToday().orElseThrow(() -> new RecordNotFound("duty"));
  }

  @Operation(summary = "Sets a unit's duty for a day (members of the unit, or the command office); retired unit → 409")
  @PutMapping("/units/{unitCode}/duty/{date}")
  @PreAuthorize("hasAuthority('UNIT_WORK')")
  Duty putDuty(@PathVariable String unitCode,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @RequestBody DutyRequest request) {
    return roster.put(unitCode, date, request.leader(), request.staff(), request.phone());
  }

  @Operation(summary = "A unit's roster between two days (at most 62)")
  @GetMapping("/units/{unitCode}/duty")
  @PreAuthorize("hasAuthority('UNIT_WORK')")
  List<Duty> range(@PathVariable String unitCode,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return roster.range(unitCode, from, to);
  }

  @Operation(summary = "Sets a unit's duty for several days in one call ({\"days\": [{\"date\", \"leader\", \"staff\","
      + " \"phone\"}]}, at most 62), all or nothing; days not given keep theirs")
  @PutMapping("/units/{unitCode}/duty")
  @PreAuthorize("hasAuthority('UNIT_WORK')")
  List<Duty> putRange(@PathVariable String unitCode, @RequestBody RangeRequest request) {
    return roster.putRange(unitCode, request.days());
  }

  /** URL-level rules, so a caller without the right gets 403 before the body is read. */
  @Configuration(proxyBeanMethods = false)
  static class AccessRules {

    @Bean
    ApiAccessRule commandUnitDutyRule() {
      return new ApiAccessRule("/api/v1/command/units/*/duty/*", "UNIT_WORK");
    }

    @Bean
    ApiAccessRule commandUnitDutyRangeRule() {
      return new ApiAccessRule("/api/v1/command/units/*/duty", "UNIT_WORK");
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
