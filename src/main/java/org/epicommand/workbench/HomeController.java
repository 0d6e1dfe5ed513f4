package org.epicommand.workbench;

import org.epicommand.account.CurrentUser;
import org.epicommand.account.Role;
import org.epicommand.account.UserContext;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page. */
@Controller
class HomeController {

  private final CurrentUser currentUser;

  HomeController(CurrentUser currentUser) {
    this.currentUser = currentUser;
  }

  @GetMapping("/")
  String home(Model model) {
    UserContext user = currentUser.get();
    // a community or street worker's day starts with the people of their own area
    boolean fieldWorker = user.hasRole(Role.COMMUNITY_WORKER) || user.hasRole(Role.STREET_STAFF);
    if (fieldWorker && !user.hasRole(Role.COMMANDER)) {
      return "redirect:/persons";
    }
    model.addAttribute("user", user);
    model.addAttribute("commander", user.hasRole(Role.COMMANDER));
    return "workbench/home";
  }

  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  static class Navigation {

    @org.springframework.context.annotation.Bean
    org.epicommand.shared.NavigationItem homeNavigation() {
      return new org.epicommand.shared.NavigationItem(0, "/", "nav.home", null);
    }
  }
}
