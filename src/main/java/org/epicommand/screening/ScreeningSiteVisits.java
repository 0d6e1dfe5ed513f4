package org.epicommand.screening;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.screening.SiteVisit.Outcome;
import org.epicommand.screening.internal.ScreeningProperties;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visits of a round's sites (入单位). One visit per round and site: the first worker's insert wins, a
 * second gets 409 with the visit's id; a CLOSED site is tried again on the same row. Each visit is one
 * row plus one update of its division's rollup row (sites documented, leaflets); each person the
 * questionnaire flags becomes a finding — fever or symptoms (fever clinic referral), a recent arrival
 * (arrival registration) — with its action deadline.
 */
@Service
public class ScreeningSiteVisits {

  private static final String SUBJECT = "SCREENING_SITE_VISIT";

  private final JdbcClient jdbc;
  private final ScreeningRounds rounds;
  private final ScreeningFindings findings;
  private final ScreeningQuestionnaires questionnaires;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final ScreeningProperties properties;

  ScreeningSiteVisits(JdbcClient jdbc, ScreeningRounds rounds, ScreeningFindings findings,
      ScreeningQuestionnaires questionnaires, CurrentUser currentUser, AuditTrail audit,
      ScreeningProperties properties) {
    this.jdbc = jdbc;
    this.rounds = rounds;
    this.findings = findings;
    this.questionnaires = questionnaires;
    this.currentUser = currentUser;
    this.audit = audit;
    this.properties = properties;
  }

  private record Place(UUID roundId, String name, String address, String code, String path) {}

