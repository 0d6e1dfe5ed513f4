package org.epicommand.quarantine.web;

import org.epicommand.platform.CityZonePage;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.RecordNotFound;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the quarantine pages share: the city's time zone for showing times, and one way to run a
 * page action — a success notice, or the 400/409 answer as a clear message on the page it came from
 * (post, redirect, get), never an error page.
 */
@Component
class QuarantinePages {

  /** Marks the quarantine page controllers: their models carry the city's {@code zone}. */
  interface Page extends CityZonePage {}

  /** A state-changing step of a page. */
  @FunctionalInterface
  interface Step {
    void run();
  }

  private final FormMessages forms;

  QuarantinePages(FormMessages forms) {
    this.forms = forms;
  }

  /** Runs {@code step}; flashes {@code notice} on success or {@code problem} (and field {@code errors}) on failure. */
  String run(RedirectAttributes redirect, String target, String successKey, Step step) {
    return forms.flash(redirect).notice(successKey).sentence("problem", " ").errorsAs("errors")
        .conflictText(this::problem).on(RuntimeException.class, e -> redirect.addFlashAttribute("problem", problem(e)))
        .redirect(target, step::run);
  }

  /** The message for a refused step (409, 404, 403); other failures are not the user's to fix and go on. */
  String problem(RuntimeException e) {
    if (e instanceof Conflict conflict) {
      return forms.text("error." + conflict.code(), conflict.currentState());
    }
    if (e instanceof RecordNotFound) {
      return forms.text("qp.notFound");
    }
    if (e instanceof AccessDeniedException) {
      return forms.text("qp.forbidden");
    }
    if (e instanceof IllegalArgumentException) {
      return forms.text("qp.badInput");
    }
    throw e;
  }

  String text(String key, Object... args) {
    return forms.text(key, args);
  }

  FormMessages forms() {
    return forms;
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem quarantineNavigation() {
      return new NavigationItem(300, "/quarantine", "nav.quarantine", "QUARANTINE_READ", NavigationGroup.QUARANTINE);
    }

    /** Administrators hold no quarantine permission but keep the rule sets. */
    @Bean
    NavigationItem ruleSetNavigation() {
      return new NavigationItem(860, "/quarantine/rule-sets", "nav.ruleSets", "RULE_SET_ADMIN", NavigationGroup.SYSTEM);
    }
  }
}
