package org.epicommand.lockdown;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.lockdown.ServiceRequest.State;
import org.epicommand.lockdown.internal.AreaLifecycle;
import org.epicommand.lockdown.internal.AreaStore;
import org.epicommand.lockdown.internal.LockdownProperties;
import org.epicommand.lockdown.internal.RequestLifecycle;
import org.epicommand.person.Household;
import org.epicommand.person.PersonLookup;
import org.epicommand.person.PhoneNumbers;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.StateFilter;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.person.SpecialNeeds;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Household service requests of an ACTIVE area, through {@link RequestLifecycle}: the household must
 * lie in the area (400 {@code householdId} otherwise); the deadline is the need's service level
 * ({@code epicommand.lockdown.*-within}); an open request past it is reported once to the street.
 */
@Service
public class ServiceRequests {

  static final String SUBJECT = "LOCKDOWN_REQUEST";
  private static final String COLUMNS = """
      r.id, r.area_id, a.name, r.household_id, r.address, r.need, r.detail, r.phone, r.state, r.requested_at,
      r.due_at, r.assignee, r.assigned_at, r.closed_at, r.close_note, r.priority""";

  private final AreaStore areas;
  private final PersonLookup persons;
  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final LockdownProperties properties;
  private final ApplicationEventPublisher events;
  private final Jurisdictions jurisdictions;
  private final Clock clock;
  private final SpecialNeeds ledger;

  ServiceRequests(AreaStore areas, PersonLookup persons, JdbcClient jdbc, CurrentUser currentUser, AuditTrail audit,
      LockdownProperties properties, ApplicationEventPublisher events, Jurisdictions jurisdictions, Clock clock,
      SpecialNeeds ledger) {
    this.ledger = ledger;
    this.jurisdictions = jurisdictions;
    this.areas = areas;
    this.persons = persons;
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.audit = audit;
    this.properties = properties;
    this.events = events;
    this.clock = clock;
  }

  /** Records a request of a household of the area (REQUESTED) with its deadline. */
  @Transactional
  public ServiceRequest request(UUID areaId, ServiceRequest.New request) {
    UserContext user = currentUser.get();
    AreaStore.Row area = areas.get(areaId, user.scope());
    List<FieldProblem> problems = new ArrayList<>();
    Household household = household(area, request == null ? null : request.householdId(), user.scope(), problems);
    if (request == null || request.need() == null) {
      problems.add(FieldProblem.of("need", "lockdown.request.need"));
    }
    if (request != null && Manpower.length(request.detail()) > 500) {
      problems.add(FieldProblem.of("detail", "lockdown.tooLong"));
    }
    String phone = request == null || request.phone() == null || request.phone().isBlank() ? null
        : PhoneNumbers.normalize(request.phone());
    if (request != null && request.phone() != null && !request.phone().isBlank() && phone == null) {
      problems.add(FieldProblem.of("phone", "lockdown.phone"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    new AreaLifecycle(area.state()).requireActive();
    Instant now = clock.instant();
    UUID id = UUID.randomUUID();
    boolean priority = ledger.householdOnLedger(household.id());
    jdbc.sql("""
        insert into lockdown_request (id, area_id, household_id, address, need, detail, phone, state, requested_at,
          due_at, requested_by, jurisdiction_code, jurisdiction_path, priority)
        values (?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?, ?, ?, ?, ?)""").params(id, areaId, household.id(),
        household.address(), request.need().name(),
        Manpower.strip(request.detail()), phone, Timestamp.from(now),
        Timestamp.from(now.plus(properties.within(request.need(), priority))), user.username(),
        household.jurisdictionCode(), household.jurisdictionPath(), priority).update();
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), request.need().name());
    return find(id, user.scope());
  }

  /** The household of the area, or a field problem: unknown, outside the caller's scope or outside the area. */
  static Household household(AreaStore.Row area, UUID householdId, JurisdictionScope scope, PersonLookup persons,
      List<FieldProblem> problems) {
    Household household = householdId == null ? null : persons.household(householdId, scope).orElse(null);
    if (household == null || !area.holds(household.jurisdictionPath(), household.building())) {
      problems.add(FieldProblem.of("householdId", "lockdown.request.household"));
      return null;
    }
    return household;
  }

  private Household household(AreaStore.Row area, UUID householdId, JurisdictionScope scope,
      List<FieldProblem> problems) {
    return household(area, householdId, scope, persons, problems);
  }

  /**
   * Requests inside the caller's jurisdiction (of one area when given), households with a vulnerable
   * person first, then oldest deadline first; state
   * OPEN (default: REQUESTED and ASSIGNED), one state, or ALL; {@code overdue}: only open ones past their deadline.
   */
  public PageResult<ServiceRequest> list(UUID areaId, String state, boolean overdue, Paging paging) {
    return list(currentUser.get().scope(), areaId, state, overdue, paging);
  }

  /** As {@link #list(UUID, String, boolean, Paging)} inside one division of the caller's jurisdiction (404 outside). */
  public PageResult<ServiceRequest> listIn(String district, String state, boolean overdue, Paging paging) {
    return list(jurisdictions.narrow(currentUser.get().scope(), district), null, state, overdue, paging);
  }

  private PageResult<ServiceRequest> list(JurisdictionScope scope, UUID areaId, String state, boolean overdue,
      Paging paging) {
    List<String> states;
    if (state == null || state.isBlank() || "OPEN".equalsIgnoreCase(state.strip())) {
      states = List.of(State.REQUESTED.name(), State.ASSIGNED.name());
    } else {
      State chosen = StateFilter.parse(state, State.class, null);
      states = chosen == null ? java.util.Arrays.stream(State.values()).map(Enum::name).toList()
          : List.of(chosen.name());
    }
    Instant now = clock.instant();
    String sql = "select " + COLUMNS + " from lockdown_request r join lockdown_area a on a.id = r.area_id where "
        + scope.predicate("r.jurisdiction_path") + " and (cast(:area as uuid) is null or r.area_id = :area)"
        + " and r.state = any(:states)" + (overdue ? " and r.due_at < :now" : "")
        + " order by r.priority desc, r.due_at, r.id limit :limit offset :offset";
    return paging.toResult(scope.bind(jdbc.sql(sql)).param("area", areaId)
        .param("states", states.toArray(String[]::new)).param("now", Timestamp.from(now))
        .param("limit", paging.fetchSize()).param("offset", paging.offset())
        .query((rs, n) -> request(rs, now)).list(), null);
  }

  /** A request (audited as a read of personal data); 404 outside the caller's jurisdiction. */
  public ServiceRequest get(UUID id) {
    ServiceRequest found = find(id, currentUser.get().scope());
    audit.record(AuditAction.READ, SUBJECT, id.toString(), null);
    return found;
  }

  /** REQUESTED (or ASSIGNED) → ASSIGNED to a team member (default: the caller). */
  @Transactional
  public ServiceRequest assign(UUID id, ServiceRequest.Assignment assignment) {
    UserContext user = currentUser.get();
    String assignee = assignment == null || assignment.assignee() == null || assignment.assignee().isBlank()
        ? user.username() : assignment.assignee().strip();
    if (assignee.length() > 50) {
      throw new ValidationFailure(FieldProblem.of("assignee", "lockdown.tooLong"));
    }
    RequestLifecycle lifecycle = locked(id, user.scope());
    lifecycle.assign();
    jdbc.sql("update lockdown_request set state = ?, assignee = ?, assigned_at = ? where id = ?")
        .params(lifecycle.state().name(), assignee, Timestamp.from(clock.instant()), id).update();
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "ASSIGN " + assignee);
    return find(id, user.scope());
  }

