package org.epicommand.tracing.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Clock;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.epicommand.platform.CityZonePage;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
import org.epicommand.shared.Tally;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.tracing.ConcealmentFlags;
import org.epicommand.tracing.Contacts;
import org.epicommand.tracing.Investigation;
import org.epicommand.tracing.InvestigationState;
import org.epicommand.tracing.Investigations;
import org.epicommand.tracing.TrajectoryEntry;
import org.epicommand.tracing.TransportMode;
import org.epicommand.tracing.internal.InvestigationStore.Overdue;
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

/**
 * Investigation pages: my investigations with their deadlines, one investigation (window,
 * deadlines, next step, trajectory entry on a phone), and the commanders' overdue work with the
 * 24 h under-control KPI per district.
 */
@Controller
@RequestMapping("/tracing")
@PreAuthorize("hasAuthority('CASE_READ')")
class InvestigationPageController implements CityZonePage {

  private final Investigations investigations;
  private final Contacts contacts;
  private final org.epicommand.tracing.Copresence copresence;
  private final org.epicommand.tracing.InvestigationNotes notes;
  private final ConcealmentFlags concealment;
  private final FormMessages forms;
  private final Clock clock;

  InvestigationPageController(Investigations investigations, Contacts contacts,
      org.epicommand.tracing.Copresence copresence, org.epicommand.tracing.InvestigationNotes notes,
      ConcealmentFlags concealment, FormMessages forms, Clock clock) {
    this.investigations = investigations;
    this.concealment = concealment;
    this.contacts = contacts;
    this.copresence = copresence;
    this.notes = notes;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping("/investigations/mine")
  String mine(@RequestParam(required = false) Integer page, Model model) {
    FormMessages.pager(model, investigations.mine(Paging.of(page, 20)));
    model.addAttribute("now", OffsetDateTime.now(clock));
    return "tracing/investigations-mine";
  }

  @GetMapping("/investigations/overdue")
  String overdue(Model model) {
    model.addAttribute("core", investigations.list(Overdue.CORE, Paging.of(0, 100)));
    model.addAttribute("report", investigations.list(Overdue.REPORT, Paging.of(0, 100)));
    model.addAttribute("kpi", contacts.underControlKpi(null, null));
    return "tracing/investigations-overdue";
  }

  /**
   * The home-page card: an investigator's own investigations, the two overdue lists for those who
   * investigate or oversee, contacts still to locate for those who find them.
   */
  @GetMapping("/widget")
  String widget(Model model) {
    Paging first = Paging.of(0, Tally.CAP);
    java.util.Set<String> held = org.springframework.security.core.context.SecurityContextHolder.getContext()
        .getAuthentication().getAuthorities().stream()
        .map(org.springframework.security.core.GrantedAuthority::getAuthority)
        .collect(java.util.stream.Collectors.toSet());
    java.util.List<Tally> tallies = new java.util.ArrayList<>();
    if (held.contains("CASE_WRITE")) {
      tallies.add(Tally.of("home.widget.tracing.mine", investigations.mine(first), "/tracing/investigations/mine"));
    }
    if (held.contains("CASE_WRITE") || held.contains("COMMAND_READ")) {
      tallies.add(Tally.of("home.widget.tracing.overdueCore", investigations.list(Overdue.CORE, first),
          "/tracing/investigations/overdue"));
      tallies.add(Tally.of("home.widget.tracing.overdueReport", investigations.list(Overdue.REPORT, first),
          "/tracing/investigations/overdue"));
    }
    if (held.contains("CONTACT_TRACK")) {
      tallies.add(Tally.of("home.widget.tracing.toLocate", contacts.toLocate(first), "/tracing/contacts/to-locate"));
    }
    model.addAttribute("widgetId", "tracing");
    model.addAttribute("titleKey", "home.widget.tracing");
    model.addAttribute("tallies", tallies);
    return "fragments/tally :: card";
  }

  @GetMapping("/investigations/{id}")
  String detail(@PathVariable UUID id, Model model) {
    Investigation investigation = investigations.get(id);
    model.addAttribute("investigation", investigation);
    model.addAttribute("next", next(investigation.state()));
    model.addAttribute("entries", investigations.trajectory(id));
    model.addAttribute("modes", TransportMode.values());
    model.addAttribute("candidates", copresence.candidates(id));
    model.addAttribute("notes", notes.of(id));
    model.addAttribute("concealment", concealment.of(id));
    model.addAttribute("concealedKinds", ConcealmentFlags.Concealed.values());
    return "tracing/investigation";
  }

  @PostMapping("/investigations/{id}/copresence")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  String searchCopresence(@PathVariable UUID id, RedirectAttributes redirect) {
    return act(id, redirect, () -> redirect.addFlashAttribute("searched", copresence.search(id)));
  }

  @PostMapping("/investigations/{id}/candidates/{candidateId}/confirm")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  String confirm(@PathVariable UUID id, @PathVariable UUID candidateId, RedirectAttributes redirect) {
    return act(id, redirect, () -> copresence.confirm(id, candidateId, null, null));
  }

  @PostMapping("/investigations/{id}/candidates/{candidateId}/dismiss")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  String dismiss(@PathVariable UUID id, @PathVariable UUID candidateId, RedirectAttributes redirect) {
    return act(id, redirect, () -> copresence.dismiss(id, candidateId));
  }

  /** 报告隐瞒: the case's person concealed something; the tip-off office gets a concealment case. */
  @PostMapping("/investigations/{id}/concealment")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  String flagConcealment(@PathVariable UUID id, @RequestParam(required = false) ConcealmentFlags.Concealed concealed,
      @RequestParam(required = false) String evidence, RedirectAttributes redirect) {
    return forms.run(redirect, "/tracing/investigations/" + id, "tracing.concealment.reported",
        () -> concealment.flag(id, new ConcealmentFlags.NewFlag(concealed, evidence)));
  }

  @GetMapping("/cases/{caseId}/investigation")
  String ofCase(@PathVariable UUID caseId) {
    return "redirect:/tracing/investigations/" + investigations.ofCase(caseId).id();
  }

  private static InvestigationState next(InvestigationState state) {
    return state.ordinal() + 1 < InvestigationState.values().length ? InvestigationState.values()[state.ordinal() + 1]
        : null;
  }

  @PostMapping("/investigations/{id}/transition")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  String transition(@PathVariable UUID id, @RequestParam(required = false) InvestigationState state,
      RedirectAttributes redirect) {
    return act(id, redirect, () -> investigations.moveTo(id, state));
  }

  @PostMapping("/investigations/{id}/assign")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  String assign(@PathVariable UUID id, @RequestParam(required = false) String investigator,
      RedirectAttributes redirect) {
    return act(id, redirect, () -> investigations.assign(id, investigator));
  }

  @PostMapping("/investigations/{id}/trajectory")
  @PreAuthorize("hasAuthority('CASE_WRITE')")
  String addEntry(@PathVariable UUID id, @RequestParam(required = false) String venueCode,
      @RequestParam(required = false) String place, @RequestParam(required = false) String address,
      @RequestParam(required = false) String fromAt, @RequestParam(required = false) String toAt,
      @RequestParam(required = false) String activity, @RequestParam(required = false) TransportMode transportMode,
      @RequestParam(required = false) String transportNumber, @RequestParam(required = false) String seat,
      RedirectAttributes redirect) {
    return act(id, redirect, () -> investigations.addEntry(id, new TrajectoryEntry(null, id.toString(), venueCode,
        place, address, null, time("fromAt", fromAt), time("toAt", toAt), activity, transportMode, transportNumber,
        seat)));
  }

  private OffsetDateTime time(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.strip()).atZone(clock.getZone()).toOffsetDateTime();
    } catch (DateTimeParseException e) {
      throw new ValidationFailure(FieldProblem.of(field, "tracing.trajectory.time"));
    }
  }

  /** Runs an action; a refusal comes back to the investigation page as a message. */
  private String act(UUID id, RedirectAttributes redirect, Runnable action) {
    return forms.act(redirect, "/tracing/investigations/" + id, action);
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem myInvestigationsNavigation() {
      return new NavigationItem(212, "/tracing/investigations/mine", "nav.investigations.mine", "CASE_WRITE",
          NavigationGroup.TRACING);
    }

    @Bean
    org.epicommand.shared.HomeWidget tracingHomeWidget() {
      return new org.epicommand.shared.HomeWidget(40, "/tracing/widget", "CASE_READ");
    }

    @Bean
    NavigationItem overdueInvestigationsNavigation() {
      return new NavigationItem(214, "/tracing/investigations/overdue", "nav.investigations.overdue", "CASE_READ",
          NavigationGroup.TRACING);
    }
  }
}
