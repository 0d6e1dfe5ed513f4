package org.epicommand.screening;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.quarantine.Symptom;
import org.epicommand.screening.Finding.State;
import org.epicommand.screening.internal.ScreeningProperties;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.StateFilter;
import org.epicommand.shared.ValidationFailure;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Findings of the visits and their control actions: OPEN → ACTIONED → CLOSED. A finding still OPEN
 * after its deadline (raised + {@code epicommand.screening.action-within}) is overdue; the escalation
 * reports each overdue finding once, in the inbox of its street's staff (and the district desk).
 */
@Service
public class ScreeningFindings {

  private static final String SUBJECT = "SCREENING_FINDING";
  private static final String COLUMNS = """
      id, round_id, visit_id, household_id, person_id, person_name, category, temperature, detail, address,
      jurisdiction_code, state, required_action, raised_at, action_due_at, action, action_ref, placed, status_note,
      actioned_at, actioned_by, symptoms, site_visit_id""";

  /** Where a finding comes from: round, household visit or site visit, household and its place, when. */
  record Origin(UUID roundId, UUID visitId, UUID siteVisitId, UUID householdId, String address, String code,
      String path, Instant at) {}

  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final Jurisdictions jurisdictions;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final ScreeningProperties properties;
  private final java.time.Clock clock;
  private final FindingActions actions;

