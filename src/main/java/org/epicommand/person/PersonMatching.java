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
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.internal.PersonRules;
import org.epicommand.person.internal.PersonStore;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matching documents to the registry, for work the platform does on a caller's behalf (arrivals,
 * pushed lists) or on a resident's (self-registration). Every match is bound to a
 * {@link JurisdictionScope}: a person outside it is never handed to the caller — not their name, not
 * their id — and nothing is done to them; at most the platform learns where to route the work
 * ({@link Resolution#elsewhere()}). Bulk look-ups by document and by phone are one
 * {@code = any(?)} query each, never for answering a user's search.
 */
@Service
public class PersonMatching {

  /** A registered person as a match: who, and where they live. */
  public record Match(String personId, IdType idType, String idNumber, String name, String phone,
      String jurisdictionCode) {}

  /**
   * What matching a document gave: a person the caller may see ({@link Kind#FOUND}, or
   * {@link Kind#REGISTERED} now), or none of them — the document belongs to someone outside the
   * caller's jurisdiction ({@link Kind#ELSEWHERE}: only {@code elsewhere}, for routing the work to
   * that person's jurisdiction, never for showing), or a resident's own registration named someone
   * else's document ({@link Kind#UNCONFIRMED}: nothing at all).
   */
  public record Resolution(Kind kind, PersonReference person, Referral elsewhere) {

    public enum Kind { FOUND, REGISTERED, ELSEWHERE, UNCONFIRMED }

    /** Where a person outside the caller's jurisdiction lives: for routing, never shown to the caller. */
    public record Referral(String personId, String jurisdictionPath) {}
  }

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

  /**
   * The persons inside {@code scope} holding any of these documents of one type (served by the
   * document's unique index); a holder outside the scope is not found.
   */
  public List<Match> byDocuments(IdType type, Collection<String> numbers, JurisdictionScope scope) {
    if (numbers.isEmpty()) {
      return List.of();
    }
    return scope.bind(jdbc.sql("select " + MATCH_COLUMNS + " from person where id_type = :type"
            + " and id_number = any(:numbers) and " + scope.predicate("jurisdiction_path")))
        .param("type", type.name()).param("numbers", numbers.toArray(String[]::new))
        .query(PersonMatching::match).list();
  }

  /** The persons inside {@code scope} with any of these phone numbers (served by the phone index). */
  public List<Match> byPhones(Collection<String> phones, JurisdictionScope scope) {
    if (phones.isEmpty()) {
      return List.of();
    }
    return scope.bind(jdbc.sql("select " + MATCH_COLUMNS + " from person where phone = any(:phones) and "
            + scope.predicate("jurisdiction_path")))
        .param("phones", phones.toArray(String[]::new))
        .query(PersonMatching::match).list();
  }

  /**
   * Links a record the platform keeps about the holders of documents (an organisation's staff ledger)
   * to the registry, for the platform's own work on it (is the holder under a quarantine order, did they
   * become a case or a contact) — never for showing: the caller gets person ids to store beside its
   * record, nothing of the holder. A holder is linked wherever they live, but only when the name typed
   * is the registered one, so that a document number alone does not tie a record to a stranger.
   * {@code namesByNumber}: the typed name per document number of one type; answers number → person id.
   */
  public java.util.Map<String, String> linkForPlatform(IdType type, java.util.Map<String, String> namesByNumber) {
    java.util.Map<PersonLookup.Document, String> names = new java.util.HashMap<>();
    namesByNumber.forEach((number, name) -> names.put(new PersonLookup.Document(type, number), name));
    java.util.Map<String, String> linked = new java.util.HashMap<>();
    linkForPlatform(names).forEach((document, id) -> linked.put(document.idNumber(), id));
    return linked;
  }

  /**
   * {@link #linkForPlatform(IdType, java.util.Map)} for documents of any types at once (an import batch),
   * in one statement: the typed name per document; answers document → person id.
   */
  public java.util.Map<PersonLookup.Document, String> linkForPlatform(
      java.util.Map<PersonLookup.Document, String> namesByDocument) {
    java.util.Map<PersonLookup.Document, String> linked = new java.util.HashMap<>();
    if (namesByDocument.isEmpty()) {
      return linked;
    }
    List<PersonLookup.Document> documents = List.copyOf(namesByDocument.keySet());
    jdbc.sql("""
        select d.id_type, d.id_number, p.id, p.name
        from unnest(cast(:types as text[]), cast(:numbers as text[])) as d (id_type, id_number)
        join person p on p.id_type = d.id_type and p.id_number = d.id_number collate "C"
        """).param("types", documents.stream().map(d -> d.idType().name()).toArray(String[]::new))
        .param("numbers", documents.stream().map(PersonLookup.Document::idNumber).toArray(String[]::new))
        .query(rs -> {
          PersonLookup.Document document = new PersonLookup.Document(IdType.valueOf(rs.getString(1)),
              rs.getString(2));
          if (rs.getString(4).equals(namesByDocument.get(document))) {
            linked.put(document, rs.getString(3));
          }
        });
    return linked;
  }

  /**
   * The document and name of a person, for the platform's own linking ({@link #linkForPlatform}) when an
   * event names a person that a record kept before their registration may hold; never for showing.
   */
  public java.util.Optional<Match> documentForPlatform(String personId) {
    return documentsForPlatform(List.of(UUID.fromString(personId))).values().stream().findFirst();
  }

  /** {@link #documentForPlatform} for many persons in one query, by person id (those not registered are absent). */
  public java.util.Map<UUID, Match> documentsForPlatform(java.util.Collection<UUID> personIds) {
    java.util.Map<UUID, Match> found = new java.util.HashMap<>();
    if (!personIds.isEmpty()) {
      jdbc.sql("select " + MATCH_COLUMNS + " from person where id = any(:ids)")
          .param("ids", personIds.toArray(UUID[]::new)).query(PersonMatching::match)
          .list().forEach(m -> found.put(UUID.fromString(m.personId()), m));
    }
    return found;
  }

  private static final String MATCH_COLUMNS = "id, id_type, id_number, name, phone, jurisdiction_code";

  private static Match match(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Match(rs.getString("id"), IdType.valueOf(rs.getString("id_type")), rs.getString("id_number"),
        rs.getString("name"), rs.getString("phone"), rs.getString("jurisdiction_code"));
  }

  /**
   * Staff filing a record about the holder of a document (an arrival): the holder if they live inside
   * {@code scope}; a new person registered from {@code request} when nobody holds it (same rules as a
   * registration, all problems at once as a {@link ValidationFailure}; their jurisdiction must lie in
   * the scope); {@link Resolution.Kind#ELSEWHERE} when the holder lives outside it — they are neither
   * named to the caller nor changed.
   */
  @Transactional
  public Resolution resolve(NewPerson request, JurisdictionScope scope) {
    Checked checked = check(request);
    if (checked.home() != null && !scope.contains(checked.home().path())) {
      throw new ValidationFailure(FieldProblem.of("jurisdictionCode", "person.outsideScope"));
    }
    return store.findByDocument(checked.person().idType(), checked.person().idNumber())
        .map(existing -> scope.contains(existing.jurisdictionPath())
            ? new Resolution(Resolution.Kind.FOUND, reference(existing.person()), null)
            : new Resolution(Resolution.Kind.ELSEWHERE, null,
                new Resolution.Referral(existing.person().id(), existing.jurisdictionPath())))
        .orElseGet(() -> registered(checked, "resolve"));
  }

  /**
   * A resident registering themselves (no signed-in user, a phone page): the holder of the document
   * when the name given is theirs; {@link Resolution.Kind#UNCONFIRMED} when it is not — nothing of the
   * holder is returned, so the answer cannot tell a registered document from an unknown one; a new
   * person when nobody holds it.
   */
  @Transactional
  public Resolution resolveForResident(NewPerson request) {
    Checked checked = check(request);
    return store.findByDocument(checked.person().idType(), checked.person().idNumber())
        .map(existing -> existing.person().name().equals(checked.person().name())
            ? new Resolution(Resolution.Kind.FOUND, reference(existing.person()), null)
            : new Resolution(Resolution.Kind.UNCONFIRMED, null, null))
        .orElseGet(() -> registered(checked, "resident's own registration"));
  }

  /** The request by the registration rules and its jurisdiction; all problems at once. */
  private record Checked(PersonRules.Checked person, Jurisdiction home) {}

  private Checked check(NewPerson request) {
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
    return new Checked(checked, home);
  }

  private Resolution registered(Checked request, String detail) {
    PersonRules.Checked checked = request.person();
    Jurisdiction home = request.home();
    String household = checked.address() == null ? null
        : store.household(checked.address(), home.code(), home.path()).toString();
    var now = clock.instant().atOffset(ZoneOffset.UTC);
    Person person = new Person(UUID.randomUUID().toString(), checked.name(), checked.idType(), checked.idNumber(),
        checked.sex(), checked.birthDate(), checked.phone(), checked.address(), household, home.code(), now, now);
    store.insert(person, home.path(), null, null);
    audit.record(AuditAction.CREATE, PersonRegistry.SUBJECT, person.id(), detail);
    return new Resolution(Resolution.Kind.REGISTERED, reference(person), null);
  }

  private static PersonReference reference(Person person) {
    return new PersonReference(person.id(), person.name(), person.jurisdictionCode(), person.householdId());
  }
}
