package org.epicommand.lockdown;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.lockdown.internal.AreaLifecycle;
import org.epicommand.lockdown.internal.AreaStore;
import org.epicommand.lockdown.internal.LockdownProperties;
import org.epicommand.person.Household;
import org.epicommand.person.PersonLookup;
import org.epicommand.person.PhoneNumbers;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.person.SpecialNeed;
import org.epicommand.person.SpecialNeeds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of vulnerable persons of a sealed area (独居老人, 残疾, 慢病用药, 孕产妇, 透析, 放化疗, 精神障碍):
 * the special-needs ledger of the registry ({@link SpecialNeeds}) seen from the area — the entries
 * the area's staff put on it while the area is declared or active, and the ledger's people of households
 * inside the area — shown at its posts and to its service staff. A household on the register has its
 * requests served first: they are flagged, listed first and due within
 * {@code epicommand.lockdown.vulnerable-within} at the latest — the open ones too when the person is
 * registered. Removing keeps the entry (read as REMOVED).
 */
@Service
public class VulnerablePersons {

  static final String SUBJECT = "LOCKDOWN_VULNERABLE";

  private final AreaStore areas;
  private final SpecialNeeds ledger;
  private final PersonLookup persons;
  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final LockdownProperties properties;
  private final Clock clock;

  VulnerablePersons(AreaStore areas, SpecialNeeds ledger, PersonLookup persons, JdbcClient jdbc,
      CurrentUser currentUser, AuditTrail audit, LockdownProperties properties, Clock clock) {
    this.areas = areas;
    this.ledger = ledger;
    this.persons = persons;
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /** Puts a person of a household of the area on its register; 400 per field; 409 naming the area's state. */
  @Transactional
  public VulnerablePerson register(UUID areaId, VulnerablePerson.New request) {
    UserContext user = currentUser.get();
    AreaStore.Row area = areas.lock(areaId, user.scope());
    List<FieldProblem> problems = new ArrayList<>();
    Household household = ServiceRequests.household(area, request == null ? null : request.householdId(),
        user.scope(), persons, problems);
    String name = request == null || request.name() == null ? "" : request.name().strip();
    if (name.isEmpty() || name.length() > 50) {
      problems.add(FieldProblem.of("name", "lockdown.worker.name"));
    }
    if (request == null || request.category() == null) {
      problems.add(FieldProblem.of("category", "lockdown.vulnerable.category"));
    }
    if (request != null && Manpower.length(request.note()) > 500) {
      problems.add(FieldProblem.of("note", "lockdown.tooLong"));
    }
    String phone = request == null ? null : Manpower.strip(request.phone());
    String normalized = phone == null ? null : PhoneNumbers.normalize(phone);
    if (phone != null && normalized == null) {
      problems.add(FieldProblem.of("phone", "lockdown.phone"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    new AreaLifecycle(area.state()).requirePreparing();
    UUID id = ledger.keep(new SpecialNeed.InHousehold(areaId, household.id(), household.address(), name,
        SpecialNeed.Need.valueOf(request.category().name()), Manpower.strip(request.note()), normalized,
        household.jurisdictionCode(), household.jurisdictionPath(), user.username()));
    // the household's open requests come first from now on, and are due within the shorter time
    jdbc.sql("""
        update lockdown_request set priority = true, due_at = least(due_at, requested_at + cast(? as interval))
        where area_id = ? and household_id = ? and state in ('REQUESTED', 'ASSIGNED')""")
        .params(properties.vulnerableWithin().toSeconds() + " seconds", areaId, household.id()).update();
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), request.category().name());
    return find(id, user.scope());
  }

  /**
   * The area's register (removed entries too when {@code all}), by address: the entries its staff put on the
   * special-needs ledger and the ledger's people of households inside the area; read audited as personal data.
   */
  public List<VulnerablePerson> of(UUID areaId, boolean all) {
    AreaStore.Row area = areas.get(areaId, currentUser.get().scope());
    List<VulnerablePerson> found = ledger.forArea(areaId, area.path(), all).stream()
        .filter(e -> areaId.toString().equals(e.getKey().areaId())
            || area.holds(e.getValue(), Household.buildingOf(e.getKey().address())))
        .map(e -> person(e.getKey(), areaId)).toList();
    audit.record(AuditAction.READ, SUBJECT, areaId.toString(), "封控区重点人群名册");
    return found;
  }

  /** Takes a person off the register (kept as REMOVED on the ledger); 409 when removed already. */
  @Transactional
  public VulnerablePerson remove(UUID id) {
    JurisdictionScope scope = currentUser.get().scope();
    VulnerablePerson person = find(id, scope);
    if (person.state() != VulnerablePerson.State.ACTIVE) {
      throw Conflict.illegalTransition("lockdown.vulnerableState", person.state());
    }
    ledger.markRemoved(id);
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "REMOVE");
    return find(id, scope);
  }

  /** One entry of a register; 404 outside the caller's jurisdiction. */
  public VulnerablePerson get(UUID id) {
    return find(id, currentUser.get().scope());
  }

  private VulnerablePerson find(UUID id, JurisdictionScope scope) {
    return ledger.find(id, scope).map(e -> person(e, null)).orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  private static VulnerablePerson person(SpecialNeed e, UUID shownIn) {
    UUID area = e.areaId() != null ? UUID.fromString(e.areaId()) : shownIn;
    return new VulnerablePerson(UUID.fromString(e.id()), area,
        e.householdId() == null ? null : UUID.fromString(e.householdId()), e.address(), e.name(),
        VulnerablePerson.Category.valueOf(e.need().name()), e.note(), e.phone(),
        VulnerablePerson.State.valueOf(e.state().name()), e.createdAt(), e.removedAt());
  }
}
