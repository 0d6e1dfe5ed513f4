package org.epicommand.screening.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.person.PersonRegistry;
import org.epicommand.person.PersonSummary;
import org.epicommand.platform.FormMessages;
import org.epicommand.quarantine.Symptom;
import org.epicommand.screening.Questionnaire;
import org.epicommand.screening.ScreeningQuestionnaires;
import org.epicommand.screening.ScreeningRound;
import org.epicommand.screening.ScreeningRounds;
import org.epicommand.screening.ScreeningVisits;
import org.epicommand.screening.ScreeningWork;
import org.epicommand.screening.Visit;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
 * The screening pages: rounds (launch, start, close), a round's coverage board with its grid
 * workers and not-visited list, and the grid worker's phone list of households with one-tap
 * outcomes and the detailed visit form.
 */
@Controller
@RequestMapping("/screening")
@PreAuthorize("hasAuthority('SCREENING_READ')")
class ScreeningPageController {

  private final ScreeningRounds rounds;
  private final ScreeningWork work;
  private final ScreeningVisits visits;
  private final PersonRegistry persons;
  private final FormMessages forms;
  private final Clock clock;
  private final ScreeningQuestionnaires questionnaires;

  ScreeningPageController(ScreeningRounds rounds, ScreeningWork work, ScreeningVisits visits, PersonRegistry persons,
      FormMessages forms, Clock clock, ScreeningQuestionnaires questionnaires) {
    this.questionnaires = questionnaires;
    this.rounds = rounds;
    this.work = work;
    this.visits = visits;
    this.persons = persons;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("rounds", rounds.list());
    model.addAttribute("targets", ScreeningRound.Target.values());
    return "screening/rounds";
  }

