package org.epicommand.account.web;

import java.util.ArrayList;
import java.util.List;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.RoleGrants;
import org.epicommand.account.UserAdministration;
import org.epicommand.shared.HomeWidget;
import org.epicommand.shared.Paging;
import org.epicommand.shared.Tally;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home card of the security administrator and the auditor: temporary roles in force (break the
 * glass) and, for the security administrator, the accounts.
 */
@Controller
@PreAuthorize("hasAnyAuthority('ACCESS_ADMIN', 'AUDIT_READ')")
class AccountWidgetController {

  private final RoleGrants grants;
  private final UserAdministration users;
  private final CurrentUser currentUser;

  AccountWidgetController(RoleGrants grants, UserAdministration users, CurrentUser currentUser) {
    this.grants = grants;
    this.users = users;
    this.currentUser = currentUser;
  }

  @GetMapping("/account/widget")
  String widget(Model model) {
    List<RoleGrants.GrantView> recent = grants.list(null, Paging.of(0, Tally.CAP)).items();
    List<Tally> tallies = new ArrayList<>();
    tallies.add(new Tally("home.widget.access.activeGrants",
        recent.stream().filter(g -> g.state() == RoleGrants.State.ACTIVE).count(), false, "/grants"));
    tallies.add(new Tally("home.widget.access.grants", recent.size(), recent.size() >= Tally.CAP, "/grants"));
    if (currentUser.get().has(Permission.USER_READ)) {
      tallies.add(new Tally("home.widget.access.accounts", users.count(), false, "/users"));
    }
    model.addAttribute("widgetId", "access");
    model.addAttribute("titleKey", "home.widget.access");
    model.addAttribute("cardHref", "/grants");
    model.addAttribute("cardLinkKey", "home.widget.access.open");
    model.addAttribute("tallies", tallies);
    return "fragments/tally :: card";
  }

  @Configuration(proxyBeanMethods = false)
  static class Widget {

    @Bean
    HomeWidget accessHomeWidget() {
      return new HomeWidget(20, "/account/widget", "ACCESS_ADMIN,AUDIT_READ");
    }
  }
}
