package org.epicommand.supervision.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.epicommand.shared.HomeWidget;
import org.epicommand.shared.Paging;
import org.epicommand.shared.Tally;
import org.epicommand.supervision.InspectionPlanning;
import org.epicommand.supervision.ProblemRectification;
import org.epicommand.supervision.ProblemState;
import org.epicommand.supervision.VisitState;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home-page card of supervision: an inspector's visits of the day and the problems waiting for
 * them (to assign, to verify); a unit's problems to rectify and those past their deadline.
 */
@Controller
@PreAuthorize("hasAuthority('SUPERVISION_READ')")
class SupervisionWidgetController {

  private final InspectionPlanning planning;
  private final ProblemRectification rectification;
  private final Clock clock;

  SupervisionWidgetController(InspectionPlanning planning, ProblemRectification rectification, Clock clock) {
    this.planning = planning;
    this.rectification = rectification;
    this.clock = clock;
  }

  @GetMapping("/supervision/widget")
  String widget(Model model) {
    Set<String> held = SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    Paging first = Paging.of(0, Tally.CAP);
    List<Tally> tallies = new ArrayList<>();
    if (held.contains("INSPECTION_MANAGE")) {
      LocalDate today = LocalDate.now(clock);
      long planned = planning.visits(VisitState.PLANNED, first).items().stream()
          .filter(v -> v.plannedAt() != null && !v.plannedAt().atZoneSameInstant(clock.getZone()).toLocalDate()
              .isAfter(today))
          .count();
      long running = planning.visits(VisitState.IN_PROGRESS, first).items().size();
      tallies.add(new Tally("home.widget.supervision.visitsToday", planned + running, false, "/supervision/visits"));
      tallies.add(Tally.of("home.widget.supervision.toAssign", rectification.list(ProblemState.FOUND, null, null, null,
          first), "/supervision/problems?state=FOUND"));
      tallies.add(Tally.of("home.widget.supervision.toVerify", rectification.list(ProblemState.EVIDENCE_SUBMITTED, null,
          null, null, first), "/supervision/problems?state=EVIDENCE_SUBMITTED"));
    }
    if (held.contains("PROBLEM_RECTIFY")) {
      tallies.add(Tally.of("home.widget.supervision.toRectify", rectification.list(ProblemState.ASSIGNED, null, null,
          null, first), "/supervision/problems?state=ASSIGNED"));
      tallies.add(Tally.of("home.widget.supervision.rectifying", rectification.list(ProblemState.RECTIFYING, null, null,
          null, first), "/supervision/problems?state=RECTIFYING"));
    }
    tallies.add(Tally.of("home.widget.supervision.overdue", rectification.list(null, null, true, null, first),
        "/supervision/problems?overdue=true"));
    model.addAttribute("widgetId", "supervision");
    model.addAttribute("titleKey", "home.widget.supervision");
    model.addAttribute("tallies", tallies);
    return "fragments/tally :: card";
  }

  @Configuration(proxyBeanMethods = false)
  static class Widget {

    @Bean
    HomeWidget supervisionHomeWidget() {
      return new HomeWidget(60, "/supervision/widget", "INSPECTION_MANAGE,PROBLEM_RECTIFY");
    }
  }
}
