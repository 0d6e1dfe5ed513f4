package org.epicommand.workbench;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Role;
import org.epicommand.shared.HomeWidget;
import org.epicommand.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page every role lands on: the cards of the modules it works in ({@link HomeWidget}), each
 * figure a link to the list that works it off — a community worker's retests, pushed names, alerts
 * and tests due; a commander's picture of the day with a link to the dashboard.
 */
@Controller
class HomeController {

  private final List<HomeWidget> widgets;
  private final CurrentUser currentUser;

  HomeController(List<HomeWidget> widgets, CurrentUser currentUser) {
    this.widgets = widgets.stream().sorted(Comparator.comparingInt(HomeWidget::order)).toList();
    this.currentUser = currentUser;
  }

  @GetMapping("/")
  String home(Model model) {
    // the command hall's screen account opens the big screen, full screen, without a menu
    if (currentUser.get().roles().equals(Set.of(Role.KIOSK))) {
      return "redirect:/screen";
    }
    Set<String> authorities = SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    model.addAttribute("widgets", widgets.stream().filter(w -> w.visibleTo(authorities)).toList());
    return "workbench/home";
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem homeNavigation() {
      return new NavigationItem(0, "/", "nav.home", null, null);
    }
  }
}