  /** Records a visit of {@code siteId}; see the class comment for the rules. */
  @Transactional
  public SiteVisit record(UUID siteId, SiteVisit.New request) {
    UserContext user = currentUser.get();
    Questionnaire questionnaire = questionnaires.current();
    validate(request, questionnaire);
    Place place = user.scope().bind(jdbc.sql("""
        select round_id, name, address, jurisdiction_code, jurisdiction_path from screening_site
        where id = :site and %s""".formatted(user.scope().predicate("jurisdiction_path"))).param("site", siteId))
        .query((rs, n) -> new Place(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5))).optional().orElseThrow(() -> new RecordNotFound("site"));
    ScreeningRound round = rounds.get(place.roundId());
    if (round.state() != ScreeningRound.State.RUNNING) {
      throw Conflict.illegalTransition("screening.roundNotRunning", round.state());
    }
    Instant now = rounds.now();
    if (now.isAfter(round.endsAt())) {
      throw Conflict.of("screening.roundEnded");
    }
    List<SiteVisit.Person> flagged = request.persons() == null ? List.of() : request.persons();
    int fever = (int) flagged.stream().filter(this::febrile).count();
    int symptomatic = (int) flagged.stream().filter(p -> p.symptoms() != null && !p.symptoms().isEmpty()).count();
    int arrivals = (int) flagged.stream().filter(p -> p.arrivedOn() != null || present(p.fromRegion())).count();
    Outcome outcome = request.outcome();
    Instant revisit = outcome == Outcome.CLOSED ? now.plus(properties.revisitWithin()) : null;
    boolean leaflet = Boolean.TRUE.equals(request.leafletDelivered());
    UUID id = UUID.randomUUID();
    Object[] values = {Timestamp.from(now), user.username(), request.method().name(), outcome.name(),
        request.staffPresent() == null ? 0 : request.staffPresent(), Boolean.TRUE.equals(request.ledgerScreened()),
        fever, symptomatic, arrivals, questionnaire.version(), revisit == null ? null : Timestamp.from(revisit),
        leaflet, request.note() == null || request.note().isBlank() ? null : request.note().strip()};
    boolean inserted = jdbc.sql("""
        insert into screening_site_visit (id, round_id, site_id, jurisdiction_code, jurisdiction_path, visited_at,
          visitor, method, outcome, staff_present, ledger_screened, fever, symptomatic, recent_arrivals,
          questionnaire_version, revisit_due_at, leaflet_delivered, note, attempts)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
        on conflict (round_id, site_id) do nothing""").params(concat(new Object[] {id, round.id(), siteId,
        place.code(), place.path()}, values)).update() == 1;
    Outcome before = null;
    boolean leafletBefore = false;
    if (!inserted) {
      Object[] existing = jdbc.sql("""
          select id, outcome, leaflet_delivered from screening_site_visit
          where round_id = ? and site_id = ? for update""")
          .params(round.id(), siteId).query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2),
              rs.getBoolean(3)}).single();
      id = (UUID) existing[0];
      before = Outcome.valueOf((String) existing[1]);
      leafletBefore = (Boolean) existing[2];
      if (before != Outcome.CLOSED) {
        throw Conflict.duplicate("screening.siteVisited", id.toString());
      }
      values[11] = leaflet || leafletBefore;
      jdbc.sql("""
          update screening_site_visit set visited_at = ?, visitor = ?, method = ?, outcome = ?, staff_present = ?,
            ledger_screened = ?, fever = ?, symptomatic = ?, recent_arrivals = ?, questionnaire_version = ?,
            revisit_due_at = ?, leaflet_delivered = ?, note = coalesce(?, note), attempts = attempts + 1
          where id = ?""").params(concat(values, new Object[] {id})).update();
    }
    jdbc.sql("""
        update screening_rollup set sites_documented = sites_documented + ?, leaflets = leaflets + ?
        where round_id = ? and jurisdiction_path = ?""").params(
        ScreeningVisits.flag(outcome.documented()) - ScreeningVisits.flag(before != null && before.documented()),
        ScreeningVisits.flag(leaflet && !leafletBefore), round.id(), place.path()).update();
    ScreeningFindings.Origin origin = new ScreeningFindings.Origin(round.id(), null, id, null,
        place.address() == null ? place.name() : place.name() + " " + place.address(), place.code(), place.path(),
        now);
    List<UUID> raised = new ArrayList<>();
    for (SiteVisit.Person person : flagged) {
      raised.addAll(raise(origin, person));
    }
    audit.record(inserted ? AuditAction.CREATE : AuditAction.UPDATE, SUBJECT, id.toString(), outcome + " " + siteId);
    return find(id, raised);
  }

  private List<UUID> raise(ScreeningFindings.Origin origin, SiteVisit.Person p) {
    List<UUID> raised = new ArrayList<>();
    String name = p.name().strip();
    String who = present(p.idNumber()) ? p.idNumber().strip() : present(p.phone()) ? p.phone().strip() : null;
    if (febrile(p)) {
      raised.add(findings.raise(origin, null, name, Finding.Category.FEVER, p.temperature(), p.symptoms(), who));
    } else if (p.symptoms() != null && !p.symptoms().isEmpty()) {
      raised.add(findings.raise(origin, null, name, Finding.Category.SYMPTOMS, p.temperature(), p.symptoms(), who));
    }
    if (p.arrivedOn() != null || present(p.fromRegion())) {
      String from = ((present(p.fromRegion()) ? p.fromRegion().strip() : "") + (p.arrivedOn() == null ? ""
          : " " + p.arrivedOn()) + (who == null ? "" : " " + who)).strip();
      raised.add(findings.raise(origin, null, name, Finding.Category.UNREGISTERED_ARRIVAL, null, null, from));
    }
    return raised;
  }

  private boolean febrile(SiteVisit.Person p) {
    return p.temperature() != null && p.temperature().compareTo(properties.feverFrom()) >= 0;
  }

  private static boolean present(String text) {
    return text != null && !text.isBlank();
  }

  private static Object[] concat(Object[] a, Object[] b) {
    Object[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static void validate(SiteVisit.New request, Questionnaire questionnaire) {
    List<FieldProblem> problems = new ArrayList<>();
    if (request.method() == null) {
      problems.add(FieldProblem.of("method", "screening.required"));
    }
    if (request.outcome() == null) {
      problems.add(FieldProblem.of("outcome", "screening.required"));
    }
    if (request.staffPresent() != null && (request.staffPresent() < 0 || request.staffPresent() > 100_000)) {
      problems.add(FieldProblem.of("staffPresent", "screening.headcount"));
    }
    List<SiteVisit.Person> persons = request.persons() == null ? List.of() : request.persons();
    if (persons.size() > 50 || persons.stream().anyMatch(p -> p == null || !present(p.name()) || p.name().length() > 50
        || p.idNumber() != null && p.idNumber().length() > 30 || p.phone() != null && p.phone().length() > 24
        || p.fromRegion() != null && p.fromRegion().length() > 100)) {
      problems.add(FieldProblem.of("persons", "screening.check"));
    }
    if (persons.stream().anyMatch(p -> p != null && p.temperature() != null && (p.temperature().compareTo(
        new BigDecimal("34")) < 0 || p.temperature().compareTo(new BigDecimal("43")) > 0))) {
      problems.add(FieldProblem.of("temperature", "screening.temperature", 34, 43));
    }
    QuestionnaireAnswers.check(questionnaire, persons.stream().filter(java.util.Objects::nonNull)
        .map(p -> new Visit.Check(null, p.temperature(), p.symptoms(), p.fromRegion(), null, p.arrivedOn(), null))
        .toList(), request.leafletDelivered(), problems);
    if (request.note() != null && request.note().length() > 500) {
      problems.add(FieldProblem.of("note", "screening.note"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
  }

  /** A site visit with its findings; 404 outside the caller's jurisdiction. */
  public SiteVisit get(UUID id) {
    return find(id, null);
  }

  private SiteVisit find(UUID id, List<UUID> findingIds) {
    UserContext user = currentUser.get();
    SiteVisit visit = user.scope().bind(jdbc.sql("""
        select v.round_id, v.site_id, s.name, s.kind, v.jurisdiction_code, v.visited_at, v.visitor, v.method, v.outcome,
               v.staff_present, v.ledger_screened, v.fever, v.symptomatic, v.recent_arrivals, v.questionnaire_version,
               v.attempts, v.revisit_due_at, v.leaflet_delivered, v.note
        from screening_site_visit v join screening_site s on s.id = v.site_id
        where v.id = :id and %s""".formatted(user.scope().predicate("v.jurisdiction_path"))).param("id", id))
        .query((rs, n) -> new SiteVisit(id, rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
            Site.Kind.valueOf(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7),
            Visit.Method.valueOf(rs.getString(8)), Outcome.valueOf(rs.getString(9)), rs.getInt(10), rs.getBoolean(11),
            rs.getInt(12), rs.getInt(13), rs.getInt(14), rs.getInt(15), rs.getInt(16),
            rs.getTimestamp(17) == null ? null : rs.getTimestamp(17).toInstant(), rs.getBoolean(18), rs.getString(19),
            List.of())).optional().orElseThrow(() -> new RecordNotFound("site visit"));
    List<Finding> found = findings.ofSiteVisit(id);
    return new SiteVisit(visit.id(), visit.roundId(), visit.siteId(), visit.siteName(), visit.kind(),
        visit.jurisdictionCode(), visit.visitedAt(), visit.visitor(), visit.method(), visit.outcome(),
        visit.staffPresent(), visit.ledgerScreened(), visit.fever(), visit.symptomatic(), visit.recentArrivals(),
        visit.questionnaireVersion(), visit.attempts(), visit.revisitDueAt(), visit.leafletDelivered(), visit.note(),
        findingIds == null ? found : found.stream().filter(f -> findingIds.contains(f.id())).toList());
  }
}
