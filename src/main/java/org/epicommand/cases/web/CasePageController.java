package org.epicommand.cases.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.epicommand.cases.CaseCourse;
import org.epicommand.cases.CaseOutcome;
import org.epicommand.cases.CaseRegistry;
import org.epicommand.cases.Classification;
import org.epicommand.cases.TestResult;
import org.epicommand.platform.CityZonePage;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
import org.epicommand.shared.ValidationFailure;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Case pages for commanders and staff: the list (all, new today, by classification), overdue direct
 * reports, the case (audited) with its history and tests, and the clinical-course actions.
 */
@Controller
@RequestMapping("/cases")
@PreAuthorize("hasAuthority('CASE_READ')")
class CasePageController implements CityZonePage {

  private final CaseRegistry registry;
  private final CaseCourse course;
  private final FormMessages forms;
  private final Clock clock;

  CasePageController(CaseRegistry registry, CaseCourse course, FormMessages forms, Clock clock) {
    this.registry = registry;
    this.course = course;
    this.forms = forms;
    this.clock = clock;
  }

  /** The city's zone, for showing instants as local times. */
  @GetMapping
  String list(@RequestParam(required = false) Classification classification,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportedOn,
      @RequestParam(required = false) Integer page, Model model) {
    model.addAttribute("classification", classification);
    model.addAttribute("reportedOn", reportedOn);
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("classifications", Classification.values());
    model.addAttribute("view", reportedOn != null && reportedOn.equals(LocalDate.now(clock)) ? "today" : "all");
    FormMessages.pager(model, registry.list(classification, reportedOn, null, Paging.of(page, 20)));
    return "cases/list";
  }

  /** The case picker's hits (fragments/person :: casePicker): cases by the first characters of the person's name. */
  @GetMapping(path = "/picker", produces = "application/json")
  @org.springframework.web.bind.annotation.ResponseBody
  org.epicommand.shared.PageResult<org.epicommand.cases.CaseSummary> picker(@RequestParam(required = false) String q) {
    java.util.List<org.epicommand.cases.CaseSummary> hits = registry.byName(q, 8);
    return new org.epicommand.shared.PageResult<>(hits, 0, 8, false, (long) hits.size());
  }

  /** The person page's case section (fragment): the person's case, if any; the read is audited. */
  @GetMapping("/person-section")
  String personSection(@RequestParam UUID personId, Model model) {
    model.addAttribute("personId", personId);
    model.addAttribute("c", registry.ofPerson(personId).orElse(null));
    return "cases/person-section :: section";
  }

  @GetMapping("/overdue")
  String overdue(@RequestParam(required = false) Integer page, Model model) {
    model.addAttribute("view", "overdue");
    model.addAttribute("today", LocalDate.now(clock));
    FormMessages.pager(model, registry.overdueReports(null, Paging.of(page, 20)));
    return "cases/overdue";
  }

  @GetMapping("/export.csv")
  @PreAuthorize("hasAuthority('CASE_EXPORT')")
  ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) Classification classification,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportedOn) {
    return CaseApiController.csv(registry, classification, reportedOn, null);
  }

  @GetMapping("/{id}")
  String detail(@PathVariable UUID id, Model model) {
    var report = registry.get(id);
    model.addAttribute("c", report);
    model.addAttribute("history", registry.history(id));
    model.addAttribute("tests", registry.tests(id));
    model.addAttribute("moves", report.classification().moves());
    model.addAttribute("outcomes", CaseOutcome.values());
    model.addAttribute("results", TestResult.values());
    return "cases/detail";
  }

  @PostMapping("/{id}/reclassify")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  String reclassify(@PathVariable UUID id, @RequestParam(required = false) Classification classification,
      @RequestParam(required = false) String reason, RedirectAttributes redirect) {
    return act(id, redirect, () -> course.reclassify(id, classification, reason));
  }

  @PostMapping("/{id}/outcome")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  String outcome(@PathVariable UUID id, @RequestParam(required = false) CaseOutcome outcome,
      @RequestParam(required = false) String hospital, RedirectAttributes redirect) {
    return act(id, redirect, () -> course.changeOutcome(id, outcome, hospital));
  }

  @PostMapping("/{id}/tests")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  String test(@PathVariable UUID id, @RequestParam(required = false) String sampledAt,
      @RequestParam(required = false) TestResult result, @RequestParam(required = false) BigDecimal ctOrf1ab,
      @RequestParam(required = false) BigDecimal ctN, RedirectAttributes redirect) {
    return act(id, redirect, () -> {
      java.time.OffsetDateTime at;
      try {
        at = sampledAt == null || sampledAt.isBlank() ? null
            : LocalDateTime.parse(sampledAt.strip()).atZone(clock.getZone()).toOffsetDateTime();
      } catch (java.time.format.DateTimeParseException e) {
        throw new ValidationFailure(FieldProblem.of("sampledAt", "case.sampledAt"));
      }
      course.recordTest(id, at, result, ctOrf1ab, ctN);
    });
  }

  @PostMapping("/{id}/direct-report")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  String directReport(@PathVariable UUID id, RedirectAttributes redirect) {
    return act(id, redirect, () -> course.markDirectReported(id));
  }

  /** Runs an action; a refusal comes back to the case page as a message. */
  private String act(UUID id, RedirectAttributes redirect, Runnable action) {
    return forms.act(redirect, "/cases/" + id, action);
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem caseNavigation() {
      return new NavigationItem(200, "/cases", "nav.cases", "CASE_READ", NavigationGroup.TRACING);
    }

    @Bean
    org.epicommand.shared.PersonSection casePersonSection() {
      return new org.epicommand.shared.PersonSection(10, "/cases/person-section", "CASE_READ");
    }
  }
}
