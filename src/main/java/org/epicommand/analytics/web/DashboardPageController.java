package org.epicommand.analytics.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.epicommand.analytics.Dashboard;
import org.epicommand.analytics.Dashboard.DashboardView;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command dashboard (指挥大屏): the full page, and the panel alone, which the page reloads every
 * 60 seconds (htmx) and the commander's home page embeds.
 */
@Controller
@RequestMapping("/analytics/dashboard")
@PreAuthorize("hasAuthority('DASHBOARD_READ')")
class DashboardPageController {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Dashboard dashboard;
  private final FormMessages forms;

  DashboardPageController(Dashboard dashboard, FormMessages forms) {
    this.dashboard = dashboard;
    this.forms = forms;
  }

  @GetMapping
  String page(@RequestParam(required = false) String district, Model model) {
    fill(district, model);
    model.addAttribute("mapLabels", MapLabels.json(forms));
    return "analytics/dashboard";
  }

  @GetMapping("/panel")
  String panel(@RequestParam(required = false) String district, Model model) {
    fill(district, model);
    return "analytics/dashboard :: panel";
  }

  private void fill(String district, Model model) {
    DashboardView view = dashboard.view(district);
    model.addAttribute("d", view);
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
      return new NavigationItem(10, "/analytics/dashboard", "nav.dashboard", "DASHBOARD_READ");
    }
  }
}
