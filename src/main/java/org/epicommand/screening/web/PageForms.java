package org.epicommand.screening.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.epicommand.platform.FormMessages;
import org.epicommand.platform.PageStep;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the screening pages share: a form post that comes back to a page with "saved" or the
 * problem in the caller's language, and the {@code datetime-local} fields in the city's zone.
 */
final class PageForms {

  private PageForms() {}

  /** Runs {@code change}; the redirect carries {@code saved} (and {@code message}) or {@code problem}. */
  static String post(FormMessages forms, RedirectAttributes redirect, String back, Runnable change, String message) {
    PageStep refusals = forms.flash(redirect).sentence("problem", "；").onSuccess("saved", true)
        .conflictText(conflict -> forms.text("error." + conflict.code(),
            conflict.currentState() == null ? "" : conflict.currentState()));
    if (message != null) {
      refusals.onSuccess("message", message);
    }
    return refusals.redirect(back, change);
  }

  /** A {@code datetime-local} value in the city's zone; null when empty or unreadable (the service says which field).
   * */
  static OffsetDateTime local(String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.strip()).atZone(clock.getZone()).toOffsetDateTime();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
