package org.epicommand.analytics.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.analytics.Dashboard;
import org.epicommand.analytics.Dashboard.DashboardView;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.HomeWidget;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.DashboardTile;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Tally;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command dashboard (指挥大屏): the full page, and the panel alone, which the page reloads every
 * 60 seconds (htmx) and the commander's home page card summarises. Other modules' tiles ({@link DashboardTile},
 * vaccination coverage say) are loaded into the panel for the users who may read them.
 */
@Controller
@RequestMapping("/analytics/dashboard")
@PreAuthorize("hasAuthority('DASHBOARD_READ')")
class DashboardPageController {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Dashboard dashboard;
  private final FormMessages forms;
  private final org.springframework.context.MessageSource messages;
  private final List<DashboardTile> tiles;

  DashboardPageController(Dashboard dashboard, FormMessages forms, org.springframework.context.MessageSource messages,
      List<DashboardTile> tiles) {
    this.dashboard = dashboard;
    this.forms = forms;
    this.messages = messages;
    this.tiles = tiles.stream().sorted(Comparator.comparingInt(DashboardTile::order)).toList();
  }

  @GetMapping
  String page(@RequestParam(required = false) String district, Model model, Authentication user) {
    fill(district, model, user);
    model.addAttribute("mapLabels", MapLabels.json(forms));
    return "analytics/dashboard";
  }

  @GetMapping("/panel")
  String panel(@RequestParam(required = false) String district, Model model, Authentication user) {
    fill(district, model, user);
    return "analytics/dashboard :: panel";
  }

  /**
   * The home-page card: today's figures of the dashboard (the "double zero", new local and imported
   * cases, persons under management, free rooms) and a link to the dashboard itself.
   */
  @GetMapping("/widget")
  String widget(Model model, java.util.Locale locale) {
    DashboardView view = dashboard.view(null);
    Dashboard.Today today = view.today();
    long free = view.capacity().stream().mapToLong(Dashboard.Capacity::free).sum();
    model.addAttribute("widgetId", "dashboard");
    model.addAttribute("titleKey", "home.widget.dashboard");
    model.addAttribute("cardHref", "/analytics/dashboard");
    model.addAttribute("cardLinkKey", "home.widget.dashboard.open");
    model.addAttribute("alertOk", view.societyZero());
    model.addAttribute("alert", view.societyZero() ? messages.getMessage("an.societyZero", null, locale)
        : messages.getMessage("an.societyNotZero", new Object[] {today.localConfirmedSociety()
            + today.localAsymptomaticSociety()}, locale));
    model.addAttribute("tallies", java.util.List.of(
        new Tally("an.kpi.localConfirmed", today.localConfirmed(), false, "/cases"),
        new Tally("an.kpi.localAsymptomatic", today.localAsymptomatic(), false, "/cases"),
        new Tally("an.kpi.imported", today.importedConfirmed() + today.importedAsymptomatic(), false, "/cases"),
        new Tally("an.kpi.underManagement", view.underManagement(), false, "/quarantine"),
        new Tally("home.widget.dashboard.freeRooms", free, false, "/quarantine/sites")));
    return "fragments/tally :: card";
  }

  private void fill(String district, Model model, Authentication user) {
    DashboardView view = dashboard.view(district);
    model.addAttribute("d", view);
    List<String> authorities = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    model.addAttribute("tiles", tiles.stream()
        .filter(t -> t.authority() == null || authorities.contains(t.authority())).toList());
    Map<String, Object> curve = new LinkedHashMap<>();
    curve.put("days", view.curve().days().stream().map(day -> day.toString().substring(5)).toList());
    curve.put("byReport", view.curve().byReport());
    curve.put("byOnset", view.curve().byOnset());
    model.addAttribute("curve", JSON.writeValueAsString(curve));
    model.addAttribute("curveDays", Dashboard.CURVE_DAYS);
    model.addAttribute("regimes", new String[] {"CENTRALIZED", "HOME_ISOLATION", "HOME_MONITORING", "SELF_MONITORING",
        "HOSPITAL"});
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem dashboardNavigation() {
      return new NavigationItem(10, "/analytics/dashboard", "nav.dashboard", "DASHBOARD_READ",
          NavigationGroup.ANALYTICS);
    }

    @Bean
    HomeWidget dashboardHomeWidget() {
      return new HomeWidget(10, "/analytics/dashboard/widget", "DASHBOARD_READ");
    }
  }
}
