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
  private final java.util.List<org.epicommand.shared.HomeWidget> widgets;

  HomeController(CurrentUser currentUser, java.util.List<org.epicommand.shared.HomeWidget> widgets) {
    this.currentUser = currentUser;
    this.widgets = widgets.stream()
        .sorted(java.util.Comparator.comparingInt(org.epicommand.shared.HomeWidget::order)).toList();
  }

  @GetMapping("/")
  String home(Model model) {
    UserContext user = currentUser.get();
    // a community or street worker's day starts with the people of their own area
    boolean fieldWorker = user.hasRole(Role.COMMUNITY_WORKER) || user.hasRole(Role.STREET_STAFF);
    if (fieldWorker && !user.hasRole(Role.COMMANDER)) {
      return "redirect:/persons";
    }
    // the command hall's screen account opens the big screen, full screen, without a menu
    if (user.roles().equals(java.util.Set.of(Role.KIOSK))) {
      return "redirect:/screen";
    }
    model.addAttribute("user", user);
    model.addAttribute("commander", user.hasRole(Role.COMMANDER));
    // each module's summary card the user may see (work lists, deadlines, retests, pushed names)
    java.util.Set<String> authorities = org.springframework.security.core.context.SecurityContextHolder.getContext()
        .getAuthentication().getAuthorities().stream()
        .map(org.springframework.security.core.GrantedAuthority::getAuthority).collect(java.util.stream.Collectors.toSet());
    model.addAttribute("widgets", widgets.stream()
        .filter(w -> w.authority() == null || authorities.contains(w.authority())).toList());
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
