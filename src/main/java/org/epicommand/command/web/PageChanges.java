package org.epicommand.command.web;

import org.epicommand.platform.FormMessages;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A change made from a page form that redirects afterwards: the flash then says {@code saved}, or
 * under {@code failureKey} what went wrong (bad fields, or a 409's reason with the current state)
 * in the user's language.
 */
final class PageChanges {

  private PageChanges() {}

  /** Runs the change; true when it went through. */
  static boolean run(FormMessages forms, RedirectAttributes redirect, String failureKey, Runnable change) {
    return forms.flash(redirect).sentence(failureKey, " ").conflictAs(failureKey).onSuccess("saved", true).run(change);
  }
}
