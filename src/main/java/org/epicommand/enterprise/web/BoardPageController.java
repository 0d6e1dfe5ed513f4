package org.epicommand.enterprise.web;

import java.util.HashMap;
import java.util.Map;
import org.epicommand.enterprise.DailyHealth;
import org.epicommand.enterprise.ResumptionBoard;
import org.epicommand.shared.NavigationItem;
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
 * day's 晨午检 completeness — all inside the caller's reach.
 */
@Controller
@PreAuthorize(ApplicationApiController.READ)
class BoardPageController {

  private final ResumptionBoard board;
  private final DailyHealth health;

  BoardPageController(ResumptionBoard board, DailyHealth health) {
    this.board = board;
    this.health = health;
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
      return new NavigationItem(660, "/enterprise/applications", "nav.resumptionApplications", "RESUMPTION_READ");
    }

    @Bean
    NavigationItem resumptionBoardNavigation() {
      return new NavigationItem(665, "/enterprise/board", "nav.resumptionBoard", "RESUMPTION_READ");
    }
  }
}
