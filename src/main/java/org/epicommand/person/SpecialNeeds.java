package org.epicommand.person;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.Masking;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.person.internal.SpecialNeedStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The special-needs ledger (重点人群台账): the one register of vulnerable people of each community, kept
 * with the registry so that every module reads the same one — by community workers and the medical group
 * (treatment's pages and API, a medical-service request shows the person's needs) and by a sealed area's
 * staff, whose register of vulnerable persons is this ledger seen from the area (the {@code InHousehold}
 * methods). Reads are
 * audited as personal data ({@value #SUBJECT}); the phone is masked for readers without full identity
 * outside the medical group.
 */
@Service
public class SpecialNeeds {

  /** The audit subject of the ledger. */
  public static final String SUBJECT = "SPECIAL_NEEDS";

  private final SpecialNeedStore store;
  private final PersonRegistry persons;
  private final PersonLookup lookup;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  SpecialNeeds(SpecialNeedStore store, PersonRegistry persons, PersonLookup lookup, Jurisdictions jurisdictions,
      CurrentUser currentUser, AuditTrail audit, Clock clock) {
    this.store = store;
    this.persons = persons;
    this.lookup = lookup;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Puts a person of the caller's jurisdiction on the ledger: 400 naming the fields (a pregnancy needs its
   * due date), 404 for a person outside, 409 with {@code existingId} when the person is on it for the need.
   */
  @Transactional
  public SpecialNeed register(SpecialNeed.New request) {
    SpecialNeed.New r = request == null ? new SpecialNeed.New(null, null, null, null, null, null) : request;
    List<FieldProblem> problems = new ArrayList<>();
    UUID personId = uuid(r.personId());
    if (personId == null) {
      problems.add(FieldProblem.of("personId", "treatment.needs.person"));
    }
    SpecialNeed.Need need = null;
    try {
      need = r.need() == null || r.need().isBlank() ? null : SpecialNeed.Need.valueOf(r.need().strip());
    } catch (IllegalArgumentException e) {
      need = null;
    }
    if (need == null) {
      problems.add(FieldProblem.of("need", "treatment.needs.need"));
    }
    LocalDate due = null;
    if (r.dueDate() != null && !r.dueDate().isBlank()) {
      try {
        due = LocalDate.parse(r.dueDate().strip());
      } catch (DateTimeParseException e) {
        problems.add(FieldProblem.of("dueDate", "treatment.needs.date"));
      }
    } else if (need == SpecialNeed.Need.PREGNANCY) {
      problems.add(FieldProblem.of("dueDate", "treatment.needs.dueDate"));
    }
    String provider = text(r.careProvider(), 200, "careProvider", problems);
    String note = text(r.note(), 500, "note", problems);
    String phone = text(r.phone(), 40, "phone", problems);
    String normalized = phone == null ? null : PhoneNumbers.normalize(phone);
    if (phone != null && normalized == null) {
      problems.add(FieldProblem.of("phone", "treatment.needs.phone"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    PersonReference person = persons.reference(personId).orElseThrow(() -> new RecordNotFound("PERSON"));
    store.active(personId, need).ifPresent(existing -> {
      throw Conflict.duplicate("treatment.needs.duplicate", existing.toString());
    });
    UserContext user = currentUser.get();
    String path = jurisdictions.find(person.jurisdictionCode()).map(Jurisdiction::path).orElseThrow();
    UUID household = uuid(person.householdId());
    String address = household == null ? null
        : lookup.household(household, user.scope()).map(Household::address).orElse(null);
    UUID id = UUID.randomUUID();
    store.insert(id, personId, person.name(), household, address, need, due, provider, normalized, note,
        person.jurisdictionCode(), path, null, user.username(), clock.instant());
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), need.name());
    return view(store.find(id).orElseThrow().entry(), user);
  }

  /** The ledger inside {@code jurisdiction} (default: the caller's), one need or all, removed ones when asked. */
  @Transactional
  public List<SpecialNeed> list(String jurisdiction, String need, boolean all) {
    UserContext user = currentUser.get();
    JurisdictionScope scope = jurisdictions.narrow(user.scope(), jurisdiction);
    SpecialNeed.Need only = null;
    if (need != null && !need.isBlank()) {
      try {
        only = SpecialNeed.Need.valueOf(need.strip());
      } catch (IllegalArgumentException e) {
        throw new ValidationFailure(FieldProblem.of("need", "treatment.needs.need"));
      }
    }
    List<SpecialNeed> found = store.inside(scope.path(), only, all, 1000).stream().map(e -> view(e, user)).toList();
    String[] codes = scope.path().split("/");
    String division = codes.length == 0 ? "" : jurisdictions.find(codes[codes.length - 1]).map(Jurisdiction::name)
        .orElse("");
    audit.record(AuditAction.READ, SUBJECT, division, "重点人群台账");
    return found;
  }

  /** Takes an entry off the ledger (kept as REMOVED); 404 outside the jurisdiction, 409 naming REMOVED. */
  @Transactional
  public SpecialNeed remove(String id) {
    SpecialNeed entry = find(uuid(id), currentUser.get().scope()).orElseThrow(() -> new RecordNotFound(SUBJECT));
    if (entry.state() != SpecialNeed.State.ACTIVE) {
      throw Conflict.illegalTransition("treatment.needs.removed", entry.state());
    }
    markRemoved(UUID.fromString(entry.id()));
    audit.record(AuditAction.UPDATE, SUBJECT, entry.id(), "REMOVE");
    return view(store.find(UUID.fromString(entry.id())).orElseThrow().entry(), currentUser.get());
  }

  /** The active needs of each person (to show beside a medical-service request). */
  @Transactional(readOnly = true)
  public Map<UUID, List<SpecialNeed.Need>> needsOf(Collection<UUID> personIds) {
    return store.needs(personIds);
  }

  // --- the sealed area's register (lockdown): checked and audited by the caller ---

  /** Keeps a member of a household of a sealed area on the ledger, registered by the area's staff. */
  @Transactional
  public UUID keep(SpecialNeed.InHousehold entry) {
    UUID id = UUID.randomUUID();
    store.insert(id, null, entry.name(), entry.householdId(), entry.address(), entry.need(), null, null,
        entry.phone(), entry.note(), entry.jurisdictionCode(), entry.jurisdictionPath(), entry.areaId(), entry.by(),
        clock.instant());
    return id;
  }

  /**
   * The entries a sealed area's register shows, with their jurisdiction paths: those its staff registered
   * and those of the community ledger under the area's path (the caller keeps the households inside it).
   */
  @Transactional(readOnly = true)
  public List<Map.Entry<SpecialNeed, String>> forArea(UUID areaId, String areaPath, boolean all) {
    return store.forArea(areaId, areaPath, all).stream().map(r -> Map.entry(r.entry(), r.path())).toList();
  }

  /** One entry inside the scope. */
  @Transactional(readOnly = true)
  public Optional<SpecialNeed> find(UUID id, JurisdictionScope scope) {
    return id == null ? Optional.empty() : store.find(id).filter(r -> scope.contains(r.path()))
        .map(SpecialNeedStore.Row::entry);
  }

  /** Marks an entry REMOVED (the caller checked it was active). */
  @Transactional
  public void markRemoved(UUID id) {
    store.remove(id, clock.instant());
  }

  /** Whether someone of the household is on the ledger (their requests are served first). */
  @Transactional(readOnly = true)
  public boolean householdOnLedger(UUID householdId) {
    return store.householdOnLedger(householdId);
  }

  private static SpecialNeed view(SpecialNeed e, UserContext user) {
    if (user.has(Permission.TREATMENT_ADMIN) || user.has(Permission.PERSON_FULL_IDENTITY)) {
      return e;
    }
    return new SpecialNeed(e.id(), e.personId(), e.name(), e.householdId(), e.address(), e.need(), e.dueDate(),
        e.careProvider(), Masking.phone(e.phone()), e.note(), e.state(), e.jurisdictionCode(), e.areaId(),
        e.createdAt(), e.removedAt());
  }

  private static String text(String value, int max, String field, List<FieldProblem> problems) {
    String text = value == null || value.isBlank() ? null : value.strip();
    if (text != null && text.length() > max) {
      problems.add(FieldProblem.of(field, "treatment.needs.tooLong", max));
    }
    return text;
  }

  private static UUID uuid(String id) {
    try {
      return id == null || id.isBlank() ? null : UUID.fromString(id.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
