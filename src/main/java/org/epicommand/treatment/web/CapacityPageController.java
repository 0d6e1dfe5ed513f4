package org.epicommand.treatment.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epicommand.analytics.Projections;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.treatment.CapacityBoard;
import org.epicommand.treatment.Consultation;
import org.epicommand.treatment.Consultations;
import org.epicommand.treatment.ExpertTeam;
import org.epicommand.treatment.ExpertTeams;
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
 * Beds against need ({@code /treatment/capacity}: the projection's beds, the beds active and
 * activatable day by day, the gap and the day it opens), the dashboard's beds tile
 * ({@code /treatment/tile}, loaded into the command dashboard) and the expert teams page
 * ({@code /treatment/experts}: teams, a form for a new one, the cases waiting for a team, the cases with
 * a team) with each case's consultation log ({@code /treatment/experts/cases/{id}}).
 */
@Controller
@RequestMapping("/treatment")
class CapacityPageController {

  private final CapacityBoard board;
  private final ExpertTeams teams;
  private final Consultations consultations;
  private final FormMessages forms;
  private final java.time.Clock clock;

  CapacityPageController(CapacityBoard board, ExpertTeams teams, Consultations consultations, FormMessages forms,
      java.time.Clock clock) {
    this.board = board;
    this.teams = teams;
    this.consultations = consultations;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping("/capacity")
  @PreAuthorize(CapacityApiController.READ)
  String capacity(Projections.Request asked, Model model) {
    Projections.Request request = CapacityBoard.defaults(asked);
    model.addAttribute("q", request);
    forms.model(model).letConflictsThrough().run(() -> {
      CapacityBoard.Gap gap = board.gap(request);
      model.addAttribute("g", gap);
      // a row a week, and the day the gap opens
      List<Integer> rows = new ArrayList<>();
      for (int d = 0; d < gap.dates().size(); d++) {
        if (d % 7 == 0 || d == gap.dates().size() - 1 || gap.dates().get(d).equals(gap.gapOpensOn())) {
          rows.add(d);
        }
      }
      model.addAttribute("rows", rows);
    });
    return "treatment/capacity";
  }

  @GetMapping("/tile")
  @PreAuthorize(CapacityApiController.READ)
  String tile(@RequestParam(required = false) String district, Model model) {
    model.addAttribute("t", board.totals(district == null || district.isBlank() ? null : district));
    model.addAttribute("gap", board.summary());
    return "treatment/tile :: tile";
  }

  @GetMapping("/experts")
  @PreAuthorize(HospitalApiController.ADMIN)
  String experts(Model model) {
    model.addAttribute("teams", teams.list());
    model.addAttribute("waiting", teams.waiting());
    model.addAttribute("assigned", teams.assigned());
    return "treatment/experts";
  }

  @GetMapping("/experts/cases/{id}")
  @PreAuthorize(HospitalApiController.ADMIN)
  String consultations(@PathVariable UUID id, Model model) {
    model.addAttribute("assignment", teams.of(id).orElse(null));
    model.addAttribute("log", consultations.of(id));
    model.addAttribute("caseId", id);
    model.addAttribute("today", java.time.LocalDate.now(clock));
    return "treatment/consultations";
  }

  @PostMapping("/experts/cases/{id}/consultations")
  @PreAuthorize(HospitalApiController.ADMIN)
  String consult(@PathVariable UUID id, @RequestParam(required = false) String date,
      @RequestParam(required = false) String summary, @RequestParam(required = false) String plan,
      RedirectAttributes redirect) {
    return forms.flash(redirect).notice("treatment.consultation.recorded").sentence("problem", " ")
        .conflictText(conflict -> forms.text("error." + conflict.code()))
        .redirect("/treatment/experts/cases/" + id, () -> consultations.record(id,
            new Consultation.New(date, summary, plan)));
  }

  @PostMapping("/experts")
  @PreAuthorize(HospitalApiController.ADMIN)
  String createTeam(@RequestParam(required = false) String name,
      @RequestParam(required = false) String jurisdictionCode,
      @RequestParam(required = false) List<String> memberName, @RequestParam(required = false) List<String> speciality,
      @RequestParam(required = false) List<String> hospital, @RequestParam(required = false) List<String> phone,
      RedirectAttributes redirect) {
    List<ExpertTeam.Member> members = new ArrayList<>();
    for (int i = 0; memberName != null && i < memberName.size(); i++) {
      if (!memberName.get(i).isBlank()) {
        members.add(new ExpertTeam.Member(memberName.get(i), at(speciality, i), at(hospital, i), at(phone, i)));
      }
    }
    return act(redirect, "treatment.team.created", () -> teams.create(new ExpertTeam(null, name, jurisdictionCode,
        members)));
  }

  @PostMapping("/experts/assign")
  @PreAuthorize(HospitalApiController.ADMIN)
  String assign(@RequestParam String caseId, @RequestParam(required = false) String teamId,
      @RequestParam(required = false) String leadExpert, RedirectAttributes redirect) {
    return act(redirect, "treatment.team.assigned", () -> teams.assign(UUID.fromString(caseId), teamId, leadExpert));
  }

  private String act(RedirectAttributes redirect, String notice, Runnable change) {
    return forms.flash(redirect).notice(notice).sentence("problem", " ")
        .conflictText(conflict -> forms.text("error." + conflict.code()))
        .on(IllegalArgumentException.class, e -> redirect.addFlashAttribute("problem",
            forms.text("error.treatment.admission.caseId")))
        .redirect("/treatment/experts", change);
  }

  private static String at(List<String> values, int i) {
    return values == null || i >= values.size() ? null : values.get(i);
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem capacityNavigation() {
      return new NavigationItem(471, "/treatment/capacity", "nav.treatment.capacity", "TREATMENT_READ",
          NavigationGroup.TREATMENT);
    }

    @Bean
    NavigationItem expertsNavigation() {
      return new NavigationItem(472, "/treatment/experts", "nav.treatment.experts", "TREATMENT_ADMIN",
          NavigationGroup.TREATMENT);
    }
  }
}
