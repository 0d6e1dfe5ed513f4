package org.epicommand.vaccination.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epicommand.platform.FormMessages;
import org.epicommand.platform.PageStep;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
import org.epicommand.vaccination.AdverseEvents;
import org.epicommand.vaccination.AefiOutcome;
import org.epicommand.vaccination.AefiSeverity;
import org.epicommand.vaccination.AefiState;
import org.epicommand.vaccination.NewAdverseEvent;
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
 * Adverse events following immunization on pages: the list of the caller's area (overdue reports first
 * in red), recording one on the person's record, reporting and closing.
 */
@Controller
class AdverseEventPageController {

  private final AdverseEvents events;
  private final FormMessages forms;
  private final Clock clock;

  AdverseEventPageController(AdverseEvents events, FormMessages forms, Clock clock) {
    this.events = events;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping("/vaccination/adverse-events")
  @PreAuthorize("hasAuthority('VACCINATION_READ')")
  String list(@RequestParam(required = false) String state, @RequestParam(required = false) boolean overdue,
      @RequestParam(required = false) Integer page, Model model) {
    String filter = state == null || java.util.Arrays.stream(AefiState.values()).noneMatch(s -> s.name().equals(state))
        ? null : state;
    FormMessages.pager(model, events.list(filter, overdue, null, Paging.of(page == null ? null : Math.max(page, 0),
        30)));
    model.addAttribute("state", filter == null ? "" : filter);
    model.addAttribute("overdue", overdue);
    model.addAttribute("states", AefiState.values());
    model.addAttribute("aefiOutcomes", AefiOutcome.values());
    model.addAttribute("zone", clock.getZone());
    return "vaccination/adverse-events";
  }

  @PostMapping("/vaccination/persons/{personId}/adverse-events")
  @PreAuthorize("hasAuthority('VACCINATION_WRITE')")
  String record(@PathVariable UUID personId, @RequestParam(required = false) String doseId,
      @RequestParam(required = false) String onsetAt, @RequestParam(required = false) String symptoms,
      @RequestParam(required = false) String severity, @RequestParam(required = false) String outcome,
      RedirectAttributes redirect) {
    PageStep refusals = forms.flash(redirect).sentence("problem", "；").letConflictsThrough();
    return refusals.redirect("/vaccination/persons/" + personId, () -> {
      List<FieldProblem> problems = new ArrayList<>();
      UUID dose = null;
      try {
        dose = doseId == null || doseId.isBlank() ? null : UUID.fromString(doseId.strip());
      } catch (IllegalArgumentException e) {
        problems.add(FieldProblem.of("doseId", "vaccination.aefi.unknownDose"));
      }
      NewAdverseEvent event = new NewAdverseEvent(dose, Forms.time(onsetAt, clock.getZone(), "onsetAt", problems),
          symptoms, Forms.choice(severity, AefiSeverity.class, "severity", problems),
          Forms.choice(outcome, AefiOutcome.class, "outcome", problems));
      Forms.check(problems);
      events.record(event);
      redirect.addFlashAttribute("notice", forms.text("vaccination.aefi.saved"));
    });
  }

  @PostMapping("/vaccination/adverse-events/{id}/report")
  @PreAuthorize("hasAuthority('VACCINATION_WRITE')")
  String report(@PathVariable UUID id, RedirectAttributes redirect) {
    try {
      events.report(id);
      redirect.addFlashAttribute("notice", forms.text("vaccination.aefi.reported"));
    } catch (Conflict e) {
      redirect.addFlashAttribute("problem", forms.text("error." + e.code(), e.currentState()));
    }
    return "redirect:/vaccination/adverse-events";
  }

  @PostMapping("/vaccination/adverse-events/{id}/close")
  @PreAuthorize("hasAuthority('VACCINATION_WRITE')")
  String close(@PathVariable UUID id, @RequestParam(required = false) String outcome, RedirectAttributes redirect) {
    PageStep refusals = forms.flash(redirect).sentence("problem", "；");
    return refusals.redirect("/vaccination/adverse-events", () -> {
      List<FieldProblem> problems = new ArrayList<>();
      AefiOutcome chosen = Forms.choice(outcome, AefiOutcome.class, "outcome", problems);
      Forms.check(problems);
      events.close(id, chosen);
      redirect.addFlashAttribute("notice", forms.text("vaccination.aefi.closed"));
    });
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem vaccinationAdverseEventNavigation() {
      return new NavigationItem(443, "/vaccination/adverse-events", "nav.vaccination.adverseEvents",
          "VACCINATION_READ", NavigationGroup.VACCINATION);
    }
  }
}
