package org.epicommand.screening;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.screening.Gathering.State;
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
 * The gatherings register: a report takes the policy rule in force for its kind, division and date
 * ({@link GatheringPolicies#ruleFor}); the office approves, advises to postpone or rejects it (a
 * BANNED kind cannot be approved); an approved one is marked held, followed up and closed. A
 * gathering found held without a report is stored as a VIOLATION and published. Every change is
 * audited; outside the caller's jurisdiction a gathering does not exist (404).
 */
@Service
public class Gatherings {

  private static final String SUBJECT = "GATHERING";
  private static final String COLUMNS = """
      id, kind, organiser_name, organiser_person_id, organiser_phone, place, jurisdiction_code, held_on, attendees,
      measures, state, rule, decision_note, actual_attendees, reported_at, reported_by""";
  private static final Map<String, Set<State>> FROM = Map.of(
      "APPROVED", EnumSet.of(State.REPORTED), "ADVISED_TO_POSTPONE", EnumSet.of(State.REPORTED),
      "REJECTED", EnumSet.of(State.REPORTED), "HELD", EnumSet.of(State.APPROVED),
      "CLOSED", EnumSet.of(State.HELD, State.ADVISED_TO_POSTPONE, State.REJECTED, State.VIOLATION));

  private final JdbcClient jdbc;
  private final GatheringPolicies policies;
  private final CurrentUser currentUser;
  private final Jurisdictions jurisdictions;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final java.time.Clock clock;

  Gatherings(JdbcClient jdbc, GatheringPolicies policies, CurrentUser currentUser, Jurisdictions jurisdictions,
      AuditTrail audit, ApplicationEventPublisher events, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.policies = policies;
    this.currentUser = currentUser;
    this.jurisdictions = jurisdictions;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** Registers a gathering; all field problems at once (date in the past, attendees ≤ 0, …); nothing stored then. */
  @Transactional
  public Gathering report(Gathering.New request) {
    UserContext user = currentUser.get();
    boolean violation = Boolean.TRUE.equals(request.unreported());
    List<FieldProblem> problems = new ArrayList<>();
    if (request.kind() == null) {
      problems.add(FieldProblem.of("kind", "screening.required"));
    }
    if (blank(request.organiserName()) || request.organiserName().strip().length() > 50) {
      problems.add(FieldProblem.of("organiserName", "screening.required"));
    }
    if (blank(request.place()) || request.place().strip().length() > 200) {
      problems.add(FieldProblem.of("place", "screening.required"));
    }
    Jurisdiction division = request.jurisdictionCode() == null ? null
        : jurisdictions.find(request.jurisdictionCode().strip()).orElse(null);
    if (division == null) {
      problems.add(FieldProblem.of("jurisdictionCode", "jurisdiction.unknown"));
    }
    LocalDate today = LocalDate.now(clock);
    if (request.heldOn() == null) {
      problems.add(FieldProblem.of("heldOn", "screening.required"));
    } else if (!violation && request.heldOn().isBefore(today)) {
      problems.add(FieldProblem.of("heldOn", "screening.pastDate"));
    }
    if (request.attendees() == null || request.attendees() <= 0 || request.attendees() > 100_000) {
      problems.add(FieldProblem.of("attendees", "screening.attendees"));
    }
    if (request.measures() != null && request.measures().length() > 500
        || request.organiserPhone() != null && request.organiserPhone().length() > 24) {
      problems.add(FieldProblem.of("measures", "screening.tooLong"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    if (!user.scope().contains(division.path())) {
      throw new RecordNotFound("jurisdiction");
    }
    GatheringPolicies.Applied rule = policies.ruleFor(request.kind(), division.path(), request.heldOn());
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql("""
        insert into gathering_report (id, kind, organiser_name, organiser_person_id, organiser_phone, place,
          jurisdiction_code, jurisdiction_path, held_on, attendees, measures, state, rule, policy_id, reported_at,
          reported_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """).params(id, request.kind().name(), request.organiserName().strip(), request.organiserPersonId(),
        strip(request.organiserPhone()), request.place().strip(), division.code(), division.path(), request.heldOn(),
        request.attendees(), strip(request.measures()), (violation ? State.VIOLATION : State.REPORTED).name(),
        rule.rule().name(), rule.policyId(), now, user.username(), now).update();
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), request.kind() + (violation ? " VIOLATION" : ""));
    if (violation) {
      events.publishEvent(new GatheringViolation(id, request.kind(), division.code()));
    }
    return get(id);
  }

  /**
   * Moves a gathering to {@code target} (APPROVED, ADVISED_TO_POSTPONE, REJECTED, HELD or CLOSED)
   * with a note; 409 naming the current state when the move is not allowed from it, and approving a
   * BANNED kind is refused.
   */
  @Transactional
  public Gathering move(UUID id, State target, Gathering.Note note) {
    String text = note == null ? null : strip(note.note());
    if (text != null && text.length() > 500) {
      throw new ValidationFailure(FieldProblem.of("note", "screening.tooLong"));
    }
    Integer actual = note == null ? null : note.actualAttendees();
    if (actual != null && actual < 0) {
      throw new ValidationFailure(FieldProblem.of("actualAttendees", "screening.attendees"));
    }
    Gathering current = locked(id);
    if (!FROM.getOrDefault(target.name(), Set.of()).contains(current.state())) {
      throw Conflict.illegalTransition("screening.gatheringState", current.state());
    }
    if (target == State.APPROVED && current.rule() == Gathering.Rule.BANNED) {
      throw Conflict.of("screening.gatheringBanned");
    }
    jdbc.sql("""
        update gathering_report set state = ?, decision_note = coalesce(?, decision_note),
          actual_attendees = coalesce(?, actual_attendees), updated_at = ? where id = ?""")
        .params(target.name(), target == State.CLOSED ? null : text, actual, Timestamp.from(clock.instant()), id)
        .update();
    if (target == State.CLOSED && text != null) {
      addNote(id, text);
    }
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), current.state() + "->" + target);
    return get(id);
  }

  /** Adds a follow-up note (attendees' health, measures checked) to a gathering not yet closed. */
  @Transactional
  public Gathering followUp(UUID id, Gathering.Note note) {
    String text = note == null ? null : strip(note.note());
    if (text == null || text.length() > 500) {
      throw new ValidationFailure(FieldProblem.of("note", "screening.required"));
    }
    Gathering current = locked(id);
    if (current.state() == State.CLOSED) {
      throw Conflict.illegalTransition("screening.gatheringState", current.state());
    }
    addNote(id, text);
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "FOLLOW_UP");
    return get(id);
  }

  private void addNote(UUID id, String text) {
    jdbc.sql("insert into gathering_follow_up (gathering_id, at, by_user, note) values (?, ?, ?, ?)")
        .params(id, Timestamp.from(clock.instant()), currentUser.get().username(), text).update();
  }

  private Gathering locked(UUID id) {
    JurisdictionScope scope = currentUser.get().scope();
    scope.bind(jdbc.sql("select id from gathering_report where id = :id and " + scope.predicate("jurisdiction_path")
        + " for update").param("id", id)).query(UUID.class).optional()
        .orElseThrow(() -> new RecordNotFound("gathering"));
    return get(id);
  }

  /** A gathering with its follow-ups; 404 outside the caller's jurisdiction. */
  public Gathering get(UUID id) {
    JurisdictionScope scope = currentUser.get().scope();
    List<Gathering.FollowUp> notes = jdbc.sql("select at, by_user, note from gathering_follow_up where gathering_id = ?"
        + " order by at").param(id).query((rs, n) -> new Gathering.FollowUp(rs.getTimestamp(1).toInstant(),
            rs.getString(2), rs.getString(3))).list();
    return scope.bind(jdbc.sql("select " + COLUMNS + " from gathering_report where id = :id and "
        + scope.predicate("jurisdiction_path")).param("id", id)).query((rs, n) -> gathering(rs, new HashMap<>(), notes))
        .optional().orElseThrow(() -> new RecordNotFound("gathering"));
  }

  /** Gatherings inside {@code jurisdiction} (default: the caller's), by date; {@code state} one state or ALL (default).
   * */
  public PageResult<Gathering> list(String state, String jurisdiction, Paging paging) {
    JurisdictionScope scope = jurisdictions.narrow(currentUser.get().scope(), jurisdiction);
    State only = StateFilter.parse(state, State.class, null);
    Map<String, String> names = new HashMap<>();
    return paging.toResult(scope.bind(jdbc.sql("select " + COLUMNS + " from gathering_report where "
        + scope.predicate("jurisdiction_path") + (only == null ? "" : " and state = :state")
        + " order by held_on desc, reported_at desc, id limit :limit offset :offset"))
        .param("state", only == null ? "" : only.name()).param("limit", paging.fetchSize())
        .param("offset", paging.offset()).query((rs, n) -> gathering(rs, names, List.of())).list(), null);
  }

  private Gathering gathering(ResultSet rs, Map<String, String> names, List<Gathering.FollowUp> notes)
      throws SQLException {
    String code = rs.getString(7);
    Gathering.Rule rule = Gathering.Rule.valueOf(rs.getString(12));
    return new Gathering(rs.getObject(1, UUID.class), Gathering.Kind.valueOf(rs.getString(2)), rs.getString(3),
        rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), code,
        names.computeIfAbsent(code, c -> jurisdictions.find(c).map(Jurisdiction::name).orElse(c)),
        rs.getObject(8, LocalDate.class), rs.getInt(9), rs.getString(10), State.valueOf(rs.getString(11)), rule,
        rs.getString(13), (Integer) rs.getObject(14), rs.getTimestamp(15).toInstant(), rs.getString(16), notes);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static String strip(String text) {
    return blank(text) ? null : text.strip();
  }
}
