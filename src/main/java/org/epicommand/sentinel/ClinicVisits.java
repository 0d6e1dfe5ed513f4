package org.epicommand.sentinel;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.person.DocumentCheck;
import org.epicommand.person.IdType;
import org.epicommand.person.NewPerson;
import org.epicommand.person.PersonMatching;
import org.epicommand.sentinel.internal.ClinicObservation;
import org.epicommand.sentinel.internal.SentinelProperties;
import org.epicommand.sentinel.internal.VisitDeadlines;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clinic's patient register: each visit with temperature, symptoms, epidemiological history, the
 * tube sampled (every fever-clinic patient is sampled: the barcode is required there) and the
 * disposition (留观 while waiting for the result …). The patient is found or registered in the person
 * registry. The result is filled in when the sampling's result lands (the verification job's listener
 * on {@code TubesResulted}); a positive single tube starts the case flow through the testing module's
 * {@code SingleTubePositive}, which reaches the investigators. A visit without a tube is sampled or reported to
 * the township health centre later; each visit shows the deadline it waits on and whether it is overdue
 * ({@link VisitDeadlines}). A visit closes the patient's open fever referrals as arrived ({@link ClinicReferrals}), in
 * its own transaction. Every entry, move and read is audited.
 */
@Service
public class ClinicVisits {

  static final String SUBJECT = "SENTINEL_CLINIC_VISIT";

  private final JdbcClient jdbc;
  private final Clinics clinics;
  private final Pharmacies pharmacies;
  private final PersonMatching persons;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;
  private final VisitDeadlines deadlines;
  private final ClinicReferrals referrals;

  ClinicVisits(JdbcClient jdbc, Clinics clinics, Pharmacies pharmacies, PersonMatching persons,
      CurrentUser currentUser, AuditTrail audit, Clock clock, SentinelProperties properties,
      ClinicReferrals referrals) {
    this.referrals = referrals;
    this.jdbc = jdbc;
    this.clinics = clinics;
    this.pharmacies = pharmacies;
    this.persons = persons;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
    this.deadlines = new VisitDeadlines(properties);
  }

  /** What a visit would be refused for (an import's row check), without storing anything; a clinic the caller
   * does not reach is a problem on {@code clinic}. */
  public List<FieldProblem> check(NewClinicVisit request) {
    List<FieldProblem> problems = new ArrayList<>();
    try {
      validate(request, clinics.row(request.clinic()), problems);
    } catch (RecordNotFound outside) {
      problems.add(FieldProblem.of("clinic", "sentinel.clinicUnknown"));
    }
    return problems;
  }

  /** Whether this clinic has a visit of this patient (by name) at this time already (idempotent imports). */
  public boolean recorded(String clinic, String name, Instant visitedAt) {
    return jdbc.sql("""
        select count(*) from sentinel_clinic_visit where clinic_code = ? and patient_name = ? and visited_at = ?
        """).params(clinic, name == null ? null : name.strip(), OffsetDateTime.ofInstant(visitedAt, clock.getZone()))
        .query(Long.class).single() > 0;
  }

  private record Checked(IdType idType, DocumentCheck.Valid document, String name, String symptoms, String history,
      String tube, Instant at) {}

  private Checked validate(NewClinicVisit request, Clinics.Row clinic, List<FieldProblem> problems) {
    IdType idType = request.idType() == null ? IdType.RESIDENT_ID : request.idType();
    DocumentCheck.Valid document = DocumentCheck.check(idType, request.idNumber(), LocalDate.now(clock), "idNumber",
        problems);
    String name = text(request.name(), 50, "name", "sentinel.buyerName", problems);
    if (name == null) {
      problems.add(FieldProblem.of("name", "sentinel.buyerName"));
    }
    BigDecimal temperature = request.temperature();
    if (temperature != null && (temperature.compareTo(Purchases.LOWEST) < 0
        || temperature.compareTo(Purchases.HIGHEST) > 0)) {
      problems.add(FieldProblem.of("temperature", "sentinel.temperature"));
    }
    String symptoms = text(request.symptoms(), 500, "symptoms", "sentinel.note", problems);
    String history = text(request.epiHistory(), 500, "epiHistory", "sentinel.note", problems);
    String tube = text(request.tubeBarcode(), 40, "tubeBarcode", "sentinel.tubeBarcode", problems);
    if (tube == null && clinic.clinic().type() == ClinicType.FEVER_CLINIC) {
      problems.add(FieldProblem.of("tubeBarcode", "sentinel.feverClinicSampled"));
    }
    if (request.disposition() == null) {
      problems.add(FieldProblem.of("disposition", "sentinel.disposition"));
    }
    Instant now = clock.instant();
    Instant at = request.visitedAt() == null ? now : request.visitedAt();
    if (at.isAfter(now.plus(Duration.ofMinutes(5))) || at.isBefore(now.minus(Duration.ofDays(7)))) {
      problems.add(FieldProblem.of("visitedAt", "sentinel.visitedAt"));
    }
    return new Checked(idType, document, name, symptoms, history, tube, at);
  }

