package org.epicommand.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.ValidationFailure;

/**
 * One state-changing step of a page and how its refusal is said there: into the model (the form is
 * shown again) or as flash attributes (the browser is redirected). By default a 400 puts the field
 * {@code errors} (field → message) and a 409 the {@code problem} sentence (its message with the current
 * state); the setters say otherwise where a page shows them elsewhere. Made by {@link
 * FormMessages#model(org.springframework.ui.Model)} and {@link
 * FormMessages#flash(org.springframework.web.servlet.mvc.support.RedirectAttributes)}; not shared.
 */
public final class PageStep {

  private final FormMessages forms;
  private final BiConsumer<String, Object> said;
  private final Map<String, Object> success = new LinkedHashMap<>();
  private final List<Handler<?>> handlers = new ArrayList<>();
  private String errors = "errors";
  private String sentence;
  private String separator;
  private String conflictAttribute = "problem";
  private String conflictField;
  private Function<Conflict, String> conflictText;
  private Consumer<Conflict> onConflict = conflict -> { };
  private Function<Conflict, String> conflictView;
  private Consumer<ValidationFailure> onInvalid = failure -> { };
  private boolean conflicts = true;
  private String conflictGoneTo;

  PageStep(FormMessages forms, BiConsumer<String, Object> said) {
    this.forms = forms;
    this.said = said;
    this.conflictText = forms::stated;
  }

  /** The attribute of the field map on a 400 ({@code null}: none). */
  public PageStep errorsAs(String attribute) {
    this.errors = attribute;
    return this;
  }

  /** On a 400 the messages as one sentence joined by {@code separator} under {@code attribute}, instead of the map. */
  public PageStep sentence(String attribute, String separator) {
    this.errors = null;
    this.sentence = attribute;
    this.separator = separator;
    return this;
  }

  /** On a 400 only the first message under {@code attribute}, and on a 409 its sentence there too. */
  public PageStep firstMessage(String attribute) {
    this.errors = null;
    this.sentence = attribute;
    this.separator = null;
    this.conflictAttribute = attribute;
    return this;
  }

  /** Where the 409's sentence goes (default {@code problem}; {@code null}: not said). */
  public PageStep conflictAs(String attribute) {
    this.conflictAttribute = attribute;
    this.conflictField = null;
    return this;
  }

  /** The 409 said as the error of one field ({@code errors} = field → its message without arguments). */
  public PageStep conflictOn(String field) {
    return conflictOn(field, conflict -> forms.text("error." + conflict.code()));
  }

  /** The 409 said as the error of one field, worded by {@code text}. */
  public PageStep conflictOn(String field, Function<Conflict, String> text) {
    this.conflictField = field;
    this.conflictText = text;
    return this;
  }

  /** How the 409's sentence is worded (default: its message with the current state). */
  public PageStep conflictText(Function<Conflict, String> text) {
    this.conflictText = text;
    return this;
  }

  /** Something more a page does with a 409, after it was said (e.g. names the existing record). */
  public PageStep onConflict(Consumer<Conflict> hook) {
    this.onConflict = hook;
    return this;
  }

  /** A duplicate (a 409 naming the record that exists) goes to that record's page instead of being said. */
  public PageStep onExisting(Function<String, String> view) {
    return conflictGoesTo(conflict -> conflict.existingId() == null ? null : view.apply(conflict.existingId()));
  }

  /** A 409 for which {@code view} answers a view goes there (for {@link #view}) instead of being said. */
  public PageStep conflictGoesTo(Function<Conflict, String> view) {
    this.conflictView = view;
    return this;
  }

  /** A 409 is not this page's to say: it goes on to the error handling (the API's 409 page). */
  public PageStep letConflictsThrough() {
    this.conflicts = false;
    return this;
  }

  /** Something more a page does with a 400, after it was said. */
  public PageStep onInvalid(Consumer<ValidationFailure> hook) {
    this.onInvalid = hook;
    return this;
  }

  /** A refusal of another kind, handled by the page. */
  public <E extends RuntimeException> PageStep on(Class<E> type, Consumer<? super E> handler) {
    handlers.add(new Handler<>(type, handler));
    return this;
  }

  /** A refusal of another kind said as the error of one field with the message of {@code key}. */
  public PageStep on(Class<? extends RuntimeException> type, String field, String key) {
    return on(type, e -> said.accept(errors == null ? "errors" : errors, Map.of(field, forms.text(key))));
  }

  /** Said on success. */
  public PageStep onSuccess(String attribute, Object value) {
    success.put(attribute, value);
    return this;
  }

  /** A {@code notice} with the message of {@code key} on success. */
  public PageStep notice(String key) {
    return onSuccess("notice", forms.text(key));
  }

  /** Runs {@code step}; true when it went through, false when its refusal was said. */
  public boolean run(Runnable step) {
    return get(() -> {
      step.run();
      return Boolean.TRUE;
    }).isPresent();
  }

  /** Runs {@code step} and redirects to {@code target}, whatever the outcome. */
  public String redirect(String target, Runnable step) {
    run(step);
    return "redirect:" + target;
  }

  /**
   * Runs {@code step}, which answers the view to go on to (mostly a redirect); when it was refused, the
   * view {@code again} answers (mostly the form once more, now with the refusal).
   */
  public String view(Supplier<String> step, Supplier<String> again) {
    Optional<String> view = get(step);
    if (conflictGoneTo != null) {
      return conflictGoneTo;
    }
    return view.orElseGet(again);
  }

  /** Runs {@code step}: its result, or empty when its refusal was said (a step's null result reads as empty too). */
  public <T> Optional<T> get(Supplier<T> step) {
    try {
      T value = step.get();
      success.forEach(said);
      return Optional.ofNullable(value);
    } catch (ValidationFailure failure) {
      Map<String, String> messages = forms.of(failure);
      if (errors != null) {
        said.accept(errors, messages);
      }
      if (sentence != null) {
        said.accept(sentence, separator == null ? messages.values().iterator().next()
            : String.join(separator, messages.values()));
      }
      onInvalid.accept(failure);
    } catch (Conflict conflict) {
      if (!conflicts) {
        throw conflict;
      }
      conflictGoneTo = conflictView == null ? null : conflictView.apply(conflict);
      if (conflictGoneTo != null) {
        return Optional.empty();
      }
      if (conflictField != null) {
        said.accept(errors == null ? "errors" : errors, Map.of(conflictField, conflictText.apply(conflict)));
      } else if (conflictAttribute != null) {
        said.accept(conflictAttribute, conflictText.apply(conflict));
      }
      onConflict.accept(conflict);
    } catch (RuntimeException e) {
      if (handlers.stream().noneMatch(handler -> handler.handled(e))) {
        throw e;
      }
    }
    return Optional.empty();
  }

  private record Handler<E extends RuntimeException>(Class<E> type, Consumer<? super E> handler) {

    boolean handled(RuntimeException e) {
      if (!type.isInstance(e)) {
        return false;
      }
      handler.accept(type.cast(e));
      return true;
    }
  }
}
