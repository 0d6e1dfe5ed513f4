package org.epicommand.movement.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.movement.DistrictKpi;
import org.epicommand.movement.PushedDesk;
import org.epicommand.movement.PushedItemState;
import org.epicommand.movement.PushedItems;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The pushed-list pages of the three audiences: the command office's figures per district (pushed,
 * signed, landed, overdue, with a bar chart), the district desk's unmatched names (assign to a
 * community, match to a person), and a community worker's own open items on a phone (sign, report
 * the outcome with the feedback, send the feedback).
 */
@Controller
@RequestMapping("/movement/pushed")
@PreAuthorize("hasAuthority('MOVEMENT_READ')")
class PushedPageController {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final PushedItems items;
  private final PushedDesk desk;
  private final FormMessages forms;

  PushedPageController(PushedItems items, PushedDesk desk, FormMessages forms) {
    this.items = items;
    this.desk = desk;
    this.forms = forms;
  }

  @GetMapping("/kpis")
  String kpis(Model model) {
    List<DistrictKpi> kpis = items.kpis();
    model.addAttribute("kpis", kpis);
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("names", kpis.stream().map(DistrictKpi::name).toList());
    chart.put("labels", List.of(forms.text("movement.kpi.pushed"), forms.text("movement.kpi.signed"),
        forms.text("movement.kpi.landed"), forms.text("movement.kpi.overdue")));
    chart.put("series", List.of(kpis.stream().map(DistrictKpi::pushed).toList(),
        kpis.stream().map(DistrictKpi::signed).toList(), kpis.stream().map(DistrictKpi::landed).toList(),
        kpis.stream().map(DistrictKpi::overdue).toList()));
    model.addAttribute("chart", JSON.writeValueAsString(chart));
    model.addAttribute("totalOverdue", kpis.stream().mapToLong(DistrictKpi::overdue).sum());
    return "movement/pushed-kpis";
  }

  @GetMapping("/desk")
  @PreAuthorize("hasAuthority('PUSHED_LIST_IMPORT')")
  String desk(@RequestParam(required = false) Integer page, Model model) {
    FormMessages.pager(model, desk.atDesk(Paging.of(page, 20)));
    model.addAttribute("communities", desk.communities());
    return "movement/pushed-desk";
  }

  @PostMapping("/desk/{id}/assign")
  @PreAuthorize("hasAuthority('PUSHED_LIST_IMPORT')")
  String assign(@PathVariable UUID id, @RequestParam(required = false) String communityCode,
      RedirectAttributes redirect) {
    return PageAction.run(forms, redirect, "/movement/pushed/desk", () -> desk.assign(id, communityCode));
  }

  @PostMapping("/desk/{id}/match")
  @PreAuthorize("hasAuthority('PUSHED_LIST_IMPORT')")
  String match(@PathVariable UUID id, @RequestParam(required = false) String idNumber, RedirectAttributes redirect) {
    return PageAction.run(forms, redirect, "/movement/pushed/desk", () -> desk.match(id, idNumber));
  }

  @GetMapping("/mine")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  String mine(@RequestParam(required = false) Integer page, Model model) {
    FormMessages.pager(model, items.open(Paging.of(page, 20)));
    model.addAttribute("outcomes", PushedItemState.OUTCOMES);
    return "movement/pushed-mine";
  }

  /** The home-page card: the pushed names still open in the worker's area. */
  @GetMapping("/widget")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  String widget(Model model) {
    model.addAttribute("widgetId", "movement");
    model.addAttribute("titleKey", "home.widget.movement");
    model.addAttribute("tallies", List.of(org.epicommand.shared.Tally.of("home.widget.movement.open",
        items.open(Paging.of(0, org.epicommand.shared.Tally.CAP)), "/movement/pushed/mine")));
    return "fragments/tally :: card";
  }

  @PostMapping("/mine/{id}/sign")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  String sign(@PathVariable UUID id, RedirectAttributes redirect) {
    return PageAction.run(forms, redirect, "/movement/pushed/mine", () -> items.sign(id));
  }

  @PostMapping("/mine/{id}/report")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  String report(@PathVariable UUID id, @RequestParam(required = false) PushedItemState outcome,
      @RequestParam(required = false) String note, RedirectAttributes redirect) {
    return PageAction.run(forms, redirect, "/movement/pushed/mine", () -> items.report(id, outcome, note));
  }

  @PostMapping("/mine/{id}/feedback")
  @PreAuthorize("hasAuthority('MOVEMENT_WRITE')")
  String feedback(@PathVariable UUID id, RedirectAttributes redirect) {
    return PageAction.run(forms, redirect, "/movement/pushed/mine", () -> items.sendFeedback(id, null));
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem pushedKpiNavigation() {
      return new NavigationItem(511, "/movement/pushed/kpis", "nav.movement.pushedKpis", "PUSHED_LIST_IMPORT",
          NavigationGroup.MOVEMENT);
    }

    @Bean
    NavigationItem pushedDeskNavigation() {
      return new NavigationItem(512, "/movement/pushed/desk", "nav.movement.pushedDesk", "PUSHED_LIST_IMPORT",
          NavigationGroup.MOVEMENT);
    }

    @Bean
    NavigationItem pushedMineNavigation() {
      return new NavigationItem(513, "/movement/pushed/mine", "nav.movement.pushedMine", "MOVEMENT_WRITE",
          NavigationGroup.MOVEMENT);
    }

    @Bean
    org.epicommand.shared.HomeWidget movementHomeWidget() {
      return new org.epicommand.shared.HomeWidget(25, "/movement/pushed/widget", "MOVEMENT_WRITE");
    }
  }
}
