package org.epicommand.workbench.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.SetupCheck;
import org.epicommand.shared.SetupItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The administrator's setup page ({@code /admin/setup}): everything a city still lacks before each
 * capability works — divisions, their population, accounts, labs, sampling sites, rooms, the rule set
 * in force, report templates, duty, venues, checkpoints — each with what fails without it and a link
 * to the page that fixes it. A new installation works down the list from the top.
 */
@Controller
@PreAuthorize("hasAuthority('USER_ADMIN')")
class SetupPageController {

  private final List<SetupCheck> checks;

  SetupPageController(List<SetupCheck> checks) {
    this.checks = checks;
  }

  @GetMapping("/admin/setup")
  String setup(Model model) {
    List<SetupItem> items = items(model);
    Map<String, List<SetupItem>> byArea = new LinkedHashMap<>();
    items.forEach(item -> byArea.computeIfAbsent(item.area(), area -> new java.util.ArrayList<>()).add(item));
    model.addAttribute("areas", byArea);
    return "workbench/setup";
  }

  /** The administrator's home card: how much is ready, and what is not yet, each with its page. */
  @GetMapping("/admin/setup/widget")
  String widget(Model model) {
    model.addAttribute("missing", items(model).stream().filter(item -> !item.ready()).toList());
    return "workbench/setup :: widget";
  }

  /** Every check's items in the order a city works through them; the model gets ready, total and percent. */
  private List<SetupItem> items(Model model) {
    List<SetupItem> items = checks.stream().flatMap(check -> check.check().stream())
        .sorted(Comparator.comparingInt(SetupItem::order)).toList();
    long ready = items.stream().filter(SetupItem::ready).count();
    model.addAttribute("ready", ready);
    model.addAttribute("total", items.size());
    model.addAttribute("percent", items.isEmpty() ? 100 : Math.round(100.0 * ready / items.size()));
    return items;
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem setupNavigation() {
      return new NavigationItem(840, "/admin/setup", "nav.setup", "USER_ADMIN", NavigationGroup.SYSTEM);
    }

    @Bean
    org.epicommand.shared.HomeWidget setupHomeWidget() {
      return new org.epicommand.shared.HomeWidget(10, "/admin/setup/widget", "USER_ADMIN");
    }
  }
}
