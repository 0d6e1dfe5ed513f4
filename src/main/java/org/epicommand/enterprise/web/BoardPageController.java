package org.epicommand.enterprise.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.account.CurrentUser;
import org.epicommand.command.ReportStatus;
import org.epicommand.enterprise.ApplicationState;
import org.epicommand.enterprise.DailyHealth;
import org.epicommand.enterprise.ResumptionApplications;
import org.epicommand.enterprise.ResumptionBoard;
import org.epicommand.enterprise.StaffLedger;
import org.epicommand.organisation.Organisations;
import org.epicommand.shared.HomeWidget;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Tally;
import org.epicommand.shared.Paging;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The resumption board ({@code /enterprise/board}) for 属地 and the sector departments: 复工率 and
 * 返岗率 by sector × district, schools opened per cohort, scenic visitors against their cap, and the
 * day's 晨午检 completeness — all inside the caller's reach; and the reopening card of the home page.
 */
@Controller
@PreAuthorize(ApplicationApiController.READ)
class BoardPageController {

  private final ResumptionBoard board;
  private final DailyHealth health;
  private final ResumptionApplications applications;
  private final Organisations organisations;
  private final StaffLedger ledger;
  private final CurrentUser currentUser;

  BoardPageController(ResumptionBoard board, DailyHealth health, ResumptionApplications applications,
      Organisations organisations, StaffLedger ledger, CurrentUser currentUser) {
    this.board = board;
    this.health = health;
    this.applications = applications;
    this.organisations = organisations;
    this.ledger = ledger;
    this.currentUser = currentUser;
  }

  /**
   * The home card: applications waiting for review and for the site inspection, and those overdue; for
   * a contact, their organisation's staff on duty, linking to its page; the organisations without the day's
   * health report, linking to their list.
   */
  @GetMapping("/enterprise/widget")
  String widget(Model model) {
    List<Tally> tallies = new ArrayList<>();
    organisations.boundOrganisation(currentUser.get()).ifPresent(org -> tallies.add(new Tally(
        "home.widget.resumption.ownStaff", ledger.staffing(org.id()).onDuty(), false,
        "/organisations/" + org.id() + "/staff")));
    tallies.add(count("home.widget.resumption.submitted", ApplicationState.SUBMITTED, null));
    tallies.add(count("home.widget.resumption.inspection", ApplicationState.SITE_INSPECTION, null));
    tallies.add(count("home.widget.resumption.overdue", null, true));
    DailyHealth.CompletenessPage missing = health.completeness(null, null, null, ReportStatus.MISSING,
        Paging.of(0, 1));
    tallies.add(new Tally("home.widget.resumption.healthMissing", missing.counts().get(ReportStatus.MISSING), false,
        "/enterprise/daily-health?status=MISSING"));
    model.addAttribute("widgetId", "resumption");
    model.addAttribute("titleKey", "home.widget.resumption");
    model.addAttribute("tallies", tallies);
    return "fragments/tally :: card";
  }

  private Tally count(String key, ApplicationState state, Boolean overdue) {
    String query = state != null ? "?state=" + state : "?overdue=true";
    return Tally.of(key, applications.list(new ResumptionApplications.Filter(state, null, null, overdue),
        Paging.of(0, Tally.CAP)), "/enterprise/applications" + query);
  }

  @GetMapping("/enterprise/board")
  String board(@RequestParam(required = false) String jurisdiction, Model model) {
    model.addAttribute("board", board.board(jurisdiction));
    Map<String, Long> counts = new HashMap<>();
    health.completeness(null, null, jurisdiction, null, Paging.of(0, 1)).counts()
        .forEach((status, n) -> counts.put(status.name(), n));
    model.addAttribute("healthCounts", counts);
    model.addAttribute("jurisdiction", jurisdiction == null ? "" : jurisdiction.strip());
    return "enterprise/board";
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem resumptionApplicationsNavigation() {
      return new NavigationItem(660, "/enterprise/applications", "nav.resumptionApplications", "RESUMPTION_READ",
          NavigationGroup.ENTERPRISE);
    }

    @Bean
    HomeWidget resumptionHomeWidget() {
      return new HomeWidget(65, "/enterprise/widget", "RESUMPTION_READ");
    }

    @Bean
    NavigationItem resumptionBoardNavigation() {
      return new NavigationItem(665, "/enterprise/board", "nav.resumptionBoard", "RESUMPTION_READ",
          NavigationGroup.ENTERPRISE);
    }
  }
}
