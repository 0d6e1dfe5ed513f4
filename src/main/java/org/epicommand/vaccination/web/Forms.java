package org.epicommand.vaccination.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;

/** Form fields as typed on the vaccination pages: numbers, days, times and choices, each a field problem when
 * unreadable. */
final class Forms {

  private Forms() {}

  static void check(List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
  }

  static Integer number(String text, String field, String code, List<FieldProblem> problems) {
    try {
      return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      problems.add(FieldProblem.of(field, code));
      return null;
    }
  }

  /** A day (required). */
  static LocalDate date(String text, String field, List<FieldProblem> problems) {
    LocalDate date = optionalDate(text, field, problems);
    if (date == null && (text == null || text.isBlank())) {
      problems.add(FieldProblem.of(field, "vaccination.date"));
    }
    return date;
  }

  static LocalDate optionalDate(String text, String field, List<FieldProblem> problems) {
    try {
      return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      problems.add(FieldProblem.of(field, "vaccination.date"));
      return null;
    }
  }

  /** A time of a {@code datetime-local} field, in the city's zone. */
  static OffsetDateTime time(String text, ZoneId zone, String field, List<FieldProblem> problems) {
    try {
      return text == null || text.isBlank() ? null : LocalDateTime.parse(text.strip()).atZone(zone).toOffsetDateTime();
    } catch (DateTimeParseException e) {
      problems.add(FieldProblem.of(field, "vaccination.date"));
      return null;
    }
  }

  static <E extends Enum<E>> E choice(String text, Class<E> type, String field, List<FieldProblem> problems) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(FieldProblem.of(field, "invalidValue"));
      return null;
    }
  }
}
