package org.epicommand.cases.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.epicommand.cases.CaseRegistry;
import org.epicommand.cases.CaseReport;
import org.epicommand.cases.Classification;
import org.epicommand.cases.DiscoveryRoute;
import org.epicommand.cases.NewCase;
import org.epicommand.cases.Severity;
import org.epicommand.platform.FormMessages;
import org.epicommand.platform.PageStep;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.TypedDay;
import org.epicommand.shared.ValidationFailure;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Reporting a case on a person from the pages (an investigator follows up a positive test): the
 * form, field messages in place, and the existing case when the person has one already.
 */
@Controller
@RequestMapping("/cases/new")
@PreAuthorize("hasAuthority('CASE_WRITE')")
class CaseReportPageController {

  /** The form as typed: dates as text so a bad one is a field message, not a binding error page. */
  record CaseForm(String personId, Classification classification, String onsetDate, String samplingDate,
      String diagnosedAt, Severity severity, Boolean imported, DiscoveryRoute discoveryRoute) {}

  private final CaseRegistry registry;
  private final org.epicommand.person.PersonRegistry persons;
  private final FormMessages forms;
  private final Clock clock;

  CaseReportPageController(CaseRegistry registry, org.epicommand.person.PersonRegistry persons, FormMessages forms,
      Clock clock) {
    this.registry = registry;
    this.persons = persons;
    this.forms = forms;
    this.clock = clock;
  }

  @ModelAttribute
  void choices(Model model) {
    model.addAttribute("classifications", Classification.values());
    model.addAttribute("severities", Severity.values());
    model.addAttribute("routes", DiscoveryRoute.values());
    model.addAttribute("today", LocalDate.now(clock));
  }

  @GetMapping
  String form(@RequestParam(required = false) String personId, Model model) {
    model.addAttribute("form", new CaseForm(personId, Classification.SUSPECTED, null, null, null, null, false,
        null));
    return page(model);
  }

  /** The form with the chosen person shown by name in the picker. */
  private String page(Model model) {
    CaseForm form = (CaseForm) model.getAttribute("form");
    model.addAttribute("chosen", persons.chosen(form == null ? null : form.personId()));
    return "cases/new";
  }

  @PostMapping
  String report(CaseForm form, Model model) {
    PageStep refusals = forms.model(model).onExisting(id -> "redirect:/cases/" + id);
    return refusals.view(() -> {
      CaseReport report = registry.report(new NewCase(blank(form.personId()), form.classification(),
          date("onsetDate", form.onsetDate()), date("samplingDate", form.samplingDate()),
          instant(form.diagnosedAt()), form.severity(), Boolean.TRUE.equals(form.imported()), form.discoveryRoute(),
          null, false));
      return "redirect:/cases/" + report.id();
    }, () -> {
      model.addAttribute("form", form);
      return page(model);
    });
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static LocalDate date(String field, String value) {
    return TypedDay.parse(value, field, "invalidValue");
  }

  private OffsetDateTime instant(String value) {
    try {
      return blank(value) == null ? null
          : LocalDateTime.parse(value.strip()).atZone(clock.getZone()).toOffsetDateTime();
    } catch (DateTimeParseException e) {
      throw new ValidationFailure(FieldProblem.of("diagnosedAt", "invalidValue"));
    }
  }
}
