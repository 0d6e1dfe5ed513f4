package org.epicommand.analytics.web;

import org.epicommand.account.CurrentUser;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The command hall's big screen (指挥大屏) at {@code /screen}: a page of its own, without the menu, for a
 * wall screen or the kiosk account; its script reads {@code /screen/data} (see MapApiController).
 */
@Controller
@PreAuthorize("hasAuthority('SCREEN_READ')")
class ScreenPageController {

  /** How often the screen reads its figures again, and how long the focus stays on a district. */
  static final int REFRESH_SECONDS = 60;
  static final int FOCUS_SECONDS = 10;

  private final FormMessages forms;
  private final CurrentUser currentUser;
  private final java.time.Clock clock;

  ScreenPageController(FormMessages forms, CurrentUser currentUser, java.time.Clock clock) {
    this.forms = forms;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @GetMapping("/screen")
  String screen(Model model) {
    model.addAttribute("labels", MapLabels.screenJson(forms));
    model.addAttribute("areaName", currentUser.get().jurisdictionName());
    model.addAttribute("refreshSeconds", REFRESH_SECONDS);
    model.addAttribute("focusSeconds", FOCUS_SECONDS);
    // the hall's clock shows the city's time, whatever the screen's computer is set to
    model.addAttribute("utcOffsetMinutes", clock.getZone().getRules().getOffset(clock.instant())
        .getTotalSeconds() / 60);
    return "analytics/screen";
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem screenNavigation() {
      return new NavigationItem(11, "/screen", "nav.screen", "SCREEN_READ", NavigationGroup.COMMAND);
    }
  }
}