  @PostMapping("/rounds")
  @PreAuthorize("hasAuthority('SCREENING_MANAGE')")
  String create(@RequestParam(required = false) String name, @RequestParam(required = false) String scope,
      @RequestParam(required = false) String startsAt, @RequestParam(required = false) String endsAt,
      @RequestParam(required = false) List<ScreeningRound.Target> targets, RedirectAttributes redirect) {
    List<String> codes = scope == null || scope.isBlank() ? List.of()
        : Arrays.stream(scope.split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
    return PageForms.post(forms, redirect, "/screening", () -> rounds.create(new ScreeningRound.New(name, codes,
        PageForms.local(startsAt, clock), PageForms.local(endsAt, clock), targets)), null);
  }

  /** The questionnaire versions, newest first, and (for managers) the form that publishes a new one. */
  @GetMapping("/questionnaires")
  String questionnaires(Model model) {
    model.addAttribute("versions", questionnaires.list());
    model.addAttribute("items", Questionnaire.Item.values());
    return "screening/questionnaires";
  }

  @PostMapping("/questionnaires")
  @PreAuthorize("hasAuthority('SCREENING_MANAGE')")
  String publish(@RequestParam(required = false) List<Questionnaire.Item> items,
      @RequestParam(required = false) String note, RedirectAttributes redirect) {
    return PageForms.post(forms, redirect, "/screening/questionnaires",
        () -> questionnaires.publish(new Questionnaire.New(items, null, note)), null);
  }

  @PostMapping("/rounds/{id}/start")
  @PreAuthorize("hasAuthority('SCREENING_MANAGE')")
  String start(@PathVariable UUID id, RedirectAttributes redirect) {
    return PageForms.post(forms, redirect, "/screening", () -> rounds.start(id), null);
  }

  @PostMapping("/rounds/{id}/close")
  @PreAuthorize("hasAuthority('SCREENING_MANAGE')")
  String close(@PathVariable UUID id, RedirectAttributes redirect) {
    return PageForms.post(forms, redirect, "/screening/rounds/" + id, () -> rounds.close(id), null);
  }

  @GetMapping("/rounds/{id}")
  String board(@PathVariable UUID id, @RequestParam(required = false) String level, Model model) {
    JurisdictionLevel chosen = List.of(JurisdictionLevel.values()).stream().filter(l -> l.name().equals(level))
        .findFirst().orElse(JurisdictionLevel.VILLAGE);
    ScreeningRound round = rounds.get(id);
    model.addAttribute("round", round);
    model.addAttribute("level", chosen);
    model.addAttribute("levels", List.of(JurisdictionLevel.TOWNSHIP, JurisdictionLevel.VILLAGE));
    model.addAttribute("coverage", rounds.coverage(id, chosen.name()));
    model.addAttribute("assignments", work.assignments(id));
    model.addAttribute("unvisited", round.households() - round.documented());
    return "screening/board";
  }

  @GetMapping("/rounds/{id}/unvisited.csv")
  org.springframework.http.ResponseEntity<byte[]> unvisitedCsv(@PathVariable UUID id) {
    return ScreeningApiController.csv(work.unvisitedCsv(id, null));
  }

  @PostMapping("/rounds/{id}/assign")
  @PreAuthorize("hasAuthority('SCREENING_ASSIGN')")
  String assign(@PathVariable UUID id, @RequestParam String jurisdictionCode,
      @RequestParam(required = false) String username, RedirectAttributes redirect) {
    return PageForms.post(forms, redirect, "/screening/rounds/" + id, () -> work.assign(id, jurisdictionCode, username),
        null);
  }

  /** The worker's phone list: the households still to visit (or all), building by building. */
  @GetMapping("/rounds/{id}/visit")
  @PreAuthorize("hasAuthority('SCREENING_VISIT')")
  String visitList(@PathVariable UUID id, @RequestParam(required = false) Boolean all,
      @RequestParam(required = false) Integer page, Model model) {
    model.addAttribute("round", rounds.get(id));
    model.addAttribute("all", Boolean.TRUE.equals(all));
    FormMessages.pager(model, work.households(id, null, !Boolean.TRUE.equals(all), Paging.of(page, 50)));
    model.addAttribute("quick", List.of(Visit.Outcome.ALL_SEEN, Visit.Outcome.NOBODY_HOME, Visit.Outcome.REFUSED,
        Visit.Outcome.MOVED_OUT));
    return "screening/visit-list";
  }

  /** One tap: the outcome, with every registered member seen for ALL_SEEN. */
  @PostMapping("/rounds/{id}/households/{householdId}/quick")
  @PreAuthorize("hasAuthority('SCREENING_VISIT')")
  String quick(@PathVariable UUID id, @PathVariable UUID householdId, @RequestParam Visit.Outcome outcome,
      RedirectAttributes redirect) {
    List<UUID> seen = outcome == Visit.Outcome.ALL_SEEN ? members(householdId) : List.of();
    return PageForms.post(forms, redirect, "/screening/rounds/" + id + "/visit", () -> visits.record(householdId,
        new Visit.New(id, Visit.Method.DOOR, outcome, seen, List.of(), List.of(), false, null)), null);
  }

  @GetMapping("/rounds/{id}/households/{householdId}")
  @PreAuthorize("hasAuthority('SCREENING_VISIT')")
  String visitForm(@PathVariable UUID id, @PathVariable UUID householdId, Model model) {
    ScreeningRound round = rounds.get(id);
    ScreeningRound.Household household = work.household(id, householdId);
    model.addAttribute("round", round);
    model.addAttribute("household", household);
    model.addAttribute("members", persons.householdMembers(householdId));
    model.addAttribute("outcomes", Visit.Outcome.values());
    model.addAttribute("methods", Visit.Method.values());
    model.addAttribute("symptoms", Symptom.values());
    model.addAttribute("questionnaire", questionnaires.current());
    return "screening/visit-form";
  }

  /** The detailed visit: members seen, each one's checks, and an unregistered resident. */
  @PostMapping("/rounds/{id}/households/{householdId}")
  @PreAuthorize("hasAuthority('SCREENING_VISIT')")
  String visit(@PathVariable UUID id, @PathVariable UUID householdId, @RequestParam MultiValueMap<String, String> form,
      RedirectAttributes redirect) {
    String again = "redirect:/screening/rounds/" + id + "/households/" + householdId;
    Visit.New request;
    try {
      request = request(id, householdId, form);
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("problem", forms.text("error.invalidValue"));
      return again;
    }
    Visit[] saved = new Visit[1];
    String back = PageForms.post(forms, redirect, "/screening/rounds/" + id + "/visit",
        () -> saved[0] = visits.record(householdId, request), null);
    if (saved[0] == null) {
      return again;
    }
    if (!saved[0].findings().isEmpty()) {
      redirect.addFlashAttribute("message", forms.text("screening.visit.raised", saved[0].findings().size()));
    }
    return back;
  }

  /** The form as a visit; an unknown outcome, method, symptom or person is an IllegalArgumentException. */
  private Visit.New request(UUID id, UUID householdId, MultiValueMap<String, String> form) {
    List<UUID> seen = form.getOrDefault("seen", List.of()).stream().map(UUID::fromString).toList();
    List<Visit.Check> checks = new ArrayList<>();
    for (UUID person : members(householdId)) {
      String temperature = form.getFirst("temp-" + person);
      List<Symptom> symptoms = form.getOrDefault("sym-" + person, List.of()).stream().map(Symptom::valueOf).toList();
      String risk = form.getFirst("risk-" + person);
      boolean contact = form.containsKey("contact-" + person);
      boolean vulnerable = form.containsKey("vul-" + person);
      BigDecimal degrees = temperature == null || temperature.isBlank() ? null : parse(temperature);
      if (degrees != null || !symptoms.isEmpty() || risk != null && !risk.isBlank() || contact || vulnerable) {
        checks.add(new Visit.Check(person, degrees, symptoms, risk, contact, null, vulnerable));
      }
    }
    List<Visit.NewResident> newcomers = new ArrayList<>();
    String newName = form.getFirst("newName");
    if (newName != null && !newName.isBlank()) {
      newcomers.add(new Visit.NewResident(newName, null, form.getFirst("newIdNumber"), null, form.getFirst("newPhone"),
          null, form.getFirst("fromRegion")));
    }
    String outcome = form.getFirst("outcome");
    String method = form.getFirst("method");
    return new Visit.New(id, method == null ? Visit.Method.DOOR : Visit.Method.valueOf(method),
        outcome == null || outcome.isBlank() ? null : Visit.Outcome.valueOf(outcome), seen, checks, newcomers,
        form.containsKey("leaflet"), form.getFirst("note"));
  }

  /** A temperature as typed; out of range stays out of range for the service to name (34–43 °C). */
  private static BigDecimal parse(String text) {
    try {
      return new BigDecimal(text.strip().replace('，', '.'));
    } catch (NumberFormatException e) {
      return BigDecimal.ZERO;
    }
  }

  private List<UUID> members(UUID householdId) {
    return persons.householdMembers(householdId).stream().map(PersonSummary::id).map(UUID::fromString).toList();
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem screeningNavigation() {
      return new NavigationItem(540, "/screening", "nav.screening", "SCREENING_READ", NavigationGroup.COMMUNITY);
    }

    @Bean
    NavigationItem screeningFindingsNavigation() {
      return new NavigationItem(541, "/screening/findings", "nav.screening.findings", "SCREENING_READ",
          NavigationGroup.COMMUNITY);
    }

    @Bean
    NavigationItem gatheringsNavigation() {
      return new NavigationItem(542, "/gatherings", "nav.gatherings", "SCREENING_READ", NavigationGroup.COMMUNITY);
    }
  }
}
