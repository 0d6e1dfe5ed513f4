package org.epicommand.workbench;

import org.epicommand.account.CurrentUser;
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
    model.addAttribute("user", user);
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
