package org.epicommand.screening.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.epicommand.platform.FormMessages;
import org.epicommand.screening.Gathering;
import org.epicommand.screening.GatheringPolicies;
import org.epicommand.screening.Gatherings;
import org.epicommand.shared.Paging;
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
 * The gatherings page: the register with each gathering's decision and follow-up, the report form,
 * the rules in force and the rural market days.
 */
@Controller
@RequestMapping("/gatherings")
@PreAuthorize("hasAuthority('SCREENING_READ')")
class GatheringPageController {

  private final Gatherings gatherings;
  private final GatheringPolicies policies;
  private final FormMessages forms;
  private final Clock clock;

  GatheringPageController(Gatherings gatherings, GatheringPolicies policies, FormMessages forms, Clock clock) {
    this.gatherings = gatherings;
    this.policies = policies;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping
  String list(@RequestParam(required = false) String state, @RequestParam(required = false) Integer page, Model model) {
    FormMessages.pager(model, gatherings.list(state, null, Paging.of(page, 50)));
    model.addAttribute("kinds", Gathering.Kind.values());
    model.addAttribute("rules", Gathering.Rule.values());
    model.addAttribute("statuses", Gathering.MarketStatus.values());
    model.addAttribute("policies", policies.list(LocalDate.now(clock)));
    model.addAttribute("marketDays", policies.marketDays(null));
    model.addAttribute("today", LocalDate.now(clock));
    return "screening/gatherings";
  }

  @PostMapping
  @PreAuthorize("hasAuthority('SCREENING_VISIT')")
  String report(@RequestParam(required = false) Gathering.Kind kind,
      @RequestParam(required = false) String organiserName,
      @RequestParam(required = false) String organiserPhone, @RequestParam(required = false) String place,
      @RequestParam(required = false) String jurisdictionCode, @RequestParam(required = false) LocalDate heldOn,
      @RequestParam(required = false) Integer attendees, @RequestParam(required = false) String measures,
      @RequestParam(required = false) Boolean unreported, RedirectAttributes redirect) {
    return PageForms.post(forms, redirect, "/gatherings", () -> gatherings.report(new Gathering.New(kind, organiserName,
        null, organiserPhone, place, jurisdictionCode, heldOn, attendees, measures, unreported)), null);
  }

  @PostMapping("/{id}/approve")
  @PreAuthorize("hasAuthority('SCREENING_MANAGE')")
  String approve(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
    return move(id, Gathering.State.APPROVED, new Gathering.Note(note, null), redirect);
  }

  @PostMapping("/{id}/advise")
  @PreAuthorize("hasAuthority('SCREENING_MANAGE')")
  String advise(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
    return move(id, Gathering.State.ADVISED_TO_POSTPONE, new Gathering.Note(note, null), redirect);
  }

  @PostMapping("/{id}/reject")
  @PreAuthorize("hasAuthority('SCREENING_MANAGE')")
  String reject(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
    return move(id, Gathering.State.REJECTED, new Gathering.Note(note, null), redirect);
  }

  @PostMapping("/{id}/held")
  @PreAuthorize("hasAuthority('SCREENING_VISIT')")
  String held(@PathVariable UUID id, @RequestParam(required = false) Integer actualAttendees,
      RedirectAttributes redirect) {
    return move(id, Gathering.State.HELD, new Gathering.Note(null, actualAttendees), redirect);
  }

  @PostMapping("/{id}/close")
  @PreAuthorize("hasAuthority('SCREENING_VISIT')")
  String close(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
    return move(id, Gathering.State.CLOSED, new Gathering.Note(note, null), redirect);
  }

  @PostMapping("/{id}/follow-up")
  @PreAuthorize("hasAuthority('SCREENING_VISIT')")
  String followUp(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
    return PageForms.post(forms, redirect, "/gatherings", () -> gatherings.followUp(id, new Gathering.Note(note, null)),
        null);
  }

  private String move(UUID id, Gathering.State target, Gathering.Note note, RedirectAttributes redirect) {
    return PageForms.post(forms, redirect, "/gatherings", () -> gatherings.move(id, target, note), null);
  }

  @PostMapping("/policies")
  @PreAuthorize("hasAuthority('SCREENING_MANAGE')")
  String policy(@RequestParam(required = false) String jurisdictionCode,
      @RequestParam(required = false) Gathering.Kind kind,
      @RequestParam(required = false) Gathering.Rule rule, @RequestParam(required = false) Integer reportAbove,
      @RequestParam(required = false) LocalDate validFrom, @RequestParam(required = false) LocalDate validTo,
      @RequestParam(required = false) String note, RedirectAttributes redirect) {
    return PageForms.post(forms, redirect, "/gatherings", () ->
        policies.create(new Gathering.NewPolicy(jurisdictionCode,
        kind, rule, reportAbove, validFrom, validTo, note)), null);
  }

  @PostMapping("/market-days/{id}")
  @PreAuthorize("hasAuthority('SCREENING_MANAGE')")
  String market(@PathVariable UUID id, @RequestParam(required = false) Gathering.MarketStatus status,
      @RequestParam(required = false) String hours, RedirectAttributes redirect) {
    return PageForms.post(forms, redirect, "/gatherings", () -> policies.setStatus(id, status, hours), null);
  }
}
