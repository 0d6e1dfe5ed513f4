package org.epicommand.lockdown.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.epicommand.lockdown.Volunteer;
import org.epicommand.lockdown.VolunteerTasks;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.HomeWidget;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Tally;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The volunteer's phone page (我的任务): today's and coming shifts with the check-in button, and the
 * deliveries assigned to them with the address, the phone and the "delivered" button; the home card.
 */
@Controller
@RequestMapping("/lockdown/my")
@PreAuthorize("hasAuthority('LOCKDOWN_TASK')")
class VolunteerPageController {

  private static final String PAGE = "/lockdown/my";

  private final VolunteerTasks tasks;
  private final FormMessages forms;
  private final Clock clock;

  VolunteerPageController(VolunteerTasks tasks, FormMessages forms, Clock clock) {
    this.tasks = tasks;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping
  String page(Model model) {
    model.addAttribute("tasks", tasks.mine());
    model.addAttribute("zone", clock.getZone());
    return "lockdown/my";
  }

  @PostMapping("/shifts/{id}/check-in")
  String checkIn(@PathVariable UUID id, RedirectAttributes redirect) {
    return forms.run(redirect, PAGE, "lockdown.my.checkedIn", () -> tasks.checkIn(id));
  }

  @PostMapping("/requests/{id}/deliver")
  String deliver(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
    return forms.run(redirect, PAGE, "lockdown.my.delivered", () -> tasks.deliver(id, new Volunteer.Delivered(note)));
  }

  /** The home card: shifts not checked in yet and deliveries to make. */
  @GetMapping("/widget")
  String widget(Model model) {
    Volunteer me = tasks.mine();
    model.addAttribute("widgetId", "lockdown-my");
    model.addAttribute("titleKey", "lockdown.my.title");
    model.addAttribute("cardHref", PAGE);
    model.addAttribute("tallies", List.of(
        new Tally("lockdown.my.shiftsToCheckIn", me.shifts().stream()
            .filter(s -> s.checkedInAt() == null && s.state().name().equals("ASSIGNED")).count(), false, PAGE),
        new Tally("lockdown.my.deliveries", me.deliveries().size(), false, PAGE)));
    return "fragments/tally :: card";
  }

  @Configuration(proxyBeanMethods = false)
  static class Menu {

    @Bean
    NavigationItem lockdownMyNavigation() {
      return new NavigationItem(538, PAGE, "nav.lockdown.my", "LOCKDOWN_TASK", NavigationGroup.MOVEMENT);
    }

    @Bean
    HomeWidget lockdownMyHomeWidget() {
      return new HomeWidget(5, PAGE + "/widget", "LOCKDOWN_TASK");
    }
  }
}
