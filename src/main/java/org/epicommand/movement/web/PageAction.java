package org.epicommand.movement.web;

import java.util.function.Supplier;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.ValidationFailure;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Runs a page action and redirects: problems come back as a flash message, success as "saved". */
final class PageAction {

  private PageAction() {}

  static String run(FormMessages forms, RedirectAttributes redirect, String target, Supplier<Object> action) {
    try {
      Object result = action.get();
      redirect.addFlashAttribute("saved", true);
      if (result != null) {
        redirect.addFlashAttribute("result", result);
      }
    } catch (ValidationFailure e) {
      redirect.addFlashAttribute("problem", String.join("；", forms.of(e).values()));
    } catch (Conflict e) {
      redirect.addFlashAttribute("problem", forms.text("error." + e.code(), e.currentState()));
    }
    return "redirect:" + target;
  }
}
