package org.epicommand.person;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.imports.CsvExport;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.internal.PersonRules;
import org.epicommand.person.internal.PersonSearch;
import org.epicommand.person.internal.PersonStore;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.Masking;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person registry: register, read (audited), edit, search and export persons inside the
 * caller's jurisdiction. A person outside it does not exist for the caller.
 */
@Service
public class PersonRegistry {

  static final String SUBJECT = "PERSON";
  /** Above this many matches a list shows "more than 10,000" instead of counting. */
  static final int COUNT_CAP = 10_000;
  static final int EXPORT_MAX = 1_000_000;

  private final PersonStore store;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  PersonRegistry(PersonStore store, Jurisdictions jurisdictions, CurrentUser currentUser, AuditTrail audit,
      Clock clock) {
    this.store = store;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Person register(NewPerson request) {
    UserContext user = currentUser.get();
    PersonRules.Checked checked = check(request);
    Jurisdiction home = homeInScope(checked, user);
    store.findByDocument(checked.idType(), checked.idNumber()).ifPresent(existing -> {
      // the existing id is disclosed only to callers who may see that person
      String visibleId = user.scope().contains(existing.jurisdictionPath()) ? existing.person().id() : null;
      throw Conflict.duplicate("person.duplicate", visibleId);
    });
    Person person = toPerson(UUID.randomUUID().toString(), checked, home);
    store.insert(person, home.path(), null, null);
    audit.record(AuditAction.CREATE, SUBJECT, person.id(), null);
    return person;
  }

  /**
   * The full record as the caller may see it: document number and phone masked unless their role has
   * {@code PERSON_FULL_IDENTITY}. The read is audited.
   */
  @Transactional
  public Person get(UUID id) {
    UserContext user = currentUser.get();
    Person person = read(id, user);
    return user.has(Permission.PERSON_FULL_IDENTITY) ? person : masked(person);
  }

  /**
   * The full record, unmasked, for filing another module's record that keeps the person's document (a
   * case report) or for reaching the person (a texted link) — never for showing it; inside the caller's
   * jurisdiction, and audited as a read like {@link #get}.
   */
  @Transactional
  public Person recordForFiling(UUID id) {
    return read(id, currentUser.get());
  }

  private Person read(UUID id, UserContext user) {
    Person person = store.find(id, user.scope()).orElseThrow(() -> new RecordNotFound(SUBJECT));
    audit.record(AuditAction.READ, SUBJECT, person.id(), null);
    return person;
  }

  private static Person masked(Person p) {
    return new Person(p.id(), p.name(), p.idType(), Masking.documentNumber(p.idNumber()), p.sex(), p.birthDate(),
        Masking.phone(p.phone()), p.address(), p.householdId(), p.jurisdictionCode(), p.createdAt(), p.updatedAt());
  }

  /** Who a person is, for filing another module's record about them; empty outside the caller's scope. */
  public java.util.Optional<PersonReference> reference(UUID id) {
    return store.find(id, currentUser.get().scope()).map(PersonRegistry::reference);
  }

  /**
   * Who a person is, whatever the scope: only for work the platform does on its own behalf (event
   * listeners, schedulers), never for answering a user.
   */
  public java.util.Optional<PersonReference> referenceForPlatform(UUID id) {
    return store.find(id).map(PersonRegistry::reference);
  }

  /** A person's name and phone (null: none), for the records the platform files on its own behalf. */
  public record Contact(String name, String phone) {}

  /**
   * The persons' names and phones, whatever the scope: only for records the platform files on its own behalf so that
   * staff can reach the person (a verification item a community worker calls, read with the item so that a name or
   * phone corrected in the registry reaches the list), never for answering a user directly; by person, absent for an
   * unknown person. Whoever reads the record they are shown in is scoped and audited there.
   */
  public java.util.Map<UUID, Contact> contactsForPlatform(java.util.Collection<UUID> ids) {
    return store.contacts(ids);
  }

  /** How many persons live inside a jurisdiction (statistics: no personal data). */
  public long residents(JurisdictionScope scope) {
    return store.count(new PersonSearch(scope, null), Integer.MAX_VALUE - 1);
  }

  private static PersonReference reference(Person person) {
    return new PersonReference(person.id(), person.name(), person.jurisdictionCode(), person.householdId());
  }

  @Transactional
  public Person update(UUID id, NewPerson change) {
    UserContext user = currentUser.get();
    Person existing = store.find(id, user.scope()).orElseThrow(() -> new RecordNotFound(SUBJECT));
    // the document is the person's identity: an edit keeps it; a phone sent back as it was shown
    // (masked, to a role without full identity) is the phone unchanged
    String phone = change.phone() != null && existing.phone() != null
        && change.phone().strip().equals(Masking.phone(existing.phone())) ? existing.phone() : change.phone();
    PersonRules.Checked checked = check(new NewPerson(change.name(), existing.idType(), existing.idNumber(),
        change.sex(), change.birthDate(), phone, change.address(), change.jurisdictionCode()));
    Jurisdiction home = homeInScope(checked, user);
    Person updated = toPerson(existing.id(), checked, home);
    updated = new Person(updated.id(), updated.name(), updated.idType(), updated.idNumber(), updated.sex(),
        updated.birthDate(), updated.phone(), updated.address(), updated.householdId(), updated.jurisdictionCode(),
        existing.createdAt(), clock.instant().atOffset(ZoneOffset.UTC));
    store.update(updated, home.path(), clock.instant());
    audit.record(AuditAction.UPDATE, SUBJECT, existing.id(), null);
    return user.has(Permission.PERSON_FULL_IDENTITY) ? updated : masked(updated);
  }

  /** One page of persons matching {@code q} inside the caller's scope (or a part of it), masked per role. */
  public PageResult<PersonSummary> search(String q, String jurisdictionCode, Paging paging) {
    UserContext user = currentUser.get();
    PersonSearch search = new PersonSearch(jurisdictions.narrow(user.scope(), jurisdictionCode),
        q == null || q.isBlank() ? null : q);
    List<Person> rows = store.search(search, paging.offset(), paging.fetchSize());
    long count = paging.page() == 0 && rows.size() <= paging.size() ? rows.size() : store.count(search, COUNT_CAP);
    PageResult<Person> page = paging.toResult(rows, count > COUNT_CAP ? null : count);
    boolean full = user.has(Permission.PERSON_FULL_IDENTITY);
    java.util.Map<String, String> names = new java.util.HashMap<>();
    return page.map(person -> named(person, full, names));
  }

  /**
   * Who a person is as a picker or a work list shows them (masked per role, with their community's
   * name); empty outside the caller's scope. Not audited: it shows no more than a search does.
   */
  public java.util.Optional<PersonSummary> summary(UUID id) {
    UserContext user = currentUser.get();
    boolean full = user.has(Permission.PERSON_FULL_IDENTITY);
    return store.find(id, user.scope()).map(person -> named(person, full, new java.util.HashMap<>()));
  }

  /** A person picker's hits: at most 8 persons matching {@code q} inside the caller's scope (none for blank). */
  public PageResult<PersonSummary> picker(String q) {
    return q == null || q.isBlank() ? new PageResult<>(List.of(), 0, 8, false, 0L) : search(q, null, Paging.of(0, 8));
  }

  /**
   * The person a form names (its id as typed) as a picker shows them; null when blank, malformed or
   * outside the caller's scope.
   */
  public PersonSummary chosen(String personId) {
    if (personId == null || personId.isBlank()) {
      return null;
    }
    try {
      return summary(UUID.fromString(personId.strip())).orElse(null);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The persons of {@code ids} that lie in the caller's scope, masked per role, by id: phone and
   * address for order pages, retest cards and work lists (one query; at most 500 ids).
   */
  public java.util.Map<String, PersonSummary> summaries(java.util.Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return java.util.Map.of();
    }
    UserContext user = currentUser.get();
    boolean full = user.has(Permission.PERSON_FULL_IDENTITY);
    java.util.Map<String, String> names = new java.util.HashMap<>();
    java.util.Map<String, PersonSummary> found = new java.util.LinkedHashMap<>();
    store.findAll(ids.stream().distinct().limit(500).toList(), user.scope())
        .forEach(person -> found.put(person.id(), named(person, full, names)));
    return found;
  }

  /**
   * Prepares a CSV export of the matches (UTF-8 with BOM, masked per role, formulas escaped): the
   * scope is checked and the EXPORT audit event written now, the rows are written when the caller
   * streams it.
   */
  @Transactional
  public PersonExport export(String q, String jurisdictionCode, List<String> header) {
    UserContext user = currentUser.get();
    JurisdictionScope scope = jurisdictions.narrow(user.scope(), jurisdictionCode);
    boolean full = user.has(Permission.PERSON_FULL_IDENTITY);
    String term = q == null || q.isBlank() ? null : q;
    audit.record(AuditAction.EXPORT, SUBJECT, null, "q=" + (term == null ? "" : term) + " jurisdiction="
        + scope.code() + (full ? " unmasked" : " masked"));
    return out -> {
      try (CsvExport csv = CsvExport.to(out, header, clock.getZone())) {
        store.stream(new PersonSearch(scope, term), EXPORT_MAX, person -> {
          PersonSummary s = summary(person, full);
          csv.row(java.util.Arrays.asList(s.name(), s.idType(), s.idNumber(), s.sex(), s.birthDate(), s.phone(),
              s.address(), s.jurisdictionCode()));
        });
      }
    };
  }

  /** The members of a person's household that the caller may see, masked per role. */
  public List<PersonSummary> household(UUID personId) {
    UserContext user = currentUser.get();
    Person person = store.find(personId, user.scope()).orElseThrow(() -> new RecordNotFound(SUBJECT));
    if (person.householdId() == null) {
      return List.of();
    }
    boolean full = user.has(Permission.PERSON_FULL_IDENTITY);
    return store.householdMembers(UUID.fromString(person.householdId()), user.scope()).stream()
        .map(p -> summary(p, full)).toList();
  }

  /**
   * The registered members of a household that the caller may see, masked per role and with their
   * community's name (a door-to-door visit names whom it saw); empty for an unknown household.
   */
  public List<PersonSummary> householdMembers(UUID householdId) {
    UserContext user = currentUser.get();
    boolean full = user.has(Permission.PERSON_FULL_IDENTITY);
    java.util.Map<String, String> names = new java.util.HashMap<>();
    return store.householdMembers(householdId, user.scope()).stream().map(p -> named(p, full, names)).toList();
  }

  /** The person's fields by the rules, and their jurisdiction known; all problems at once. */
  private PersonRules.Checked check(NewPerson request) {
    List<FieldProblem> problems = new ArrayList<>();
    PersonRules.Checked checked = PersonRules.check(request, LocalDate.now(clock), problems);
    if (checked.jurisdictionCode() != null && jurisdictions.find(checked.jurisdictionCode()).isEmpty()) {
      problems.add(FieldProblem.of("jurisdictionCode", "jurisdiction.unknown"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    return checked;
  }

  /** The checked person's jurisdiction, which must lie inside the caller's (403 otherwise). */
  private Jurisdiction homeInScope(PersonRules.Checked checked, UserContext user) {
    Jurisdiction home = jurisdictions.find(checked.jurisdictionCode()).orElseThrow();
    if (!user.scope().contains(home.path())) {
      throw new AccessDeniedException("jurisdiction outside the caller's scope");
    }
    return home;
  }

  private Person toPerson(String id, PersonRules.Checked checked, Jurisdiction home) {
    String household = checked.address() == null ? null
        : store.household(checked.address(), home.code(), home.path()).toString();
    var now = clock.instant().atOffset(ZoneOffset.UTC);
    return new Person(id, checked.name(), checked.idType(), checked.idNumber(), checked.sex(), checked.birthDate(),
        checked.phone(), checked.address(), household, home.code(), now, now);
  }

  static PersonSummary summary(Person person, boolean full) {
    return masked(person, full, null);
  }

  /** The summary with the community's name, looked up once per code in {@code names}. */
  private PersonSummary named(Person person, boolean full, java.util.Map<String, String> names) {
    String place = names.computeIfAbsent(person.jurisdictionCode(),
        code -> jurisdictions.find(code).map(Jurisdiction::name).orElse(code));
    return masked(person, full, place);
  }

  private static PersonSummary masked(Person person, boolean full, String jurisdictionName) {
    return new PersonSummary(person.id(), person.name(), person.idType(),
        full ? person.idNumber() : Masking.documentNumber(person.idNumber()), person.sex(), person.birthDate(),
        full ? person.phone() : Masking.phone(person.phone()), person.address(), person.jurisdictionCode(),
        jurisdictionName);
  }
}
