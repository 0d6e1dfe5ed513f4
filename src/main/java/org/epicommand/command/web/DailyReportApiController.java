package org.epicommand.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.epicommand.command.DailyReportView;
import org.epicommand.command.DailyReporting;
import org.epicommand.command.ReportTemplate;
import org.epicommand.command.ReportTemplates;
import org.epicommand.command.UnitKind;
import org.epicommand.shared.ApiAccessRule;
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

/**
 * {@code /api/v1/daily-reports} (docs/api.md, Contract → Command and supervision): filing, correcting,
 * completeness per unit and day, the matrix, the consolidated report, templates.
 */
@RestController
@RequestMapping("/api/v1/daily-reports")
@Tag(name = "Daily reports")
class DailyReportApiController {

  record KindsRequest(List<UnitKind> kinds) {}

  private final DailyReporting reporting;
  private final ReportTemplates templates;
  private final Clock clock;

  DailyReportApiController(DailyReporting reporting, ReportTemplates templates, Clock clock) {
    this.reporting = reporting;
    this.templates = templates;
    this.clock = clock;
  }

  @Operation(
      summary = "Files the caller's unit's report for a day ({\"zero\": true} for a zero report; without templateId the"
      + " template of the unit's kind, else the default; a template the unit does not owe → 400); "
      + "after the deadline it is LATE; the same unit and day again → 409 with existingId (correct it with PUT)")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('UNIT_WORK')")
  DailyReportView submit(@RequestBody DailyReporting.NewReport request) {
    return reporting.submit(request);
  }

  @Operation(summary = "Corrects a filed report; the status keeps the first filing's timeliness")
  @PutMapping("/{id}")
  @PreAuthorize("hasAuthority('UNIT_WORK')")
  DailyReportView correct(@PathVariable UUID id, @RequestBody DailyReporting.Correction request) {
    return reporting.correct(id, request);
  }

  @Operation(summary = "The caller's unit's report for a day (default: of the unit's own template); 404 when not filed")
  @GetMapping("/mine")
  @PreAuthorize("hasAuthority('UNIT_WORK')")
  DailyReportView mine(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(required = false) UUID templateId, @RequestParam(required = false) String unit) {
    return reporting.get(templateId, reporting.reportingUnitOfCaller(unit).code(), date);
  }

  @Operation(
      summary = "Per reporting unit that owes the template (default: the default template) and is not retired by the day: SUBMITTED, ZERO, LATE or MISSING")
  @GetMapping("/completeness")
  @PreAuthorize("hasAuthority('COMMAND_READ')")
  List<DailyReporting.Completeness> completeness(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(required = false) UUID templateId) {
    return reporting.completeness(templateId, date);
  }

  @Operation(summary = "Units × days (at most 62; default the 14 days up to yesterday)")
  @GetMapping("/matrix")
  @PreAuthorize("hasAuthority('COMMAND_READ')")
  DailyReporting.Matrix matrix(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) UUID templateId) {
    LocalDate last = to == null ? LocalDate.now(clock).minusDays(1) : to;
    return reporting.matrix(templateId, from == null ? last.minusDays(13) : from, last);
  }

  @Operation(summary = "The city's consolidated report of a day: sums of the numeric fields over the units")
  @GetMapping("/consolidated")
  @PreAuthorize("hasAuthority('COMMAND_READ')")
  DailyReporting.Consolidated consolidated(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(required = false) UUID templateId) {
    return reporting.consolidated(templateId, date);
  }

  @Operation(summary = "Every template, the default first, each with the unit kinds assigned to it")
  @GetMapping("/templates")
  List<ReportTemplate> templates() {
    return templates.list();
  }

  @Operation(
      summary = "A new template: fields (key, label, type INTEGER/DECIMAL/TEXT) and deadline \"HH:mm\" (default 10:00)")
  @PostMapping("/templates")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  ReportTemplate createTemplate(@RequestBody ReportTemplates.NewTemplate request) {
    return templates.create(request);
  }

  @Operation(summary = "Edits a template's name, fields and deadline; reports filed before keep their figures")
  @PutMapping("/templates/{id}")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  ReportTemplate updateTemplate(@PathVariable UUID id, @RequestBody ReportTemplates.NewTemplate request) {
    return templates.update(id, request);
  }

  @Operation(summary = "Makes a template the default: units of kinds without an assigned template file it")
  @PostMapping("/templates/{id}/default")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  ReportTemplate makeDefault(@PathVariable UUID id) {
    return templates.makeDefault(id);
  }

  @Operation(summary = "Retires a template from today: no unit owes or files it any more (its kinds file the default),"
      + " its reports stay; the default or a retired template → 409")
  @PostMapping("/templates/{id}/retire")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  ReportTemplate retire(@PathVariable UUID id) {
    return templates.retire(id);
  }

  @Operation(summary = "Exactly these unit kinds file the template from now on ({\"kinds\": [\"STREET\", ...]})")
  @PutMapping("/templates/{id}/kinds")
  @PreAuthorize("hasAuthority('COMMAND_MANAGE')")
  ReportTemplate assignKinds(@PathVariable UUID id, @RequestBody KindsRequest request) {
    return templates.assignKinds(id, request.kinds());
  }

  @Configuration(proxyBeanMethods = false)
  static class AccessRules {

    @Bean
    ApiAccessRule dailyReportOverviewRule() {
      return new ApiAccessRule("/api/v1/daily-reports/{view:completeness|matrix|consolidated}", "COMMAND_READ");
    }

    @Bean
    ApiAccessRule dailyReportTemplateRule() {
      return new ApiAccessRule("/api/v1/daily-reports/templates/*/**", "COMMAND_MANAGE");
    }

    @Bean
    ApiAccessRule dailyReportMineRule() {
      return new ApiAccessRule("/api/v1/daily-reports/mine", "UNIT_WORK");
    }
  }
}
