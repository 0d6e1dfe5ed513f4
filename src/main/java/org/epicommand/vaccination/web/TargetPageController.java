package org.epicommand.vaccination.web;

import java.time.LocalDate;
import java.util.UUID;
import org.epicommand.platform.FormMessages;
import org.epicommand.platform.PageStep;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
import org.epicommand.vaccination.TargetLists;
import org.epicommand.vaccination.VaccinationSites;
import org.epicommand.vaccination.VisitOutcome;
import org.epicommand.vaccination.VisitReport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The grid worker's door-to-door list on a phone (逐人动员、逐人销号): a card per person, oldest first,
 * with what to say at the door and a form for the visit's outcome; the closed items (销号) with their
 * reasons on a second tab.
 */
@Controller
@PreAuthorize("hasAuthority('VACCINATION_VISIT')")
class TargetPageController {

  private final TargetLists targets;
  private final VaccinationSites sites;
  private final FormMessages forms;
  private final java.time.Clock clock;

  TargetPageController(TargetLists targets, VaccinationSites sites, FormMessages forms, java.time.Clock clock) {
    this.clock = clock;
    this.targets = targets;
    this.sites = sites;
    this.forms = forms;
  }

  @GetMapping("/vaccination/targets")
  String list(@RequestParam(required = false) String jurisdiction, @RequestParam(required = false) boolean closed,
      @RequestParam(required = false) Integer page, Model model) {
    FormMessages.pager(model, targets.mine(jurisdiction, closed, Paging.of(page == null ? null : Math.max(page, 0),
        20)));
    model.addAttribute("closed", closed);
    model.addAttribute("jurisdiction", jurisdiction == null ? "" : jurisdiction.strip());
    model.addAttribute("outcomes", VisitOutcome.values());
    model.addAttribute("sites", sites.inDistrict());
    model.addAttribute("today", LocalDate.now(clock));
    return "vaccination/targets";
  }

  @PostMapping("/vaccination/targets/{personId}/outcome")
  String outcome(@PathVariable UUID personId, @RequestParam(required = false) VisitOutcome outcome,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(required = false) String siteCode, @RequestParam(required = false) String reason,
      @RequestParam(required = false) String note, RedirectAttributes redirect) {
    PageStep refusals = forms.flash(redirect).sentence("problem", "；")
        .onInvalid(e -> redirect.addFlashAttribute("problemPerson", personId.toString()));
    return refusals.redirect("/vaccination/targets", () -> {
      targets.report(personId, new VisitReport(outcome, date, siteCode, reason, note));
      redirect.addFlashAttribute("notice", forms.text("vaccination.targets.saved"));
    });
  }

  @PostMapping("/vaccination/targets/generate")
  String generate(@RequestParam(required = false) String jurisdiction, RedirectAttributes redirect) {
    int added = targets.generate(jurisdiction);
    redirect.addFlashAttribute("notice", forms.text("vaccination.targets.generated", added));
    return "redirect:/vaccination/targets";
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem vaccinationTargetsNavigation() {
      return new NavigationItem(441, "/vaccination/targets", "nav.vaccination.targets", "VACCINATION_VISIT",
          NavigationGroup.VACCINATION);
    }
  }
}
