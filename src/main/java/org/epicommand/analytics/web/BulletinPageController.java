package org.epicommand.analytics.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.epicommand.analytics.Bulletin;
import org.epicommand.analytics.BulletinState;
import org.epicommand.analytics.Bulletins;
import org.epicommand.platform.FormMessages;
import org.epicommand.platform.PageStep;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
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
 * The command office's bulletin desk (信息发布): {@code /analytics/bulletins} (list, draft a day) and
 * {@code /analytics/bulletins/{date}} (edit the draft, approve, publish).
 */
@Controller
@RequestMapping("/analytics/bulletins")
@PreAuthorize("hasAuthority('BULLETIN_MANAGE')")
class BulletinPageController {

  private final Bulletins bulletins;
  private final FormMessages forms;
  private final Clock clock;

  BulletinPageController(Bulletins bulletins, FormMessages forms, Clock clock) {
    this.bulletins = bulletins;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("bulletins", bulletins.list());
    model.addAttribute("today", LocalDate.now(clock));
    return "analytics/bulletins";
  }

  @PostMapping
  String draft(@RequestParam(required = false) String date, RedirectAttributes redirect) {
    LocalDate day;
    try {
      day = date == null || date.isBlank() ? LocalDate.now(clock) : LocalDate.parse(date);
    } catch (java.time.format.DateTimeParseException e) {
      redirect.addFlashAttribute("problem", forms.text("error.analytics.reportDate"));
      return "redirect:/analytics/bulletins";
    }
    PageStep refusals = forms.flash(redirect).firstMessage("problem").onSuccess("done", forms.text("bulletin.drafted"))
        .conflictGoesTo(e -> {
          redirect.addFlashAttribute("problem", forms.text("error." + e.code(), e.existingId()));
          return "redirect:/analytics/bulletins/" + day;
        });
    return refusals.view(() -> {
      bulletins.draft(day);
      return "redirect:/analytics/bulletins/" + day;
    }, () -> "redirect:/analytics/bulletins");
  }

  @GetMapping("/{date}")
  String show(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
    Bulletin bulletin = bulletins.get(date);
    model.addAttribute("b", bulletin);
    model.addAttribute("draft", bulletin.state() == BulletinState.DRAFT);
    return "analytics/bulletin";
  }

  @PostMapping("/{date}")
  String edit(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(required = false) String text, RedirectAttributes redirect) {
    return act(date, () -> bulletins.edit(date, text), "bulletin.saved", redirect);
  }

  @PostMapping("/{date}/approve")
  String approve(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      RedirectAttributes redirect) {
    return act(date, () -> bulletins.approve(date), "bulletin.approved", redirect);
  }

  @PostMapping("/{date}/publish")
  String publish(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      RedirectAttributes redirect) {
    return act(date, () -> bulletins.publish(date), "bulletin.published", redirect);
  }

  private String act(LocalDate date, Supplier<Bulletin> action, String doneKey, RedirectAttributes redirect) {
    return forms.flash(redirect).firstMessage("problem").onSuccess("done", forms.text(doneKey))
        .conflictText(e -> forms.text("error." + e.code(), forms.text("bulletin.state." + e.currentState())))
        .redirect("/analytics/bulletins/" + date, action::get);
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem bulletinNavigation() {
      return new NavigationItem(12, "/analytics/bulletins", "nav.bulletins", "BULLETIN_MANAGE",
          NavigationGroup.ANALYTICS);
    }
  }
}
