package org.epicommand.screening.web;

import java.util.List;
import java.util.UUID;
import org.epicommand.platform.FormMessages;
import org.epicommand.screening.Finding;
import org.epicommand.screening.ScreeningFindings;
import org.epicommand.shared.HomeWidget;
import org.epicommand.shared.Paging;
import org.epicommand.shared.Tally;
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
import org.springframework.web.util.UriComponentsBuilder;

/** The findings to act on (overdue ones first in red) with the action form, and the home-page card. */
@Controller
@RequestMapping("/screening/findings")
@PreAuthorize("hasAuthority('SCREENING_READ')")
class FindingPageController {

  private final ScreeningFindings findings;
  private final FormMessages forms;

  FindingPageController(ScreeningFindings findings, FormMessages forms) {
    this.findings = findings;
    this.forms = forms;
  }

  @GetMapping
  String list(@RequestParam(required = false) String state, @RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Integer page, Model model) {
    FormMessages.pager(model, findings.list(state, jurisdiction, Boolean.TRUE.equals(overdue), Paging.of(page, 50)));
    model.addAttribute("state", state == null ? "OPEN" : state);
    model.addAttribute("overdue", Boolean.TRUE.equals(overdue));
    model.addAttribute("jurisdiction", jurisdiction);
    model.addAttribute("states", List.of("OPEN", "ACTIONED", "CLOSED", "ALL"));
    model.addAttribute("actions", Finding.Action.values());
    model.addAttribute("back", back(state, jurisdiction, overdue));
    return "screening/findings";
  }

  private static String back(String state, String jurisdiction, Boolean overdue) {
    return UriComponentsBuilder.fromPath("/screening/findings").queryParamIfPresent("state",
        java.util.Optional.ofNullable(state)).queryParamIfPresent("jurisdiction",
            java.util.Optional.ofNullable(jurisdiction))
        .queryParamIfPresent("overdue", java.util.Optional.ofNullable(overdue)).build().encode().toUriString();
  }

  @PostMapping("/{id}/action")
  @PreAuthorize("hasAuthority('SCREENING_VISIT')")
  String act(@PathVariable UUID id, @RequestParam(required = false) Finding.Action action,
      @RequestParam(required = false) String reference, @RequestParam(required = false) String placed,
      @RequestParam(required = false) String status, @RequestParam(required = false) String back,
      RedirectAttributes redirect) {
    return PageForms.post(forms, redirect, safe(back), () -> findings.act(id,
        new Finding.Taken(action, reference, placed, status)), null);
  }

  @PostMapping("/{id}/close")
  @PreAuthorize("hasAuthority('SCREENING_VISIT')")
  String close(@PathVariable UUID id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
    return PageForms.post(forms, redirect, safe(back), () -> findings.close(id), null);
  }

  /** Only a path of this page comes back (never another site). */
  private static String safe(String back) {
    return back != null && back.startsWith("/screening/findings") ? back : "/screening/findings";
  }

  @GetMapping("/widget")
  String widget(Model model) {
    model.addAttribute("widgetId", "screening");
    model.addAttribute("titleKey", "home.widget.screening");
    model.addAttribute("tallies", List.of(
        Tally.of("home.widget.screening.open", findings.list("OPEN", null, false, Paging.of(0, Tally.CAP)),
            "/screening/findings"),
        Tally.of("home.widget.screening.overdue", findings.list("OPEN", null, true, Paging.of(0, Tally.CAP)),
            "/screening/findings?overdue=true")));
    return "fragments/tally :: card";
  }

  @Configuration(proxyBeanMethods = false)
  static class Widget {

    @Bean
    HomeWidget screeningHomeWidget() {
      return new HomeWidget(45, "/screening/findings/widget", "SCREENING_READ");
    }
  }
}
