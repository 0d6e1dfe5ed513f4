package org.epicommand.person;

import java.time.LocalDate;
import java.util.List;
import org.epicommand.shared.FieldProblem;

/**
 * The document rule of docs/domain.md §3, one place for every record that keeps a document number: a
 * resident ID by GB 11643 (normalised to 18 characters), any other document 4–40 letters, digits,
 * brackets or hyphens (upper-cased). Problems name {@code field} with the codes {@code idNumber.*}.
 */
public final class DocumentCheck {

  /** A valid document: its normalised number and, for a resident ID, what the number says. */
  public record Valid(String number, ResidentIdNumber resident) {}

  private DocumentCheck() {}

  /** The valid document, or null with the problem added to {@code problems}. */
  public static Valid check(IdType type, String raw, LocalDate today, String field, List<FieldProblem> problems) {
    String number = raw == null ? null : raw.strip();
    if (number == null || number.isEmpty()) {
      problems.add(FieldProblem.of(field, "idNumber.missing"));
      return null;
    }
    if (type == IdType.RESIDENT_ID) {
      ResidentIdNumber.Parsed parsed = ResidentIdNumber.parse(number, today);
      if (parsed.problem().isPresent()) {
        problems.add(FieldProblem.of(field, "idNumber." + parsed.problem().get().name()));
        return null;
      }
      ResidentIdNumber id = parsed.number().orElseThrow();
      return new Valid(id.value(), id);
    }
    if (!number.matches("[A-Za-z0-9()（）-]{4,40}")) {
      problems.add(FieldProblem.of(field, "idNumber.otherFormat"));
      return null;
    }
    return new Valid(number.toUpperCase(java.util.Locale.ROOT), null);
  }
}
