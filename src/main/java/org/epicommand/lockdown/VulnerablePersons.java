package org.epicommand.lockdown;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of vulnerable persons of a sealed area (独居老人, 残疾, 慢病用药, 孕产妇, 透析, 放化疗, 精神障碍):
 * kept by the area's staff while the area is declared or active, shown at its posts and to its service
 * staff. A household on the register has its requests served first: they are flagged, listed first
 * and due within {@code epicommand.lockdown.vulnerable-within} at the latest — the open ones too when
 * the person is registered. Removing keeps the entry (read as REMOVED).
 */
@Service
public class VulnerablePersons {

  static final String SUBJECT = "LOCKDOWN_VULNERABLE";
  private static final String COLUMNS = """
      id, area_id, household_id, address, name, category, note, phone, state, created_at, removed_at""";

  private final AreaStore areas;
  private final PersonLookup persons;
  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final LockdownProperties properties;
  private final Clock clock;

  VulnerablePersons(AreaStore areas, PersonLookup persons, JdbcClient jdbc, CurrentUser currentUser, AuditTrail audit,
      LockdownProperties properties, Clock clock) {
    this.areas = areas;
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
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        insert into lockdown_vulnerable (id, area_id, household_id, address, name, category, note, phone, state,
          jurisdiction_code, jurisdiction_path, created_at, created_by)
        values (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?)""").params(id, areaId, household.id(),
        household.address(), name, request.category().name(), Manpower.strip(request.note()), normalized,
        household.jurisdictionCode(), household.jurisdictionPath(), Timestamp.from(clock.instant()), user.username())
        .update();
    // the household's open requests come first from now on, and are due within the shorter time
    jdbc.sql("""
        update lockdown_request set priority = true, due_at = least(due_at, requested_at + cast(? as interval))
        where area_id = ? and household_id = ? and state in ('REQUESTED', 'ASSIGNED')""")
        .params(properties.vulnerableWithin().toSeconds() + " seconds", areaId, household.id()).update();
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), request.category().name());
    return find(id, user.scope());
  }

  /** The area's register (removed entries too when {@code all}), by address; read audited as personal data. */
  public List<VulnerablePerson> of(UUID areaId, boolean all) {
    areas.get(areaId, currentUser.get().scope());
    List<VulnerablePerson> found = jdbc.sql("select " + COLUMNS + " from lockdown_vulnerable where area_id = ?"
        + (all ? "" : " and state = 'ACTIVE'") + " order by state, address, name limit 1000").param(areaId)
        .query((rs, n) -> person(rs)).list();
    audit.record(AuditAction.READ, SUBJECT, areaId.toString(), "封控区重点人群名册");
    return found;
  }

  /** Takes a person off the register (kept as REMOVED); 409 when removed already. */
  @Transactional
  public VulnerablePerson remove(UUID id) {
    JurisdictionScope scope = currentUser.get().scope();
    VulnerablePerson person = find(id, scope);
    if (person.state() != VulnerablePerson.State.ACTIVE) {
      throw Conflict.illegalTransition("lockdown.vulnerableState", person.state());
    }
    jdbc.sql("update lockdown_vulnerable set state = 'REMOVED', removed_at = ? where id = ?")
        .params(Timestamp.from(clock.instant()), id).update();
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "REMOVE");
    return find(id, scope);
  }

  /** One entry of a register; 404 outside the caller's jurisdiction. */
  public VulnerablePerson get(UUID id) {
    return find(id, currentUser.get().scope());
  }

  private VulnerablePerson find(UUID id, JurisdictionScope scope) {
    return scope.bind(jdbc.sql("select " + COLUMNS + " from lockdown_vulnerable where id = :id and "
        + scope.predicate("jurisdiction_path"))).param("id", id).query((rs, n) -> person(rs)).optional()
        .orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  private static VulnerablePerson person(ResultSet rs) throws SQLException {
    return new VulnerablePerson(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5),
        VulnerablePerson.Category.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
        VulnerablePerson.State.valueOf(rs.getString(9)), rs.getTimestamp(10).toInstant(), ServiceRequests.ts(rs, 11));
  }
}
