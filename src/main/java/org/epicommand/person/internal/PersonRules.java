package org.epicommand.person.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.epicommand.person.DocumentCheck;
import org.epicommand.person.IdType;
import org.epicommand.person.NewPerson;
import org.epicommand.person.PhoneNumbers;
import org.epicommand.person.ResidentIdNumber;
import org.epicommand.person.Sex;
import org.epicommand.shared.FieldProblem;

/**
 * The validation rules of a person record, one place for the API, the pages and the import: a
 * name, a valid document (GB 11643 for resident IDs, with sex and birth date derived and checked),
 * a valid phone, no birth date in the future.
 */
public final class PersonRules {

  /** A person whose fields have passed the rules, normalised (18-digit ID, derived sex and birth date). */
  public record Checked(String name, IdType idType, String idNumber, Sex sex, LocalDate birthDate, String phone,
      String address, String jurisdictionCode) {}

  private PersonRules() {}

  public static Checked check(NewPerson person, LocalDate today, List<FieldProblem> problems) {
    String name = person.name() == null ? null : person.name().strip();
    if (name == null || name.isEmpty() || name.length() > 50) {
      problems.add(FieldProblem.of("name", "person.name"));
    }
    IdType idType = person.idType();
    String idNumber = person.idNumber() == null ? null : person.idNumber().strip();
    Sex sex = person.sex();
    LocalDate birthDate = person.birthDate();
    if (idType == null) {
      problems.add(FieldProblem.of("idType", "person.idType"));
    } else {
      DocumentCheck.Valid valid = DocumentCheck.check(idType, idNumber, today, "idNumber", problems);
      if (valid != null) {
        idNumber = valid.number();
        ResidentIdNumber id = valid.resident();
        if (id != null) {
          if (sex != null && sex != Sex.UNKNOWN && sex != id.sex()) {
            problems.add(FieldProblem.of("sex", "person.sexMismatch"));
          }
          if (birthDate != null && !birthDate.equals(id.birthDate())) {
            problems.add(FieldProblem.of("birthDate", "person.birthDateMismatch", id.birthDate().toString()));
          }
          sex = id.sex();
          birthDate = id.birthDate();
        }
      }
    }
    if (birthDate != null && birthDate.isAfter(today)) {
      problems.add(FieldProblem.of("birthDate", "person.birthDateFuture"));
    }
    String phone = null;
    if (person.phone() != null && !person.phone().isBlank()) {
      phone = PhoneNumbers.normalize(person.phone());
      if (phone == null) {
        problems.add(FieldProblem.of("phone", "person.phone"));
      }
    }
    String address = person.address() == null || person.address().isBlank() ? null : person.address().strip();
    if (address != null && address.length() > 200) {
      problems.add(FieldProblem.of("address", "person.address"));
    }
    if (person.jurisdictionCode() == null || person.jurisdictionCode().isBlank()) {
      problems.add(FieldProblem.of("jurisdictionCode", "jurisdiction.unknown"));
    }
    return new Checked(name, idType, idNumber, sex == null ? Sex.UNKNOWN : sex, birthDate, phone, address,
        person.jurisdictionCode() == null ? null : person.jurisdictionCode().strip());
  }

  /** The search term's kind: a document-number tail or phone (4+ digits), or a name. */
  static Optional<String> digits(String q) {
    String term = q.strip().toUpperCase(java.util.Locale.ROOT);
    return term.matches("[0-9X]{4,18}") ? Optional.of(term) : Optional.empty();
  }
}
