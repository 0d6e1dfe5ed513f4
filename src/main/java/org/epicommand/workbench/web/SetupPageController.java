package org.epicommand.workbench.web;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.Role;
import org.epicommand.account.UserContext;
import org.epicommand.shared.HomeWidget;
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
 * to the page that fixes it, or, where that page is not the administrator's, the roles that set it up
 * (the command post's units, venues, rooms…). A new installation works down the list from the top.
 */
@Controller
@PreAuthorize("hasAuthority('USER_ADMIN')")
class SetupPageController {

  /**
   * An item as the viewer sees it: whether they may open its fix page ({@code fixable}), and if not
   * the roles whose holders set it up ({@code fixers}, so that nobody is sent to a page that refuses them).
   */
  record Row(SetupItem item, boolean fixable, List<Role> fixers) {}

  private final List<SetupCheck> checks;
  private final CurrentUser currentUser;

  SetupPageController(List<SetupCheck> checks, CurrentUser currentUser) {
    this.checks = checks;
    this.currentUser = currentUser;
  }

  @GetMapping("/admin/setup")
  String setup(Model model) {
    Map<String, List<Row>> byArea = new LinkedHashMap<>();
    rows(model).forEach(row -> byArea.computeIfAbsent(row.item().area(), area -> new ArrayList<>()).add(row));
    model.addAttribute("areas", byArea);
    return "workbench/setup";
  }

  /** The administrator's home card: how much is ready, and what is not yet, each with its page or its roles. */
  @GetMapping("/admin/setup/widget")
  String widget(Model model) {
    model.addAttribute("missing", rows(model).stream().filter(row -> !row.item().ready()).toList());
    return "workbench/setup :: widget";
  }

  /** Every check's items in the order a city works through them; the model gets ready, total and percent. */
  private List<Row> rows(Model model) {
    UserContext user = currentUser.get();
    List<Row> rows = checks.stream().flatMap(check -> check.check().stream())
        .sorted(Comparator.comparingInt(SetupItem::order)).map(item -> row(item, user)).toList();
    long ready = rows.stream().filter(row -> row.item().ready()).count();
    model.addAttribute("ready", ready);
    model.addAttribute("total", rows.size());
    model.addAttribute("percent", rows.isEmpty() ? 100 : Math.round(100.0 * ready / rows.size()));
    return rows;
  }

  private static Row row(SetupItem item, UserContext user) {
    if (item.authority() == null || user.has(Permission.valueOf(item.authority()))) {
      return new Row(item, true, List.of());
    }
    Permission needed = Permission.valueOf(item.authority());
    return new Row(item, false, Arrays.stream(Role.values()).filter(role -> role.permissions().contains(needed))
        .toList());
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem setupNavigation() {
      return new NavigationItem(840, "/admin/setup", "nav.setup", "USER_ADMIN", NavigationGroup.SYSTEM);
    }

    @Bean
    HomeWidget setupHomeWidget() {
      return new HomeWidget(10, "/admin/setup/widget", "USER_ADMIN");
    }
  }
}
