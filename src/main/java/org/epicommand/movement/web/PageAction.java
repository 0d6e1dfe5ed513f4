package org.epicommand.movement.web;

import java.util.function.Supplier;
import org.epicommand.platform.FormMessages;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Runs a page action and redirects: problems come back as a flash message, success as "saved". */
final class PageAction {

  private PageAction() {}

  static String run(FormMessages forms, RedirectAttributes redirect, String target, Supplier<Object> action) {
    forms.flash(redirect).sentence("problem", "；").onSuccess("saved", true).get(action)
        .ifPresent(result -> redirect.addFlashAttribute("result", result));
    return "redirect:" + target;
  }
}
