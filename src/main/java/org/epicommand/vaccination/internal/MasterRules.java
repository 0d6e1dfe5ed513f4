package org.epicommand.vaccination.internal;

import java.util.List;
import org.epicommand.person.PhoneNumbers;
import org.epicommand.shared.FieldProblem;

/**
 * Field rules every kind of vaccination master data shares, the same for the API, the pages and the
 * imports: a code of 2–40 letters, digits, {@code _} or {@code -}; required and bounded texts (blank is
 * none); a mobile or landline number (docs/domain.md §3); numbers in a range.
 */
public final class MasterRules {

  private static final String CODE = "[A-Za-z0-9_-]{2,40}";

  private MasterRules() {}

  public static String code(String code, List<FieldProblem> problems) {
    String stripped = code == null ? null : code.strip();
    if (stripped == null || !stripped.matches(CODE)) {
      problems.add(FieldProblem.of("code", "vaccination.code"));
    }
    return stripped;
  }

  public static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** A text that must be given, at most {@code max} characters. */
  public static String required(String value, int max, String field, List<FieldProblem> problems) {
    String text = text(value);
    if (text == null) {
      problems.add(FieldProblem.of(field, "vaccination.required"));
    } else if (text.length() > max) {
      problems.add(FieldProblem.of(field, "vaccination.tooLong", max));
    }
    return text;
  }

  /** An optional text of at most {@code max} characters. */
  public static String limited(String value, int max, String field, List<FieldProblem> problems) {
    String text = text(value);
    if (text != null && text.length() > max) {
      problems.add(FieldProblem.of(field, "vaccination.tooLong", max));
    }
    return text;
  }

  /** An optional phone number, normalised. */
  public static String phone(String value, String field, List<FieldProblem> problems) {
    String text = text(value);
    if (text == null) {
      return null;
    }
    String phone = PhoneNumbers.normalize(text);
    if (phone == null) {
      problems.add(FieldProblem.of(field, "vaccination.phone"));
    }
    return phone;
  }

  /** A whole number in [min, max]; {@code fallback} when not given (null: required). */
  public static Integer number(Integer value, int min, int max, Integer fallback, String field,
      List<FieldProblem> problems) {
    Integer number = value == null ? fallback : value;
    if (number == null || number < min || number > max) {
      problems.add(FieldProblem.of(field, "vaccination.range", min, max));
      return null;
    }
    return number;
  }
}
