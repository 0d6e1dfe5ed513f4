package org.epicommand.sentinel.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.epicommand.person.IdType;
import org.epicommand.platform.FormMessages;
import org.epicommand.sentinel.Clinic;
import org.epicommand.sentinel.ClinicReferrals;
import org.epicommand.sentinel.ClinicVisits;
import org.epicommand.sentinel.Clinics;
import org.epicommand.sentinel.Disposition;
import org.epicommand.sentinel.NewClinicVisit;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The clinic's patient register on a phone ({@code /sentinel/clinic}): the patients expected (FEVER referrals of
 * the screening), the form and the latest visits with their results. */
@Controller
@RequestMapping("/sentinel/clinic")
@PreAuthorize(ClinicApiController.REGISTER)
class ClinicPageController {

  private final Clinics clinics;
  private final ClinicVisits visits;
  private final ClinicReferrals referrals;
  private final FormMessages forms;
  private final Clock clock;

  ClinicPageController(Clinics clinics, ClinicVisits visits, ClinicReferrals referrals, FormMessages forms,
      Clock clock) {
    this.clinics = clinics;
    this.visits = visits;
    this.referrals = referrals;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping
  String page(@RequestParam(required = false) String clinic, @RequestParam(defaultValue = "false") boolean overdue,
      Model model) {
    List<Clinic> reachable = clinics.list();
    Clinic chosen = clinic != null && !clinic.isBlank() ? clinics.get(clinic)
        : reachable.stream().findFirst().orElse(null);
    model.addAttribute("clinics", reachable);
    model.addAttribute("clinic", chosen);
    model.addAttribute("visits", chosen == null ? List.of() : visits.list(chosen.creditCode(), overdue));
    model.addAttribute("overdue", overdue);
    model.addAttribute("expected", chosen == null ? List.of() : referrals.expected(chosen.creditCode(), false));
    model.addAttribute("idTypes", IdType.values());
    model.addAttribute("dispositions", Disposition.values());
    model.addAttribute("afterObservation", List.of(Disposition.HOME_WAIT, Disposition.ADMITTED,
        Disposition.TRANSFERRED_TO_DESIGNATED, Disposition.REFERRED_UP));
    model.addAttribute("zone", clock.getZone());
    return "sentinel/clinic";
  }

  @PostMapping
  String record(@RequestParam String clinic, @RequestParam(required = false) IdType idType,
      @RequestParam(required = false) String idNumber, @RequestParam(required = false) String name,
      @RequestParam(required = false) BigDecimal temperature, @RequestParam(required = false) String symptoms,
      @RequestParam(required = false) String epiHistory, @RequestParam(required = false) String tubeBarcode,
      @RequestParam(required = false) Disposition disposition, RedirectAttributes redirect) {
    return forms.run(redirect, "/sentinel/clinic?clinic=" + clinic, "sentinel.page.visitRecorded",
        () -> visits.record(new NewClinicVisit(clinic, idType, idNumber, name, null, temperature, symptoms, epiHistory,
            tubeBarcode, disposition, null)));
  }

  @PostMapping("/visits/{id}/sample")
  String sample(@PathVariable UUID id, @RequestParam String clinic, @RequestParam(required = false) String tubeBarcode,
      RedirectAttributes redirect) {
    return forms.run(redirect, "/sentinel/clinic?clinic=" + clinic, "sentinel.page.visitSampled",
        () -> visits.sample(id, tubeBarcode));
  }

  @PostMapping("/visits/{id}/report")
  String report(@PathVariable UUID id, @RequestParam String clinic, @RequestParam(required = false) String reportedTo,
      RedirectAttributes redirect) {
    return forms.run(redirect, "/sentinel/clinic?clinic=" + clinic, "sentinel.page.visitReported",
        () -> visits.report(id, reportedTo));
  }

  @PostMapping("/visits/{id}/end-observation")
  String endObservation(@PathVariable UUID id, @RequestParam String clinic,
      @RequestParam(required = false) Disposition disposition, RedirectAttributes redirect) {
    return forms.run(redirect, "/sentinel/clinic?clinic=" + clinic, "sentinel.page.observationEnded",
        () -> visits.endObservation(id, disposition));
  }

  @PostMapping("/referrals/{id}/not-arrived")
  String notArrived(@PathVariable UUID id, @RequestParam String clinic, @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    return forms.run(redirect, "/sentinel/clinic?clinic=" + clinic, "sentinel.page.referralNotArrived",
        () -> referrals.notArrived(id, reason));
  }

  @Configuration(proxyBeanMethods = false)
  static class Menu {

    @Bean
    NavigationItem clinicRegisterNavigation() {
      return new NavigationItem(567, "/sentinel/clinic", "nav.sentinelClinic", "CLINIC_REGISTER",
          NavigationGroup.SENTINEL);
    }
  }
}
