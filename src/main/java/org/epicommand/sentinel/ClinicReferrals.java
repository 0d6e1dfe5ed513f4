package org.epicommand.sentinel;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.screening.Finding;
import org.epicommand.screening.ScreeningFindingRaised;
import org.epicommand.sentinel.internal.ClinicBindings;
import org.epicommand.sentinel.internal.Referral;
import org.epicommand.sentinel.internal.SentinelProperties;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patients expected at the fever clinics (screening's FEVER and SYMPTOMS → referral, sentinel.md). Such a finding
 * about a registered person becomes one referral (one per finding, however often the event arrives) to the fever clinic
 * nearest the person inside their district: the fever clinic whose division shares the longest part of the person's
 * division path (their community, then their street, then the district), a clinic higher up the tree first when
 * two share as much, then by name. A district without a fever clinic keeps the referral unassigned, listed for the
 * staff of the person's division and above. The patient's visit at any clinic closes their open referrals as ARRIVED
 * in the same transaction; clinic staff close one as NOT_ARRIVED with a reason. Open longer than
 * {@code epicommand.sentinel.referral-overdue} (24 h) it is overdue. The staff who list an unassigned referral may
 * give it to a fever clinic by hand. Staff reach their own clinic's referrals
 * only (404 otherwise); a single read is audited, as a visit's is.
 */
@Service
public class ClinicReferrals {

  static final String SUBJECT = "SENTINEL_CLINIC_REFERRAL";

  private final JdbcClient jdbc;
  private final Clinics clinics;
  private final ClinicBindings staff;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;
  private final Duration overdueAfter;

  ClinicReferrals(JdbcClient jdbc, Clinics clinics, ClinicBindings staff, Jurisdictions jurisdictions,
      CurrentUser currentUser, AuditTrail audit, Clock clock, SentinelProperties properties) {
    this.jdbc = jdbc;
    this.clinics = clinics;
    this.staff = staff;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
    this.overdueAfter = properties.referralOverdue();
  }

  /**
   * A finding that calls for a fever-clinic referral (FEVER, SYMPTOMS: {@link Finding.Action#requiredFor}) about a
   * registered person: the referral to the nearest fever clinic, once per finding.
   */
  @ApplicationModuleListener
  void on(ScreeningFindingRaised event) {
    if (Finding.Action.requiredFor(event.category()) != Finding.Action.FEVER_CLINIC_REFERRAL
        || event.personId() == null) {
      return;
    }
    Optional<Jurisdiction> from = jurisdictions.find(event.jurisdictionCode());
    if (from.isEmpty()) {
      return;
    }
    String path = from.get().path();
    String clinic = nearestFeverClinic(from.get()).orElse(null);
    UUID id = UUID.randomUUID();
    String name = event.personName() == null || event.personName().isBlank() ? "—" : event.personName().strip();
    int inserted = jdbc.sql("""
        insert into sentinel_clinic_referral (id, finding_id, person_id, patient_name, from_code, from_path, address,
          clinic_code, referred_at, state) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')
        on conflict (finding_id) do nothing
        """).params(id, event.findingId(), event.personId(), cut(name, 50), from.get().code(), path,
            event.address() == null ? null : cut(event.address(), 200), clinic,
            OffsetDateTime.ofInstant(event.raisedAt() == null ? clock.instant() : event.raisedAt(), clock.getZone()))
        .update();
    if (inserted > 0) {
      audit.recordAs("system", AuditAction.CREATE, SUBJECT, id.toString(),
          event.category() + " finding " + event.findingId() + (clinic == null ? " unassigned" : " to " + clinic));
    }
  }

  private Optional<String> nearestFeverClinic(Jurisdiction from) {
    String district = jurisdictions.ancestry(from.code()).stream()
        .filter(j -> j.level() == JurisdictionLevel.COUNTY).map(Jurisdiction::path).findFirst().orElse(from.path());
    record Candidate(String code, String name, String path) {}
    return jdbc.sql("""
        select credit_code, name, jurisdiction_path from sentinel_clinic
        where clinic_type = 'FEVER_CLINIC' and jurisdiction_path like ?""").param(district + "%")
        .query((rs, n) -> new Candidate(rs.getString(1), rs.getString(2), rs.getString(3))).list().stream()
        .min(Comparator.<Candidate>comparingInt(c -> -shared(c.path(), from.path()))
            .thenComparingInt(c -> c.path().length()).thenComparing(Candidate::name).thenComparing(Candidate::code))
        .map(Candidate::code);
  }

  /** How many whole path segments two division paths share. */
  private static int shared(String a, String b) {
    int segments = 0;
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      if (a.charAt(i) == '/') {
        segments++;
      }
      i++;
    }
    return segments;
  }

  /**
   * The open referrals of a clinic the caller reaches (staff: their own; 404 otherwise), longest waiting first; or,
   * {@code unassigned}, the open referrals no fever clinic serves inside the caller's jurisdiction (none for
   * clinic staff).
   */
  public List<ClinicReferral> expected(String clinic, boolean unassigned) {
    if (unassigned) {
      UserContext user = currentUser.get();
      if (staff.clinicOf(user).isPresent()) {
        throw new RecordNotFound(SUBJECT);
      }
      return user.scope().bind(jdbc.sql(SELECT + " where r.state = 'OPEN' and r.clinic_code is null and "
          + user.scope().predicate("r.from_path") + " order by r.referred_at limit 200")).query(this::row).list();
    }
    String code = clinics.row(clinic).clinic().creditCode();
    return jdbc.sql(SELECT + " where r.state = 'OPEN' and r.clinic_code = :code order by r.referred_at limit 200")
        .param("code", code).query(this::row).list();
  }

  /** A referral the caller reaches (404 otherwise); the read is audited. */
  @Transactional
  public ClinicReferral get(UUID id) {
    ClinicReferral referral = reach(id);
    audit.record(AuditAction.READ, SUBJECT, id.toString(), null);
    return referral;
  }

  /** The clinic's staff close an open referral as NOT_ARRIVED with the reason (400 reason; 409 naming the state). */
  @Transactional
  public ClinicReferral notArrived(UUID id, String reason) {
    ClinicReferral current = reach(id);
    if (current.clinicCode() == null) {
      throw new RecordNotFound(SUBJECT);
    }
    Referral referral = locked(id);
    referral.notArrived(reason);
    jdbc.sql("""
        update sentinel_clinic_referral set state = 'NOT_ARRIVED', reason = ?, closed_at = ?, closed_by = ?
        where id = ?""").params(referral.reason(), OffsetDateTime.now(clock), currentUser.get().username(), id)
        .update();
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "NOT_ARRIVED");
    return one(id).orElseThrow();
  }

  /**
   * District or city staff give an open referral that no fever clinic serves to an active fever clinic they reach
   * (400 {@code clinicId} for any other; 404 outside their jurisdiction; 409 naming the state once closed, or the
   * clinic it has). Audited.
   */
  @Transactional
  public ClinicReferral assign(UUID id, String clinicId) {
    return toClinic(id, clinicId, (referral, clinic) -> {
      referral.assign(clinic);
      return "ASSIGNED to " + clinic;
    });
  }

  /**
   * District or city staff move an open referral from the clinic it has to another active fever clinic they reach
   * (400 {@code clinicId} for any other, or for the clinic it has; 404 outside their jurisdiction; 409 naming the
   * state once closed, or while it has no clinic yet: that is {@link #assign}). Audited with both clinics.
   */
  @Transactional
  public ClinicReferral move(UUID id, String clinicId) {
    return toClinic(id, clinicId, (referral, clinic) -> {
      referral.move(clinic);
      return "MOVED from " + referral.previous() + " to " + clinic;
    });
  }

  /**
   * A referral the caller reaches (404) goes to an active fever clinic they reach (400 {@code clinicId}) by the
   * entity's move (409), which answers the audit detail.
   */
  private ClinicReferral toClinic(UUID id, String clinicId, BiFunction<Referral, String, String> move) {
    reach(id);
    Clinic clinic = clinics.activeFeverClinic(clinicId)
        .orElseThrow(() -> new ValidationFailure(FieldProblem.of("clinicId", "sentinel.referralClinic")));
    Referral referral = locked(id);
    String detail = move.apply(referral, clinic.creditCode());
    jdbc.sql("update sentinel_clinic_referral set clinic_code = ? where id = ?").params(referral.clinic(), id)
        .update();
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), detail);
    return one(id).orElseThrow();
  }

  /**
   * The open referrals that a fever clinic inside the caller's jurisdiction expects, longest waiting first: those
   * district and city staff may move (none for clinic staff, who list their own clinic's).
   */
  public List<ClinicReferral> assigned() {
    UserContext user = currentUser.get();
    if (staff.clinicOf(user).isPresent()) {
      return List.of();
    }
    return user.scope().bind(jdbc.sql(SELECT + " where r.state = 'OPEN' and r.clinic_code is not null and "
        + user.scope().predicate("c.jurisdiction_path") + " order by r.referred_at limit 200")).query(this::row)
        .list();
  }

  /**
   * How many open referrals have waited longer than the overdue threshold for the caller: clinic staff count their
   * own clinic's (none without a clinic); district and city sentinel managers those of the fever clinics inside
   * their jurisdiction and the unassigned ones of their divisions; anyone else none.
   */
  public long overdueForCaller() {
    UserContext user = currentUser.get();
    OffsetDateTime before = OffsetDateTime.now(clock).minus(overdueAfter);
    Optional<String> own = staff.clinicOf(user);
    if (own.isPresent()) {
      return jdbc.sql("""
          select count(*) from sentinel_clinic_referral where state = 'OPEN' and clinic_code = ? and referred_at < ?""")
          .params(own.get(), before).query(Long.class).single();
    }
    if (!user.has(Permission.SENTINEL_MANAGE)) {
      return 0;
    }
    return user.scope().bind(jdbc.sql("""
        select count(*) from sentinel_clinic_referral r left join sentinel_clinic c on c.credit_code = r.clinic_code
        where r.state = 'OPEN' and r.referred_at < :before and (r.clinic_code is null and\s""" + user.scope()
        .predicate("r.from_path") + " or r.clinic_code is not null and " + user.scope().predicate("c.jurisdiction_path")
        + ")")).param("before", before).query(Long.class).single();
  }

  /** The person's visit was registered: each of their open referrals closes as ARRIVED (the caller's transaction). */
  void arrived(String personId, String visitId) {
    record Open(UUID id, Referral referral) {}
    List<Open> open = jdbc.sql("""
        select id, state from sentinel_clinic_referral where person_id = ?::uuid and state = 'OPEN' for update""")
        .param(personId).query((rs, n) -> new Open(rs.getObject(1, UUID.class),
            new Referral(ReferralState.valueOf(rs.getString(2))))).list();
    for (Open each : open) {
      UUID id = each.id();
      each.referral().arrive();
      jdbc.sql("""
          update sentinel_clinic_referral set state = ?, visit_id = ?::uuid, closed_at = ?, closed_by = ?
          where id = ?""").params(each.referral().state().name(), visitId, OffsetDateTime.now(clock),
              currentUser.get().username(), id).update();
      audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "ARRIVED visit " + visitId);
    }
  }

  private Referral locked(UUID id) {
    return jdbc.sql("select state, clinic_code from sentinel_clinic_referral where id = ? for update").param(id)
        .query((rs, n) -> new Referral(ReferralState.valueOf(rs.getString(1)), rs.getString(2))).optional()
        .orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  private ClinicReferral reach(UUID id) {
    ClinicReferral referral = one(id).orElseThrow(() -> new RecordNotFound(SUBJECT));
    UserContext user = currentUser.get();
    if (referral.clinicCode() == null) {
      if (staff.clinicOf(user).isPresent() || !user.scope().contains(fromPath(id))) {
        throw new RecordNotFound(SUBJECT);
      }
      return referral;
    }
    try {
      clinics.row(referral.clinicCode());
    } catch (RecordNotFound outside) {
      throw new RecordNotFound(SUBJECT);
    }
    return referral;
  }

  private String fromPath(UUID id) {
    return jdbc.sql("select from_path from sentinel_clinic_referral where id = ?").param(id).query(String.class)
        .single();
  }

  private Optional<ClinicReferral> one(UUID id) {
    return jdbc.sql(SELECT + " where r.id = :id").param("id", id).query(this::row).optional();
  }

  private static final String SELECT = """
      select r.id::text, r.clinic_code, c.name, r.person_id::text, r.patient_name, r.from_code, r.address,
             r.referred_at, r.state, r.visit_id::text, r.closed_at, r.closed_by, r.reason
      from sentinel_clinic_referral r left join sentinel_clinic c on c.credit_code = r.clinic_code""";

  private ClinicReferral row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    OffsetDateTime referredAt = rs.getObject(8, OffsetDateTime.class);
    OffsetDateTime closedAt = rs.getObject(11, OffsetDateTime.class);
    ReferralState state = ReferralState.valueOf(rs.getString(9));
    OffsetDateTime until = closedAt != null ? closedAt : OffsetDateTime.now(clock);
    long waiting = Math.max(0, Duration.between(referredAt, until).toMinutes());
    String from = rs.getString(6);
    String fromName = jurisdictions.find(from).map(Jurisdiction::name).orElse(from);
    return new ClinicReferral(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        from, fromName, rs.getString(7), referredAt, waiting,
        state == ReferralState.OPEN && until.isAfter(referredAt.plus(overdueAfter)), state, rs.getString(10), closedAt,
        rs.getString(12), rs.getString(13));
  }

  private static String cut(String text, int max) {
    String stripped = text.strip();
    return stripped.length() > max ? stripped.substring(0, max) : stripped;
  }
}
