package org.epicommand.vaccination.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.Role;
import org.epicommand.account.UserContext;
import org.epicommand.person.PersonRegistry;
import org.epicommand.platform.FormMessages;
import org.epicommand.platform.PageStep;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
import org.epicommand.vaccination.AefiOutcome;
import org.epicommand.vaccination.AefiSeverity;
import org.epicommand.vaccination.Doses;
import org.epicommand.vaccination.ExclusionKind;
import org.epicommand.vaccination.Exclusions;
import org.epicommand.vaccination.NewDose;
import org.epicommand.vaccination.NewExclusion;
import org.epicommand.vaccination.VaccinationRecord;
import org.epicommand.vaccination.VaccinationSites;
import org.epicommand.vaccination.VaccineProducts;
import org.epicommand.vaccination.Vaccinators;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Recording at a site, on a phone or a desk: find the person by name or document number, open their
 * vaccination record (audited) and record the dose — a vaccinator at their own site, as themselves —,
 * an exclusion or an adverse event there. Bad fields stay on the form with their messages.
 */
@Controller
class PersonRecordPageController {

  /** The dose form as typed. */
  record DoseForm(String doseNumber, String productCode, String batch, String date, String siteCode,
      String vaccinatorCode) {}

  /** The exclusion form as typed. */
  record ExclusionForm(String kind, String reason, String evidence, String validUntil, String reviewOn) {}

  private final Doses doses;
  private final Exclusions exclusions;
  private final PersonRegistry persons;
  private final VaccineProducts products;
  private final VaccinationSites sites;
  private final Vaccinators vaccinators;
  private final CurrentUser currentUser;
  private final FormMessages forms;
  private final Clock clock;

