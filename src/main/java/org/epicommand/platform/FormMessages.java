package org.epicommand.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.ValidationFailure;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Helpers for server-rendered pages: field messages shown next to their fields, and the links of
 * a pager. One place, so every page behaves the same.
 */
@Component
public class FormMessages {

  private final MessageSource messages;

  FormMessages(MessageSource messages) {
    this.messages = messages;
  }

  /** Field → message in the user's language; a field with several problems shows the first. */
  public Map<String, String> of(ValidationFailure failure) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldProblem problem : failure.problems()) {
      errors.putIfAbsent(problem.field(), text("error." + problem.code(), problem.args().toArray()));
    }
    return errors;
  }

  public String text(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }

  /**
   * Runs a page's state-changing step and redirects to {@code target}: a success notice ({@code
   * successKey}), or the refusal said on that page — field {@code errors} and a {@code problem} for a
   * 400, the 409 with what it still needs, a file refused by type or size — never an error page. A
   * record outside the caller's scope goes on as the 404 page.
   */
  public String run(RedirectAttributes redirect, String target, String successKey, Runnable step) {
    return step(redirect, successKey).redirect(target, step);
  }

  /** The step {@link #run} runs, for a page that says more of a refusal (e.g. keeps what was typed). */
  public PageStep step(RedirectAttributes redirect, String successKey) {
    return flash(redirect).notice(successKey).sentence("problem", " ").errorsAs("errors").conflictText(this::problem)
        .on(EvidenceFiles.Refused.class,
            e -> redirect.addFlashAttribute("problem", text("error." + e.code(), e.args())));
  }

  /**
   * Runs a page action and redirects to {@code target}: {@code saved} on success, or the refusal as one
   * {@code problem} sentence (the field messages joined by "；", or the 409 with its current state).
   */
  public String act(RedirectAttributes redirect, String target, Runnable step) {
    return flash(redirect).sentence("problem", "；").onSuccess("saved", true).redirect(target, step);
  }

  /** A step whose refusal is said in the model: the page shows its form again (field {@code errors}, a 409's
   * {@code problem}). */
  public PageStep model(Model model) {
    return new PageStep(this, model::addAttribute);
  }

  /** A step whose outcome is flashed to the page redirected to. */
  public PageStep flash(RedirectAttributes redirect) {
    return new PageStep(this, redirect::addFlashAttribute);
  }

  /** A 409 as its message with the current state. */
  public String stated(org.epicommand.shared.Conflict conflict) {
    return text("error." + conflict.code(), conflict.currentState());
  }

  /** A 409 as a sentence: its message with the current state, then each thing it still needs. */
  public String problem(org.epicommand.shared.Conflict conflict) {
    StringBuilder text = new StringBuilder(text("error." + conflict.code(), conflict.currentState()));
    for (FieldProblem missing : conflict.missing()) {
      text.append(' ').append(text("error." + missing.code(), missing.args().toArray()));
    }
    return text.toString();
  }

  /** Adds {@code page}, {@code prevUrl} and {@code nextUrl} (the current URL with another page number). */
  public static void pager(Model model, PageResult<?> page) {
    model.addAttribute("page", page);
    model.addAttribute("prevUrl", page.page() > 0 ? pageUrl(page.page() - 1) : null);
    model.addAttribute("nextUrl", page.hasMore() ? pageUrl(page.page() + 1) : null);
  }

  private static String pageUrl(int page) {
    return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build().toUriString();
  }
}
