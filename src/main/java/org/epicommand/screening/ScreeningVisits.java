package org.epicommand.screening;

import java.math.BigDecimal;
import java.sql.Timestamp;
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
import org.epicommand.person.IdType;
import org.epicommand.person.NewPerson;
import org.epicommand.person.PersonRegistry;
import org.epicommand.person.PersonSummary;
import org.epicommand.person.Sex;
import org.epicommand.screening.Visit.Outcome;
import org.epicommand.screening.internal.ScreeningProperties;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Door-to-door visits. One visit per round and household: the first worker's insert wins, a second
 * gets 409 with the visit's id; a NOBODY_HOME visit is tried again on the same row. Each visit is one
 * row plus one update of its community's rollup row; the questionnaire's abnormal answers become
 * findings with their action deadline, and residents found unregistered are registered with the
 * household's address.
 */
@Service
public class ScreeningVisits {

  private static final String SUBJECT = "SCREENING_VISIT";
  private static final BigDecimal LOWEST = new BigDecimal("34");
  private static final BigDecimal HIGHEST = new BigDecimal("43");

  private final JdbcClient jdbc;
  private final ScreeningRounds rounds;
  private final ScreeningFindings findings;
  private final PersonRegistry persons;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final ScreeningProperties properties;
  private final ScreeningQuestionnaires questionnaires;

  ScreeningVisits(JdbcClient jdbc, ScreeningRounds rounds, ScreeningFindings findings, PersonRegistry persons,
      CurrentUser currentUser, AuditTrail audit, ScreeningProperties properties,
      ScreeningQuestionnaires questionnaires) {
    this.jdbc = jdbc;
    this.questionnaires = questionnaires;
    this.rounds = rounds;
    this.findings = findings;
    this.persons = persons;
    this.currentUser = currentUser;
    this.audit = audit;
    this.properties = properties;
  }

  private record Target(String address, String code, String path) {}