  PersonRecordPageController(Doses doses, Exclusions exclusions, PersonRegistry persons, VaccineProducts products,
      VaccinationSites sites, Vaccinators vaccinators, CurrentUser currentUser, FormMessages forms, Clock clock) {
    this.doses = doses;
    this.exclusions = exclusions;
    this.persons = persons;
    this.products = products;
    this.sites = sites;
    this.vaccinators = vaccinators;
    this.currentUser = currentUser;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping("/vaccination/doses/new")
  @PreAuthorize("hasAuthority('VACCINATION_WRITE') and hasAuthority('PERSON_READ')")
  String find(@RequestParam(required = false) String q, Model model) {
    String term = q == null ? "" : q.strip();
    model.addAttribute("q", term);
    model.addAttribute("found", term.length() < 2 ? null : persons.search(term, null, Paging.of(0, 20)).items());
    model.addAttribute("bound", boundSite(currentUser.get()));
    return "vaccination/find";
  }

  @GetMapping("/vaccination/persons/{personId}")
  @PreAuthorize("hasAuthority('VACCINATION_READ')")
  String record(@PathVariable UUID personId, Model model) {
    VaccinationRecord record = doses.record(personId);
    UserContext user = currentUser.get();
    model.addAttribute("record", record);
    model.addAttribute("canDose", user.has(Permission.VACCINATION_WRITE));
    model.addAttribute("canExclude", user.has(Permission.VACCINATION_VISIT) || user.has(Permission.VACCINATION_WRITE));
    model.addAttribute("bound", boundSite(user));
    model.addAttribute("products", products.active());
    model.addAttribute("sites", user.hasRole(Role.VACCINATOR) ? List.of() : sites.inDistrict());
    model.addAttribute("kinds", ExclusionKind.values());
    model.addAttribute("severities", AefiSeverity.values());
    model.addAttribute("aefiOutcomes", AefiOutcome.values());
    model.addAttribute("zone", clock.getZone());
    if (!model.containsAttribute("doseForm")) {
      model.addAttribute("doseForm", new DoseForm(Integer.toString(record.doses().size() + 1), "", "",
          LocalDate.now(clock).toString(), "", ""));
    }
    if (!model.containsAttribute("exclusionForm")) {
      model.addAttribute("exclusionForm", new ExclusionForm("", "", "", "", ""));
    }
    return "vaccination/person";
  }

  @PostMapping("/vaccination/persons/{personId}/doses")
  @PreAuthorize("hasAuthority('VACCINATION_WRITE')")
  String dose(@PathVariable UUID personId, DoseForm form, Model model, RedirectAttributes redirect) {
    PageStep refusals = forms.model(model).errorsAs("doseErrors").conflictGoesTo(e -> {
      redirect.addFlashAttribute("problem", forms.stated(e));
      return "redirect:/vaccination/persons/" + personId;
    });
    return refusals.view(() -> {
      List<FieldProblem> problems = new ArrayList<>();
      Integer number = Forms.number(form.doseNumber(), "doseNumber", "vaccination.dose.number", problems);
      LocalDate date = Forms.date(form.date(), "date", problems);
      Forms.check(problems);
      doses.record(new NewDose(personId, number, form.productCode(), form.batch(), date, form.siteCode(),
          form.vaccinatorCode()));
      redirect.addFlashAttribute("notice", forms.text("vaccination.record.doseSaved", number));
      return "redirect:/vaccination/persons/" + personId;
    }, () -> {
      model.addAttribute("doseForm", form);
      return record(personId, model);
    });
  }

  @PostMapping("/vaccination/persons/{personId}/exclusions")
  @PreAuthorize("hasAnyAuthority('VACCINATION_VISIT', 'VACCINATION_WRITE')")
  String exclude(@PathVariable UUID personId, ExclusionForm form, Model model, RedirectAttributes redirect) {
    PageStep refusals = forms.model(model).errorsAs("exclusionErrors").conflictGoesTo(e -> {
      redirect.addFlashAttribute("problem", forms.stated(e));
      return "redirect:/vaccination/persons/" + personId;
    });
    return refusals.view(() -> {
      List<FieldProblem> problems = new ArrayList<>();
      ExclusionKind kind = Forms.choice(form.kind(), ExclusionKind.class, "kind", problems);
      LocalDate until = Forms.optionalDate(form.validUntil(), "validUntil", problems);
      LocalDate review = Forms.optionalDate(form.reviewOn(), "reviewOn", problems);
      Forms.check(problems);
      exclusions.record(new NewExclusion(personId, kind, form.reason(), form.evidence(), until, review));
      redirect.addFlashAttribute("notice", forms.text("vaccination.record.exclusionSaved"));
      return "redirect:/vaccination/persons/" + personId;
    }, () -> {
      model.addAttribute("exclusionForm", form);
      return record(personId, model);
    });
  }

  @PostMapping("/vaccination/exclusions/{id}/lift")
  @PreAuthorize("hasAnyAuthority('VACCINATION_VISIT', 'VACCINATION_WRITE')")
  String lift(@PathVariable UUID id, RedirectAttributes redirect) {
    String person;
    try {
      person = exclusions.lift(id).personId();
      redirect.addFlashAttribute("notice", forms.text("vaccination.record.lifted"));
    } catch (Conflict e) {
      redirect.addFlashAttribute("problem", forms.text("error." + e.code(), e.currentState()));
      return "redirect:/vaccination/targets";
    }
    return "redirect:/vaccination/persons/" + person;
  }

  /** The site a vaccinator records at (their own), if the caller is one. */
  private Map<String, String> boundSite(UserContext user) {
    if (!user.hasRole(Role.VACCINATOR)) {
      return null;
    }
    return vaccinators.boundTo(user.username()).map(v -> Map.of("code", v.code(), "name", v.name(), "siteCode",
        v.siteCode(), "siteName", v.siteName() == null ? v.siteCode() : v.siteName())).orElse(Map.of());
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem vaccinationDoseNavigation() {
      return new NavigationItem(442, "/vaccination/doses/new", "nav.vaccination.doses", "VACCINATION_WRITE",
          NavigationGroup.VACCINATION);
    }
  }
}
