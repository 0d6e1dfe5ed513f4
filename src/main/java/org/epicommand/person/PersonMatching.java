package org.epicommand.person;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.internal.PersonRules;
import org.epicommand.person.internal.PersonStore;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matching outside records to the registry, for work the platform does on its own behalf (pushed
 * lists, self-registrations): bulk look-ups by document and by phone, one {@code = any(?)} query
 * each and no scope — never for answering a user's search.
 */
@Service
public class PersonMatching {

  /** A registered person as a match: who, and where they live. */
  public record Match(String personId, IdType idType, String idNumber, String name, String phone,
      String jurisdictionCode) {}

  private final JdbcClient jdbc;
  private final PersonStore store;
  private final Jurisdictions jurisdictions;
  private final AuditTrail audit;
  private final Clock clock;

  PersonMatching(JdbcClient jdbc, PersonStore store, Jurisdictions jurisdictions, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.store = store;
    this.jurisdictions = jurisdictions;
    this.audit = audit;
    this.clock = clock;
  }

  /** The persons holding any of these documents of one type (served by the document's unique index). */
  public List<Match> byDocuments(IdType type, Collection<String> numbers) {
    if (numbers.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select id, id_type, id_number, name, phone, jurisdiction_code from person"
            + " where id_type = :type and id_number = any(:numbers)")
        .param("type", type.name()).param("numbers", numbers.toArray(String[]::new))
        .query((rs, n) -> new Match(rs.getString("id"), IdType.valueOf(rs.getString("id_type")),
            rs.getString("id_number"), rs.getString("name"), rs.getString("phone"), rs.getString("jurisdiction_code")))
        .list();
  }

  /** The persons with any of these phone numbers (served by the phone index). */
  public List<Match> byPhones(Collection<String> phones) {
    if (phones.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select id, id_type, id_number, name, phone, jurisdiction_code from person"
            + " where phone = any(:phones)")
        .param("phones", phones.toArray(String[]::new))
        .query((rs, n) -> new Match(rs.getString("id"), IdType.valueOf(rs.getString("id_type")),
            rs.getString("id_number"), rs.getString("name"), rs.getString("phone"), rs.getString("jurisdiction_code")))
        .list();
  }

  /**
   * The person holding the document, or a new one registered from {@code request} (same rules as a
   * registration, all problems at once as a {@link ValidationFailure}); for registrations that have
   * no signed-in user (a resident's own phone) or that file a person outside the caller's scope.
   */
  @Transactional
  public PersonReference matchOrRegister(NewPerson request) {
    List<FieldProblem> problems = new ArrayList<>();
    PersonRules.Checked checked = PersonRules.check(request, LocalDate.now(clock), problems);
    Jurisdiction home = checked.jurisdictionCode() == null ? null
        : jurisdictions.find(checked.jurisdictionCode()).orElse(null);
    if (checked.jurisdictionCode() != null && home == null) {
      problems.add(FieldProblem.of("jurisdictionCode", "jurisdiction.unknown"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    return store.findByDocument(checked.idType(), checked.idNumber())
        .map(existing -> reference(existing.person()))
        .orElseGet(() -> {
          String household = checked.address() == null ? null
              : store.household(checked.address(), home.code(), home.path()).toString();
          var now = clock.instant().atOffset(ZoneOffset.UTC);
          Person person = new Person(UUID.randomUUID().toString(), checked.name(), checked.idType(),
              checked.idNumber(), checked.sex(), checked.birthDate(), checked.phone(), checked.address(), household,
              home.code(), now, now);
          store.insert(person, home.path(), null, null);
          audit.record(AuditAction.CREATE, PersonRegistry.SUBJECT, person.id(), "matchOrRegister");
          return reference(person);
        });
  }

  private static PersonReference reference(Person person) {
    return new PersonReference(person.id(), person.name(), person.jurisdictionCode(), person.householdId());
  }
}