  /** Records a visit of {@code householdId}; see the class comment for the rules. */
  @Transactional
  public Visit record(UUID householdId, Visit.New request) {
    UserContext user = currentUser.get();
    validate(request);
    ScreeningRound round = rounds.get(request.roundId());
    if (round.state() == ScreeningRound.State.PLANNED) {
      throw Conflict.illegalTransition("screening.roundNotRunning", round.state());
    }
    Target target = user.scope().bind(jdbc.sql("""
        select address, jurisdiction_code, jurisdiction_path from screening_target
        where round_id = :round and household_id = :household and %s""".formatted(
            user.scope().predicate("jurisdiction_path"))).param("round", round.id()).param("household", householdId))
        .query((rs, n) -> new Target(rs.getString(1), rs.getString(2), rs.getString(3))).optional()
        .orElseThrow(() -> new RecordNotFound("household"));
    Instant now = rounds.now();
    if (round.state() != ScreeningRound.State.RUNNING) {
      throw Conflict.illegalTransition("screening.roundNotRunning", round.state());
    }
    if (now.isAfter(round.endsAt())) {
      throw Conflict.of("screening.roundEnded");
    }
    Map<UUID, String> members = new LinkedHashMap<>();
    for (PersonSummary p : persons.householdMembers(householdId)) {
      members.put(UUID.fromString(p.id()), p.name());
    }
    List<UUID> seen = request.seen() == null ? List.of() : request.seen().stream().distinct().toList();
    List<FieldProblem> problems = new ArrayList<>();
    if (!members.keySet().containsAll(seen)) {
      problems.add(FieldProblem.of("seen", "screening.notMember"));
    }
    if (request.checks() != null && request.checks().stream().anyMatch(c -> !members.containsKey(c.personId()))) {
      problems.add(FieldProblem.of("checks", "screening.notMember"));
    }
    Questionnaire questionnaire = questionnaires.current();
    QuestionnaireAnswers.check(questionnaire, request.checks(), request.leafletDelivered(), problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    Outcome outcome = request.outcome();
    Instant revisit = outcome == Outcome.NOBODY_HOME ? now.plus(properties.revisitWithin()) : null;
    int newcomers = request.newResidents() == null ? 0 : request.newResidents().size();
    boolean leaflet = Boolean.TRUE.equals(request.leafletDelivered());
    UUID[] vulnerable = request.checks() == null ? new UUID[0] : request.checks().stream()
        .filter(c -> Boolean.TRUE.equals(c.vulnerable())).map(Visit.Check::personId).distinct().toArray(UUID[]::new);
    UUID id = UUID.randomUUID();
    boolean inserted = jdbc.sql("""
        insert into screening_visit (id, round_id, household_id, jurisdiction_code, jurisdiction_path, visited_at,
          visitor, method, outcome, persons_seen, seen_person_ids, attempts, revisit_due_at, leaflet_delivered, note,
          questionnaire_version, vulnerable_person_ids)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::uuid[], 1, ?, ?, ?, ?, ?::uuid[])
        on conflict (round_id, household_id) do nothing
        """).params(id, round.id(), householdId, target.code(), target.path(), Timestamp.from(now), user.username(),
        request.method().name(), outcome.name(), seen.size() + newcomers, seen.toArray(UUID[]::new),
        revisit == null ? null : Timestamp.from(revisit), leaflet, blankToNull(request.note()),
        questionnaire.version(), vulnerable).update() == 1;
    Outcome before = null;
    int seenBefore = 0;
    int leafletsBefore = 0;
    int vulnerableBefore = 0;
    if (!inserted) {
      Object[] existing = jdbc.sql("""
          select id, outcome, persons_seen, leaflet_delivered, cardinality(vulnerable_person_ids)
          from screening_visit where round_id = ? and household_id = ? for update""")
          .params(round.id(), householdId).query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2),
              rs.getInt(3), rs.getBoolean(4), rs.getInt(5)}).single();
      id = (UUID) existing[0];
      before = Outcome.valueOf((String) existing[1]);
      seenBefore = (Integer) existing[2];
      leafletsBefore = flag((Boolean) existing[3]);
      vulnerableBefore = (Integer) existing[4];
      if (before != Outcome.NOBODY_HOME) {
        throw Conflict.duplicate("screening.visited", id.toString());
      }
      jdbc.sql("""
          update screening_visit set visited_at = ?, visitor = ?, method = ?, outcome = ?, persons_seen = ?,
            seen_person_ids = ?::uuid[], attempts = attempts + 1, revisit_due_at = ?,
            leaflet_delivered = leaflet_delivered or ?, note = coalesce(?, note), questionnaire_version = ?,
            vulnerable_person_ids = ?::uuid[]
          where id = ?""").params(Timestamp.from(now), user.username(), request.method().name(), outcome.name(),
          seen.size() + newcomers, seen.toArray(UUID[]::new), revisit == null ? null : Timestamp.from(revisit),
          leaflet, blankToNull(request.note()), questionnaire.version(), vulnerable, id).update();
    }
    rollup(round.id(), target.path(), before, outcome, new int[] {seen.size() + newcomers - seenBefore,
        Math.max(flag(leaflet), leafletsBefore) - leafletsBefore, vulnerable.length - vulnerableBefore});
    List<UUID> registered = new ArrayList<>();
    List<UUID> raised = new ArrayList<>();
    ScreeningFindings.Origin origin = new ScreeningFindings.Origin(round.id(), id, null, householdId, target.address(),
        target.code(), target.path(), now);
    if (request.newResidents() != null) {
      for (Visit.NewResident resident : request.newResidents()) {
        UUID personId = UUID.fromString(persons.register(newPerson(resident, target)).id());
        registered.add(personId);
        raised.add(findings.raise(origin, personId, resident.name().strip(), Finding.Category.UNREGISTERED_ARRIVAL,
            null, null, detail(resident)));
      }
    }
    for (Visit.Check check : request.checks() == null ? List.<Visit.Check>of() : request.checks()) {
      raised.addAll(raise(origin, check, members.get(check.personId())));
    }
    audit.record(inserted ? AuditAction.CREATE : AuditAction.UPDATE, SUBJECT, id.toString(),
        outcome + " " + householdId);
    return find(id, raised, registered);
  }

  private List<UUID> raise(ScreeningFindings.Origin origin, Visit.Check check, String name) {
    List<UUID> raised = new ArrayList<>();
    UUID person = check.personId();
    if (check.temperature() != null && check.temperature().compareTo(properties.feverFrom()) >= 0) {
      raised.add(findings.raise(origin, person, name, Finding.Category.FEVER, check.temperature(), check.symptoms(),
          null));
    } else if (check.symptoms() != null && !check.symptoms().isEmpty()) {
      raised.add(findings.raise(origin, person, name, Finding.Category.SYMPTOMS, check.temperature(), check.symptoms(),
          null));
    }
    if (check.riskArea() != null && !check.riskArea().isBlank()) {
      raised.add(findings.raise(origin, person, name, Finding.Category.RISK_AREA_TRAVEL, null, null,
          check.riskArea().strip() + (check.arrivedOn() == null ? "" : " " + check.arrivedOn())));
    }
    if (Boolean.TRUE.equals(check.caseContact())) {
      raised.add(findings.raise(origin, person, name, Finding.Category.CASE_CONTACT, null, null, null));
    }
    return raised;
  }

  private static String detail(Visit.NewResident resident) {
    String from = resident.fromRegion() == null ? "" : resident.fromRegion().strip();
    return (from + (resident.arrivedOn() == null ? "" : " " + resident.arrivedOn())).strip();
  }

  private static NewPerson newPerson(Visit.NewResident r, Target target) {
    IdType idType = r.idType() == null ? IdType.RESIDENT_ID : IdType.parse(r.idType());
    if (idType == null || r.name() == null || r.name().isBlank()) {
      throw new ValidationFailure(FieldProblem.of("newResidents", "screening.newResident"));
    }
    return new NewPerson(r.name().strip(), idType, r.idNumber(), Sex.parse(r.sex()), null, r.phone(),
        target.address(), target.code());
  }

  private void validate(Visit.New request) {
    List<FieldProblem> problems = new ArrayList<>();
    if (request.roundId() == null) {
      problems.add(FieldProblem.of("roundId", "screening.required"));
    }
    if (request.method() == null) {
      problems.add(FieldProblem.of("method", "screening.required"));
    }
    if (request.outcome() == null) {
      problems.add(FieldProblem.of("outcome", "screening.required"));
    }
    if (request.checks() != null && request.checks().stream().anyMatch(c -> c.temperature() != null
        && (c.temperature().compareTo(LOWEST) < 0 || c.temperature().compareTo(HIGHEST) > 0))) {
      problems.add(FieldProblem.of("temperature", "screening.temperature", LOWEST, HIGHEST));
    }
    if (request.checks() != null && request.checks().stream().anyMatch(c -> c.personId() == null
        || c.riskArea() != null && c.riskArea().length() > 100)) {
      problems.add(FieldProblem.of("checks", "screening.check"));
    }
    if (request.note() != null && request.note().length() > 500) {
      problems.add(FieldProblem.of("note", "screening.note"));
    }
    if (request.newResidents() != null && request.newResidents().size() > 20) {
      problems.add(FieldProblem.of("newResidents", "screening.newResident"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
  }

  /**
   * Corrects a visit of a running round (409 otherwise; 404 outside the caller's jurisdiction): the
   * outcome, the members seen, the leaflet and the note; the community's rollup follows. Findings stay.
   */
  @Transactional
  public Visit correct(UUID id, Visit.Correction change) {
    Visit visit = get(id);
    if (change == null || change.outcome() == null) {
      throw new ValidationFailure(FieldProblem.of("outcome", "screening.required"));
    }
    if (change.note() != null && change.note().length() > 500) {
      throw new ValidationFailure(FieldProblem.of("note", "screening.note"));
    }
    List<UUID> seen = change.seen() == null ? List.of() : change.seen().stream().distinct().toList();
    List<UUID> members = persons.householdMembers(visit.householdId()).stream().map(p -> UUID.fromString(p.id()))
        .toList();
    if (!members.containsAll(seen)) {
      throw new ValidationFailure(FieldProblem.of("seen", "screening.notMember"));
    }
    ScreeningRound round = rounds.get(visit.roundId());
    if (round.state() != ScreeningRound.State.RUNNING) {
      throw Conflict.illegalTransition("screening.roundNotRunning", round.state());
    }
    String path = jdbc.sql("select jurisdiction_path from screening_visit where id = ? for update").param(id)
        .query(String.class).single();
    Outcome before = visit.outcome();
    Outcome after = change.outcome();
    int personsSeen = visit.personsSeen() - visit.seenPersonIds().size() + seen.size();
    Instant now = rounds.now();
    jdbc.sql("""
        update screening_visit set outcome = ?, persons_seen = ?, seen_person_ids = ?::uuid[], revisit_due_at = ?,
          leaflet_delivered = ?, note = ? where id = ?""").params(after.name(), personsSeen, seen.toArray(UUID[]::new),
        after == Outcome.NOBODY_HOME ? Timestamp.from(now.plus(properties.revisitWithin())) : null,
        Boolean.TRUE.equals(change.leafletDelivered()), blankToNull(change.note()), id).update();
    boolean leaflet = Boolean.TRUE.equals(change.leafletDelivered());
    rollup(visit.roundId(), path, before, after, new int[] {personsSeen - visit.personsSeen(),
        flag(leaflet) - flag(visit.leafletDelivered()), 0});
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "CORRECT " + before + "->" + after);
    return get(id);
  }

  /**
   * Moves the community's rollup row from the outcome {@code before} (null: no visit yet) to
   * {@code after}, with {@code more} persons seen, leaflets and vulnerable members: one update per visit.
   */
  private void rollup(UUID roundId, String path, Outcome before, Outcome after, int[] more) {
    jdbc.sql("""
        update screening_rollup set documented = documented + ?, all_seen = all_seen + ?,
          nobody_home = nobody_home + ?, persons_seen = persons_seen + ?, leaflets = leaflets + ?,
          vulnerable = vulnerable + ?
        where round_id = ? and jurisdiction_path = ?""").params(
        flag(after.documented()) - flag(before != null && before.documented()),
        flag(after == Outcome.ALL_SEEN) - flag(before == Outcome.ALL_SEEN),
        flag(after == Outcome.NOBODY_HOME) - flag(before == Outcome.NOBODY_HOME), more[0], more[1], more[2], roundId,
        path).update();
  }

  static int flag(boolean value) {
    return value ? 1 : 0;
  }

  /** A visit with its findings; 404 outside the caller's jurisdiction. */
  public Visit get(UUID id) {
    return find(id, null, List.of());
  }

  private Visit find(UUID id, List<UUID> findingIds, List<UUID> registered) {
    UserContext user = currentUser.get();
    Visit visit = user.scope().bind(jdbc.sql("""
        select v.round_id, v.household_id, t.address, v.jurisdiction_code, v.visited_at, v.visitor, v.method, v.outcome,
               v.persons_seen, v.seen_person_ids, v.attempts, v.revisit_due_at, v.leaflet_delivered, v.note,
               v.questionnaire_version, v.vulnerable_person_ids
        from screening_visit v join screening_target t on t.round_id = v.round_id and t.household_id = v.household_id
        where v.id = :id and %s""".formatted(user.scope().predicate("v.jurisdiction_path"))).param("id", id))
        .query((rs, n) -> new Visit(id, rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
            rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6), Visit.Method.valueOf(rs.getString(7)),
            Outcome.valueOf(rs.getString(8)), rs.getInt(9), List.of((UUID[]) rs.getArray(10).getArray()), rs.getInt(11),
            rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant(), rs.getBoolean(13), rs.getString(14),
            List.of(), registered, rs.getInt(15), List.of((UUID[]) rs.getArray(16).getArray()))).optional()
        .orElseThrow(() -> new RecordNotFound("visit"));
    List<Finding> found = findings.ofVisit(id);
    return new Visit(visit.id(), visit.roundId(), visit.householdId(), visit.address(), visit.jurisdictionCode(),
        visit.visitedAt(), visit.visitor(), visit.method(), visit.outcome(), visit.personsSeen(), visit.seenPersonIds(),
        visit.attempts(), visit.revisitDueAt(), visit.leafletDelivered(), visit.note(),
        findingIds == null ? found : found.stream().filter(f -> findingIds.contains(f.id())).toList(), registered,
        visit.questionnaireVersion(), visit.vulnerablePersonIds());
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
