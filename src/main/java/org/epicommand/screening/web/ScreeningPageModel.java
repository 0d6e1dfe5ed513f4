package org.epicommand.screening.web;

import java.time.Clock;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.UserContext;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every screening page needs: the city's zone and what the caller may do there. */
@ControllerAdvice(assignableTypes = {ScreeningPageController.class, FindingPageController.class,
    ScreeningSitePageController.class,
    GatheringPageController.class})
class ScreeningPageModel {

  private final CurrentUser currentUser;
  private final Clock clock;

  ScreeningPageModel(CurrentUser currentUser, Clock clock) {
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @ModelAttribute
  void common(Model model) {
    UserContext user = currentUser.get();
    model.addAttribute("zone", clock.getZone());
    model.addAttribute("canManage", user.has(Permission.SCREENING_MANAGE));
    model.addAttribute("canAssign", user.has(Permission.SCREENING_ASSIGN));
    model.addAttribute("canVisit", user.has(Permission.SCREENING_VISIT));
  }
}
