package org.epicommand.cases.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.epicommand.cases.CaseCourse;
import org.epicommand.cases.CaseHistoryEntry;
import org.epicommand.cases.CaseOutcome;
import org.epicommand.cases.CaseRegistry;
import org.epicommand.cases.CaseReport;
import org.epicommand.cases.CaseSummary;
import org.epicommand.cases.CaseTest;
import org.epicommand.cases.Classification;
import org.epicommand.cases.DiscoveryRoute;
import org.epicommand.cases.NewCase;
import org.epicommand.cases.Severity;
import org.epicommand.cases.TestResult;
import org.epicommand.shared.ApiAccessRule;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** {@code /api/v1/cases} (docs/api.md, Contract → Cases and tracing). */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases")
class CaseApiController {

  record CaseRequest(String personId, Classification classification, LocalDate onsetDate, LocalDate samplingDate,
      OffsetDateTime diagnosedAt, Severity severity, Boolean imported, DiscoveryRoute discoveryRoute) {}

  record ReclassifyRequest(Classification classification, String reason) {}

  record SeverityRequest(Severity severity) {}

  record TestRequest(OffsetDateTime sampledAt, TestResult result, BigDecimal ctOrf1ab, BigDecimal ctN) {}

  record OutcomeRequest(CaseOutcome outcome, String hospital) {}

  private final CaseRegistry registry;
  private final CaseCourse course;

  CaseApiController(CaseRegistry registry, CaseCourse course) {
    this.registry = registry;
    this.course = course;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  CaseReport report(@RequestBody CaseRequest r) {
    return registry.report(new NewCase(r.personId(), r.classification(), r.onsetDate(), r.samplingDate(),
        r.diagnosedAt(), r.severity(), r.imported(), r.discoveryRoute(), null, false));
  }

  @Operation(summary = "The full record of a case (audited as READ); 404 outside the caller's jurisdiction")
  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('CASE_READ')")
  CaseReport get(@PathVariable UUID id) {
    return registry.get(id);
  }

  @Operation(summary = "Cases in the caller's jurisdiction, newest report first; document numbers masked per role")
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAuthority('CASE_READ')")
  PageResult<CaseSummary> list(@RequestParam(required = false) Classification classification,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportedOn,
      @RequestParam(required = false) String jurisdiction, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return registry.list(classification, reportedOn, jurisdiction, Paging.of(page, size));
  }

  @Operation(summary = "The same list as CSV (UTF-8 with BOM, masked per role); audited as EXPORT")
  @GetMapping(produces = "text/csv")
  @PreAuthorize("hasAuthority('CASE_EXPORT')")
  ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) Classification classification,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportedOn,
      @RequestParam(required = false) String jurisdiction) {
    return csv(registry, classification, reportedOn, jurisdiction);
  }

  static ResponseEntity<StreamingResponseBody> csv(CaseRegistry registry, Classification classification,
      LocalDate reportedOn, String jurisdiction) {
    var export = registry.export(classification, reportedOn, jurisdiction);
    StreamingResponseBody body = export::accept;
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cases.csv\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(body);
  }

  @Operation(summary = "Cases diagnosed more than 2 hours ago and not yet directly reported (网络直报)")
  @GetMapping("/overdue-reports")
  @PreAuthorize("hasAuthority('CASE_READ')")
  PageResult<CaseSummary> overdue(@RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return registry.overdueReports(jurisdiction, Paging.of(page, size));
  }

  @PostMapping("/{id}/reclassify")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  CaseReport reclassify(@PathVariable UUID id, @RequestBody ReclassifyRequest r) {
    return course.reclassify(id, r.classification(), r.reason());
  }

  @PostMapping("/{id}/severity")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  CaseReport severity(@PathVariable UUID id, @RequestBody SeverityRequest r) {
    return course.changeSeverity(id, r.severity());
  }

  @GetMapping("/{id}/history")
  @PreAuthorize("hasAuthority('CASE_READ')")
  List<CaseHistoryEntry> history(@PathVariable UUID id) {
    return registry.history(id);
  }

  @GetMapping("/{id}/tests")
  @PreAuthorize("hasAuthority('CASE_READ')")
  List<CaseTest> tests(@PathVariable UUID id) {
    return registry.tests(id);
  }

  @Operation(summary = "Record a test on the case; a positive after discharge is a re-positive on the same case")
  @PostMapping("/{id}/tests")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  CaseTest recordTest(@PathVariable UUID id, @RequestBody TestRequest r) {
    return course.recordTest(id, r.sampledAt(), r.result(), r.ctOrf1ab(), r.ctN());
  }

  @Operation(
      summary = "Admit, transfer, discharge (409 unless two tests ≥ 24 h apart with Ct ≥ 35 or negative) or record death")
  @PostMapping("/{id}/outcome")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  CaseReport outcome(@PathVariable UUID id, @RequestBody OutcomeRequest r) {
    return course.changeOutcome(id, r.outcome(), r.hospital());
  }

  @PostMapping("/{id}/direct-report")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  CaseReport directReport(@PathVariable UUID id) {
    return course.markDirectReported(id);
  }

  @Configuration(proxyBeanMethods = false)
  static class Access {

    @Bean
    ApiAccessRule caseApiRule() {
      return new ApiAccessRule("/api/v1/cases/**", "CASE_READ");
    }
  }
}
