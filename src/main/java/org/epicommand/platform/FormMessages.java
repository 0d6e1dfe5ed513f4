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
