package org.epicommand.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A day typed into a page's form field (a date input sends yyyy-MM-dd). */
public final class TypedDay {

  private TypedDay() {}

  /**
   * The day, or null when the field is empty; anything else is a {@link ValidationFailure} on {@code field} with
   * the message {@code code}.
   */
  public static LocalDate parse(String text, String field, String code) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new ValidationFailure(FieldProblem.of(field, code));
    }
  }

  /** The day, or null when the field is empty or not a day (a filter that falls back to its default). */
  public static LocalDate orNull(String text) {
    try {
      return parse(text, "day", "invalidValue");
    } catch (ValidationFailure e) {
      return null;
    }
  }
}