  @Transactional
  public ClinicVisit record(NewClinicVisit request) {
    Clinics.Row clinic = clinics.row(request.clinic());
    List<FieldProblem> problems = new ArrayList<>();
    Checked checked = validate(request, clinic, problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    IdType idType = checked.idType();
    DocumentCheck.Valid document = checked.document();
    String name = checked.name();
    BigDecimal temperature = request.temperature();
    String symptoms = checked.symptoms();
    String history = checked.history();
    String tube = checked.tube();
    Instant at = checked.at();
    String home = request.jurisdictionCode() == null || request.jurisdictionCode().isBlank()
        ? clinic.clinic().jurisdictionCode() : request.jurisdictionCode().strip();
    var patient = persons.resolve(new NewPerson(name, idType, document.number(), null, null, null, null, home),
        pharmacies.rootScopeOf(clinic.path()));
    String personId = patient.person() != null ? patient.person().id() : patient.elsewhere().personId();
    UUID id = UUID.randomUUID();
    OffsetDateTime visitedAt = OffsetDateTime.ofInstant(at, clock.getZone());
    jdbc.sql("""
        insert into sentinel_clinic_visit (id, clinic_code, clinic_path, person_id, patient_name, visited_at,
          temperature, symptoms, epi_history, tube_barcode, sampled_at, disposition, recorded_by)
        values (?, ?, ?, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """).params(id, clinic.clinic().creditCode(), clinic.path(), personId, name, visitedAt, temperature,
            symptoms, history, tube, tube == null ? null : visitedAt, request.disposition().name(),
            currentUser.get().username()).update();
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), "patient " + personId);
    referrals.arrived(personId, id.toString());
    return query("v.id = ?", id).get(0);
  }

  /** The clinic's latest visits (staff: their own clinic; others: a clinic in their jurisdiction), overdue only if
   * asked. */
  public List<ClinicVisit> list(String clinic, boolean overdueOnly) {
    String code = clinics.row(clinic).clinic().creditCode();
    if (!overdueOnly) {
      return query("v.clinic_code = ?", code);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    return query("v.clinic_code = ? and " + VisitDeadlines.OVERDUE, code, deadlines.resultCut(now),
        deadlines.reportCut(now));
  }

  /** A tube taken after the visit (乡采样): only for a visit not sampled yet (409 naming SAMPLED). */
  @Transactional
  public ClinicVisit sample(UUID id, String tubeBarcode) {
    List<FieldProblem> problems = new ArrayList<>();
    String tube = text(tubeBarcode, 40, "tubeBarcode", "sentinel.tubeBarcode", problems);
    if (tube == null) {
      problems.add(FieldProblem.of("tubeBarcode", "sentinel.tubeRequired"));
    }
    ClinicVisit visit = reach(id);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    if (visit.sampledAt() != null) {
      throw Conflict.explained("sentinel.visitMove", "SAMPLED", Map.of(), "SAMPLED");
    }
    jdbc.sql("update sentinel_clinic_visit set tube_barcode = ?, sampled_at = ? where id = ?")
        .params(tube, OffsetDateTime.now(clock), id).update();
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "sampled " + tube);
    return query("v.id = ?", id).get(0);
  }

  /** The patient reported to the township health centre (村报告): only before a sampling or another report. */
  @Transactional
  public ClinicVisit report(UUID id, String reportedTo) {
    List<FieldProblem> problems = new ArrayList<>();
    String to = text(reportedTo, 100, "reportedTo", "sentinel.reportedTo", problems);
    if (to == null) {
      problems.add(FieldProblem.of("reportedTo", "sentinel.reportedTo"));
    }
    ClinicVisit visit = reach(id);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    String current = visit.sampledAt() != null ? "SAMPLED" : visit.reportedAt() != null ? "REPORTED" : null;
    if (current != null) {
      throw Conflict.explained("sentinel.visitMove", current, Map.of(), current);
    }
    jdbc.sql("update sentinel_clinic_visit set reported_at = ?, reported_to = ? where id = ?")
        .params(OffsetDateTime.now(clock), to, id).update();
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "reported to " + to);
    return query("v.id = ?", id).get(0);
  }

  /**
   * Ends 留观: the patient under observation on site goes home to wait, is admitted, transferred to the designated
   * hospital or referred up ({@code disposition}, 400 otherwise); 409 naming the current disposition for a visit
   * not under observation. The visit awaits no deadline after it.
   */
  @Transactional
  public ClinicVisit endObservation(UUID id, Disposition next) {
    ClinicVisit visit = reach(id);
    new ClinicObservation(visit.disposition(), visit.observationEndedAt() != null).end(next);
    int ended = jdbc.sql("""
        update sentinel_clinic_visit set disposition = ?, observation_ended_at = ?
        where id = ? and disposition = 'OBSERVATION_ON_SITE' and observation_ended_at is null
        """).params(next.name(), OffsetDateTime.now(clock), id).update();
    if (ended == 0) {
      throw Conflict.illegalTransition("sentinel.notUnderObservation", query("v.id = ?", id).get(0).disposition());
    }
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "observation ended: " + next);
    return query("v.id = ?", id).get(0);
  }

  /** A visit at a clinic the caller reaches (404 otherwise); the read is audited. */
  @Transactional
  public ClinicVisit get(UUID id) {
    ClinicVisit visit = reach(id);
    audit.record(AuditAction.READ, SUBJECT, id.toString(), null);
    return visit;
  }

  private ClinicVisit reach(UUID id) {
    ClinicVisit visit = query("v.id = ?", id).stream().findFirst().orElseThrow(() -> new RecordNotFound(SUBJECT));
    try {
      clinics.row(visit.clinicCode());
    } catch (RecordNotFound outside) {
      throw new RecordNotFound(SUBJECT);
    }
    return visit;
  }

  private static String text(String value, int max, String field, String code, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.strip().length() > max) {
      problems.add(FieldProblem.of(field, code));
    }
    return value.strip();
  }

  private List<ClinicVisit> query(String where, Object... params) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return jdbc.sql("""
        select v.id::text, v.clinic_code, v.person_id::text, v.patient_name, v.visited_at, v.temperature, v.symptoms,
               v.epi_history, v.tube_barcode, v.sampled_at, v.reported_at, v.reported_to, v.disposition,
               v.observation_ended_at, v.result
        from sentinel_clinic_visit v where %s order by v.visited_at desc limit 200""".formatted(where)).params(params)
        .query((rs, n) -> {
          OffsetDateTime visitedAt = rs.getObject(5, OffsetDateTime.class);
          OffsetDateTime sampledAt = rs.getObject(10, OffsetDateTime.class);
          OffsetDateTime reportedAt = rs.getObject(11, OffsetDateTime.class);
          String result = rs.getString(15);
          OffsetDateTime observationEndedAt = rs.getObject(14, OffsetDateTime.class);
          VisitDeadlines.Due due = deadlines.of(visitedAt, sampledAt, reportedAt, observationEndedAt, result, now);
          return new ClinicVisit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), visitedAt,
              rs.getBigDecimal(6), rs.getString(7), rs.getString(8), rs.getString(9), sampledAt, reportedAt,
              rs.getString(12), Disposition.valueOf(rs.getString(13)), observationEndedAt, result,
              due.deadline(), due.dueAt(), due.overdue());
        }).list();
  }
}
