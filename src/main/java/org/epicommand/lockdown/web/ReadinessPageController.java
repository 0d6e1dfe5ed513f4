package org.epicommand.lockdown.web;

import org.epicommand.lockdown.LockdownReadiness;
import org.epicommand.lockdown.Readiness;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The readiness page (封控人力准备): per district the persons a day the posts and a scenario need vs the pool. */
@Controller
@PreAuthorize("hasAuthority('MOVEMENT_READ')")
class ReadinessPageController {

  private final LockdownReadiness readiness;
  private final FormMessages forms;

  ReadinessPageController(LockdownReadiness readiness, FormMessages forms) {
    this.readiness = readiness;
    this.forms = forms;
  }

  @GetMapping("/lockdown/readiness")
  String page(@RequestParam(required = false) Integer gates, @RequestParam(required = false) Integer buildings,
      @RequestParam(required = false) Integer households, @RequestParam(required = false) Integer residents,
      Model model) {
    Readiness.Scenario scenario = new Readiness.Scenario(gates, buildings, households, residents);
    model.addAttribute("scenario", scenario);
    forms.model(model).sentence("problem", " ").get(() -> readiness.readiness(null, scenario))
        .ifPresent(rows -> model.addAttribute("rows", rows));
    return "lockdown/readiness";
  }

  @Configuration(proxyBeanMethods = false)
  static class Menu {

    @Bean
    NavigationItem lockdownReadinessNavigation() {
      return new NavigationItem(539, "/lockdown/readiness", "nav.lockdown.readiness", "MOVEMENT_READ",
          NavigationGroup.MOVEMENT);
    }
  }
}
