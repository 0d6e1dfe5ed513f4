package org.epicommand.screening.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epicommand.platform.FormMessages;
import org.epicommand.quarantine.Symptom;
import org.epicommand.screening.ScreeningQuestionnaires;
import org.epicommand.screening.ScreeningRound;
import org.epicommand.screening.ScreeningRounds;
import org.epicommand.screening.ScreeningSiteVisits;
import org.epicommand.screening.ScreeningSites;
import org.epicommand.screening.Site;
import org.epicommand.screening.SiteVisit;
import org.epicommand.screening.Visit;
import org.epicommand.shared.Paging;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The worker's phone pages for a round's sites (入单位): the list of organisations, construction sites
 * and rentals still to visit (or all), a rental or site found in the field, and the site visit form.
 */
@Controller
@RequestMapping("/screening/rounds/{id}/sites")
@PreAuthorize("hasAuthority('SCREENING_VISIT')")
class ScreeningSitePageController {

  /** How many flagged persons the form offers. */
  static final int PERSON_ROWS = 2;

  private final ScreeningRounds rounds;
  private final ScreeningSites sites;
  private final ScreeningSiteVisits visits;
  private final ScreeningQuestionnaires questionnaires;
  private final FormMessages forms;

  ScreeningSitePageController(ScreeningRounds rounds, ScreeningSites sites, ScreeningSiteVisits visits,
      ScreeningQuestionnaires questionnaires, FormMessages forms) {
    this.rounds = rounds;
    this.sites = sites;
    this.visits = visits;
    this.questionnaires = questionnaires;
    this.forms = forms;
  }

  @GetMapping
  String list(@PathVariable UUID id, @RequestParam(required = false) Boolean all,
      @RequestParam(required = false) Integer page, Model model) {
    ScreeningRound round = rounds.get(id);
    model.addAttribute("round", round);
    model.addAttribute("all", Boolean.TRUE.equals(all));
    FormMessages.pager(model, sites.list(id, null, null, !Boolean.TRUE.equals(all), Paging.of(page, 50)));
    model.addAttribute("addable", List.of(Site.Kind.RENTAL, Site.Kind.CONSTRUCTION_SITE).stream()
        .filter(k -> round.targets().contains(k.target())).toList());
    return "screening/site-list";
  }

  /** A rental or construction site found in the field. */
  @PostMapping
  String add(@PathVariable UUID id, @RequestParam(required = false) Site.Kind kind,
      @RequestParam(required = false) String name, @RequestParam(required = false) String address,
      @RequestParam(required = false) String jurisdictionCode, @RequestParam(required = false) Integer headcount,
      @RequestParam(required = false) String contactPhone, RedirectAttributes redirect) {
    return PageForms.post(forms, redirect, "/screening/rounds/" + id + "/sites", () -> sites.add(id,
        new Site.New(kind, name, address, jurisdictionCode, headcount, null, contactPhone)), null);
  }

  @GetMapping("/{siteId}")
  String form(@PathVariable UUID id, @PathVariable UUID siteId, Model model) {
    model.addAttribute("round", rounds.get(id));
    model.addAttribute("site", sites.get(id, siteId));
    model.addAttribute("outcomes", SiteVisit.Outcome.values());
    model.addAttribute("methods", Visit.Method.values());
    model.addAttribute("symptoms", Symptom.values());
    model.addAttribute("rows", java.util.stream.IntStream.range(0, PERSON_ROWS).boxed().toList());
    model.addAttribute("questionnaire", questionnaires.current());
    return "screening/site-form";
  }

  @PostMapping("/{siteId}")
  String visit(@PathVariable UUID id, @PathVariable UUID siteId, @RequestParam MultiValueMap<String, String> form,
      RedirectAttributes redirect) {
    String again = "redirect:/screening/rounds/" + id + "/sites/" + siteId;
    SiteVisit.New request;
    try {
      request = request(form);
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("problem", forms.text("error.invalidValue"));
      return again;
    }
    SiteVisit[] saved = new SiteVisit[1];
    String back = PageForms.post(forms, redirect, "/screening/rounds/" + id + "/sites",
        () -> saved[0] = visits.record(siteId, request), null);
    if (saved[0] == null) {
      return again;
    }
    if (!saved[0].findings().isEmpty()) {
      redirect.addFlashAttribute("message", forms.text("screening.visit.raised", saved[0].findings().size()));
    }
    return back;
  }

  /** The form as a site visit; an unknown outcome, method or symptom, or a bad number: IllegalArgumentException. */
  private static SiteVisit.New request(MultiValueMap<String, String> form) {
    List<SiteVisit.Person> persons = new ArrayList<>();
    for (int i = 0; i < PERSON_ROWS; i++) {
      String name = form.getFirst("name-" + i);
      if (name == null || name.isBlank()) {
        continue;
      }
      String temperature = form.getFirst("temp-" + i);
      String from = form.getFirst("from-" + i);
      persons.add(new SiteVisit.Person(name, form.getFirst("idNumber-" + i), form.getFirst("phone-" + i),
          temperature == null || temperature.isBlank() ? null : new BigDecimal(temperature.strip().replace('，', '.')),
          form.getOrDefault("sym-" + i, List.of()).stream().map(Symptom::valueOf).toList(),
          from == null || from.isBlank() ? null : from, null));
    }
    String staff = form.getFirst("staffPresent");
    String outcome = form.getFirst("outcome");
    String method = form.getFirst("method");
    return new SiteVisit.New(method == null ? Visit.Method.DOOR : Visit.Method.valueOf(method),
        outcome == null || outcome.isBlank() ? null : SiteVisit.Outcome.valueOf(outcome),
        staff == null || staff.isBlank() ? null : Integer.valueOf(staff.strip()), form.containsKey("ledger"), persons,
        form.containsKey("leaflet"), form.getFirst("note"));
  }
}