  ScreeningFindings(JdbcClient jdbc, CurrentUser currentUser, Jurisdictions jurisdictions, AuditTrail audit,
      ApplicationEventPublisher events, ScreeningProperties properties, java.time.Clock clock,
      FindingActions actions) {
    this.jdbc = jdbc;
    this.actions = actions;
    this.currentUser = currentUser;
    this.jurisdictions = jurisdictions;
    this.audit = audit;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  /** Stores an OPEN finding with its required action and deadline, and publishes it. */
  UUID raise(Origin origin, UUID personId, String name, Finding.Category category, BigDecimal temperature,
      List<Symptom> symptoms, String detail) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        insert into screening_finding (id, round_id, visit_id, household_id, person_id, person_name, category,
          temperature, detail, address, jurisdiction_code, jurisdiction_path, state, required_action, raised_at,
          action_due_at, symptoms, site_visit_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?)
        """).params(id, origin.roundId(), origin.visitId(), origin.householdId(), personId, name, category.name(),
        temperature, detail, origin.address(), origin.code(), origin.path(),
        Finding.Action.requiredFor(category).name(), Timestamp.from(origin.at()),
        Timestamp.from(origin.at().plus(properties.actionWithin())),
        symptoms == null || symptoms.isEmpty() ? null : String.join(",", symptoms.stream().map(Enum::name).toList()),
        origin.siteVisitId()).update();
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), category.name());
    events.publishEvent(new ScreeningFindingRaised(id, personId, category, origin.code(), name, origin.address(),
        origin.at()));
    return id;
  }

  List<Finding> ofVisit(UUID visitId) {
    return of("visit_id", visitId);
  }

  List<Finding> ofSiteVisit(UUID siteVisitId) {
    return of("site_visit_id", siteVisitId);
  }

  private List<Finding> of(String column, UUID visitId) {
    Instant now = clock.instant();
    Map<String, String> names = new HashMap<>();
    return jdbc.sql("select " + COLUMNS + " from screening_finding where " + column + " = ? order by raised_at, id")
        .param(visitId).query((rs, n) -> finding(rs, now, names)).list();
  }

  /**
   * Findings inside {@code jurisdiction} (default: the caller's; 404 outside), newest first; state
   * OPEN (default), ACTIONED, CLOSED or ALL; {@code overdue}: only OPEN ones past their deadline.
   */
  public PageResult<Finding> list(String state, String jurisdiction, boolean overdue, Paging paging) {
    JurisdictionScope scope = jurisdictions.narrow(currentUser.get().scope(), jurisdiction);
    State chosen = StateFilter.parse(state, State.class, State.OPEN);
    List<State> states = chosen == null ? List.of(State.values()) : List.of(chosen);
    Instant now = clock.instant();
    String sql = "select " + COLUMNS + " from screening_finding where " + scope.predicate("jurisdiction_path")
        + " and state = any(:states)" + (overdue ? " and state = 'OPEN' and action_due_at < :now" : "")
        + " order by raised_at desc, id limit :limit offset :offset";
    Map<String, String> names = new HashMap<>();
    return paging.toResult(scope.bind(jdbc.sql(sql)).param("states", states.stream().map(Enum::name)
        .toArray(String[]::new))
        .param("now", Timestamp.from(now)).param("limit", paging.fetchSize()).param("offset", paging.offset())
        .query((rs, n) -> finding(rs, now, names)).list(), null);
  }

  /** A finding; 404 outside the caller's jurisdiction. */
  public Finding get(UUID id) {
    JurisdictionScope scope = currentUser.get().scope();
    Instant now = clock.instant();
    return scope.bind(jdbc.sql("select " + COLUMNS + " from screening_finding where id = :id and "
        + scope.predicate("jurisdiction_path")).param("id", id)).query((rs, n) -> finding(rs, now, new HashMap<>()))
        .optional().orElseThrow(() -> new RecordNotFound("finding"));
  }

  /**
   * Records the action taken on an OPEN finding (409 naming the state otherwise). An arrival
   * registration with the arrival's details and no reference is registered through the movement
   * module, the finding keeping the arrival's id. Repeating the action a finding already carries
   * answers the finding unchanged (nothing is registered twice).
   */
  @Transactional
  public Finding act(UUID id, Finding.Taken taken) {
    List<FieldProblem> problems = new ArrayList<>();
    if (taken == null || taken.action() == null) {
      problems.add(FieldProblem.of("action", "screening.required"));
    } else if (taken.action() == Finding.Action.NO_ACTION_JUSTIFIED && (taken.status() == null || taken.status()
        .isBlank())) {
      problems.add(FieldProblem.of("status", "screening.justify"));
    }
    if (taken != null && (length(taken.reference()) > 60 || length(taken.placed()) > 200
        || length(taken.status()) > 500)) {
      problems.add(FieldProblem.of("reference", "screening.tooLong"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    State state = lockedState(id);
    if (state == State.ACTIONED && get(id).action() == taken.action()) {
      return get(id);
    }
    if (state != State.OPEN) {
      throw Conflict.illegalTransition("screening.findingState", state);
    }
    String reference = strip(taken.reference());
    if (reference == null && taken.action() == Finding.Action.ARRIVAL_REGISTERED && taken.arrival() != null) {
      reference = actions.registerArrival(get(id), taken.arrival());
    }
    jdbc.sql("""
        update screening_finding set state = 'ACTIONED', action = ?, action_ref = ?, placed = ?, status_note = ?,
          actioned_at = ?, actioned_by = ? where id = ?""").params(taken.action().name(), reference,
        strip(taken.placed()), strip(taken.status()), Timestamp.from(clock.instant()), currentUser.get().username(), id)
        .update();
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "ACTION " + taken.action());
    return get(id);
  }

  /** Closes an ACTIONED finding (409 naming the state otherwise). */
  @Transactional
  public Finding close(UUID id) {
    State state = lockedState(id);
    if (state != State.ACTIONED) {
      throw Conflict.illegalTransition("screening.findingState", state);
    }
    jdbc.sql("update screening_finding set state = 'CLOSED', closed_at = ? where id = ?")
        .params(Timestamp.from(clock.instant()), id).update();
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "CLOSE");
    return get(id);
  }

  private State lockedState(UUID id) {
    UserContext user = currentUser.get();
    return user.scope().bind(jdbc.sql("select state from screening_finding where id = :id and "
        + user.scope().predicate("jurisdiction_path") + " for update").param("id", id)).query(String.class).optional()
        .map(State::valueOf).orElseThrow(() -> new RecordNotFound("finding"));
  }

  /**
   * Marks the findings overdue at {@code now} that were not reported yet and returns them per street
   * code (the division above the household's community): claiming and reporting share the caller's
   * transaction.
   */
  @Transactional
  public Map<String, List<String>> claimOverdue(Instant now) {
    Map<String, List<String>> byDivision = new java.util.LinkedHashMap<>();
    jdbc.sql("""
        update screening_finding set overdue_notified_at = ?
        where state = 'OPEN' and overdue_notified_at is null and action_due_at < ?
        returning jurisdiction_code, person_name""").params(Timestamp.from(now), Timestamp.from(now)).query(rs -> {
          byDivision.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
    return byDivision;
  }

  private Finding finding(ResultSet rs, Instant now, Map<String, String> names) throws SQLException {
    State state = State.valueOf(rs.getString(12));
    Instant due = rs.getTimestamp(15).toInstant();
    String code = rs.getString(11);
    String name = names.computeIfAbsent(code, c -> jurisdictions.find(c).map(Jurisdiction::name).orElse(c));
    return new Finding(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
        rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getString(6),
        Finding.Category.valueOf(rs.getString(7)), rs.getBigDecimal(8), rs.getString(22) == null ? List.of()
            : java.util.Arrays.stream(rs.getString(22).split(",")).map(Symptom::valueOf).toList(),
        rs.getString(9), rs.getString(10), code, name,
        state, Finding.Action.valueOf(rs.getString(13)), rs.getTimestamp(14).toInstant(), due,
        state == State.OPEN && now.isAfter(due), rs.getString(16) == null ? null
            : Finding.Action.valueOf(rs.getString(16)),
        rs.getString(17), rs.getString(18), rs.getString(19),
        rs.getTimestamp(20) == null ? null : rs.getTimestamp(20).toInstant(), rs.getString(21),
        rs.getObject(23, UUID.class));
  }

  private static int length(String text) {
    return text == null ? 0 : text.length();
  }

  private static String strip(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