  /** ASSIGNED → DELIVERED | REFERRED; REQUESTED or ASSIGNED → CANCELLED (with a note). */
  @Transactional
  public ServiceRequest close(UUID id, ServiceRequest.Outcome outcome) {
    UserContext user = currentUser.get();
    if (outcome == null || outcome.state() == null || outcome.state() == State.REQUESTED
        || outcome.state() == State.ASSIGNED) {
      throw new ValidationFailure(FieldProblem.of("state", "lockdown.request.outcome"));
    }
    if (Manpower.length(outcome.note()) > 500) {
      throw new ValidationFailure(FieldProblem.of("note", "lockdown.tooLong"));
    }
    RequestLifecycle lifecycle = locked(id, user.scope());
    if (outcome.state() == State.CANCELLED) {
      lifecycle.cancel();
    } else {
      lifecycle.complete(outcome.state());
    }
    jdbc.sql("update lockdown_request set state = ?, closed_at = ?, close_note = ? where id = ?")
        .params(lifecycle.state().name(), Timestamp.from(clock.instant()), Manpower.strip(outcome.note()), id)
        .update();
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), lifecycle.state().name());
    return find(id, user.scope());
  }

  /**
   * Marks the open requests overdue at {@code now} not reported yet, publishes each and returns the
   * addresses per community code: claiming and reporting share the caller's transaction.
   */
  @Transactional
  public Map<String, List<String>> claimOverdue(Instant now) {
    Map<String, List<String>> byDivision = new LinkedHashMap<>();
    jdbc.sql("""
        update lockdown_request set overdue_notified_at = ?
        where state in ('REQUESTED', 'ASSIGNED') and overdue_notified_at is null and due_at < ?
        returning id, area_id, need, jurisdiction_code, address""").params(Timestamp.from(now), Timestamp.from(now))
        .query(rs -> {
          byDivision.computeIfAbsent(rs.getString(4), k -> new ArrayList<>()).add(rs.getString(5));
          events.publishEvent(new ServiceRequestOverdue(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
              ServiceRequest.Need.valueOf(rs.getString(3)), rs.getString(4)));
        });
    return byDivision;
  }

  private RequestLifecycle locked(UUID id, JurisdictionScope scope) {
    return scope.bind(jdbc.sql("select state from lockdown_request where id = :id and "
        + scope.predicate("jurisdiction_path") + " for update")).param("id", id).query(String.class).optional()
        .map(s -> new RequestLifecycle(State.valueOf(s))).orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  private ServiceRequest find(UUID id, JurisdictionScope scope) {
    Instant now = clock.instant();
    return scope.bind(jdbc.sql("select " + COLUMNS + " from lockdown_request r join lockdown_area a on a.id = r.area_id"
        + " where r.id = :id and " + scope.predicate("r.jurisdiction_path"))).param("id", id)
        .query((rs, n) -> request(rs, now)).optional().orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  private static ServiceRequest request(ResultSet rs, Instant now) throws SQLException {
    State state = State.valueOf(rs.getString(9));
    Instant due = rs.getTimestamp(11).toInstant();
    return new ServiceRequest(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
        rs.getObject(4, UUID.class), rs.getString(5), ServiceRequest.Need.valueOf(rs.getString(6)), rs.getString(7),
        rs.getString(8), state, rs.getTimestamp(10).toInstant(), due,
        (state == State.REQUESTED || state == State.ASSIGNED) && now.isAfter(due), rs.getString(12),
        ts(rs, 13), ts(rs, 14), rs.getString(15), rs.getBoolean(16));
  }

  static Instant ts(ResultSet rs, int column) throws SQLException {
    return rs.getTimestamp(column) == null ? null : rs.getTimestamp(column).toInstant();
  }
}
