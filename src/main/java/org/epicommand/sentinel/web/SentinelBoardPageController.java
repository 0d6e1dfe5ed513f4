package org.epicommand.sentinel.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.platform.FormMessages;
import org.epicommand.sentinel.DrugClass;
import org.epicommand.sentinel.PurchaseBoard;
import org.epicommand.sentinel.PurchaseBoards;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.TypedDay;
import org.epicommand.shared.ValidationFailure;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sentinel board ({@code /sentinel/board}): the registrations of the division's pharmacies per day over two
 * weeks as bars against their 7-day baseline and the rise line, the rises of the day by part and class, and the
 * day's figures per class and per part (a part links to its own board).
 */
@Controller
class SentinelBoardPageController {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final PurchaseBoards boards;
  private final FormMessages forms;

  SentinelBoardPageController(PurchaseBoards boards, FormMessages forms) {
    this.boards = boards;
    this.forms = forms;
  }

  @GetMapping("/sentinel/board")
  @PreAuthorize(SentinelApiController.READ)
  String board(@RequestParam(required = false) String jurisdiction, @RequestParam(required = false) String day,
      @RequestParam(required = false) DrugClass drugClass, Model model) {
    String division = jurisdiction == null || jurisdiction.isBlank() ? null : jurisdiction.strip();
    PurchaseBoard board;
    try {
      board = boards.board(division, TypedDay.parse(day, "day", "sentinel.board.day"), drugClass);
    } catch (ValidationFailure e) {
      model.addAttribute("problem", String.join("；", forms.of(e).values()));
      board = boards.board(division, null, drugClass);
    }
    model.addAttribute("board", board);
    model.addAttribute("jurisdiction", division == null ? "" : division);
    model.addAttribute("classes", DrugClass.values());
    model.addAttribute("chart", JSON.writeValueAsString(chart(board)));
    return "sentinel/board";
  }

  /** The chart's data: the days, the registrations, the baselines and the rise line (baseline × (1 + share)). */
  private Map<String, Object> chart(PurchaseBoard board) {
    List<String> days = new ArrayList<>();
    List<Long> registrations = new ArrayList<>();
    List<Double> baselines = new ArrayList<>();
    List<Double> rise = new ArrayList<>();
    for (PurchaseBoard.Day d : board.days()) {
      days.add(d.day().toString().substring(5));
      registrations.add(d.registrations());
      baselines.add(d.baseline());
      rise.add(Math.round(Math.max(d.baseline() * (100 + board.risePercent()) / 100, board.riseMinimum()) * 10)
          / 10.0);
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("days", days);
    chart.put("registrations", registrations);
    chart.put("baselines", baselines);
    chart.put("rise", rise);
    chart.put("registrationsName", forms.text("sentinel.board.registrations"));
    chart.put("baselineName", forms.text("sentinel.board.baseline"));
    chart.put("riseName", forms.text("sentinel.board.riseLine", board.risePercent()));
    return chart;
  }

  @Configuration(proxyBeanMethods = false)
  static class Menu {

    @Bean
    NavigationItem sentinelBoardNavigation() {
      return new NavigationItem(558, "/sentinel/board", "nav.sentinelBoard", "SENTINEL_READ",
          NavigationGroup.SENTINEL);
    }
  }
}
