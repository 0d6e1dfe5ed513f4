package org.epicommand.cases;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.cases.internal.CaseStore;
import org.epicommand.cases.internal.DischargeRule;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a reported case: reclassification (guarded, with history), severity, tests, the
 * clinical outcome with the discharge rule, re-positives on the same case, and the direct report.
 * Each change locks the case row, writes its history entry and an audit event in one transaction.
 */
@Service
public class CaseCourse {

  private static final BigDecimal CT_MAX = BigDecimal.valueOf(50);

  private final CaseStore store;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CaseCourse(CaseStore store, CurrentUser currentUser, AuditTrail audit, ApplicationEventPublisher events,
      Clock clock) {
    this.store = store;
    this.currentUser = currentUser;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Moves the classification along the allowed moves (409 otherwise, naming the current one). Leaving
   * EXCLUDED needs a positive test sampled after the exclusion.
   */
  @Transactional
  public CaseReport reclassify(UUID id, Classification target, String reason) {
    List<FieldProblem> problems = new ArrayList<>();
    if (target == null) {
      problems.add(FieldProblem.of("classification", "case.classificationMissing"));
    }
    String why = reason == null ? null : reason.strip();
    if (why == null || why.isEmpty() || why.length() > 500) {
      problems.add(FieldProblem.of("reason", "case.reason"));
    }
    UserContext user = currentUser.get();
    Instant now = clock.instant();
    CaseStore.Stored stored = store.lock(id, user.scope(), now).orElseThrow(() ->
        new RecordNotFound(CaseRegistry.SUBJECT));
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    Classification current = stored.report().classification();
    if (!current.canMoveTo(target)) {
      throw Conflict.illegalTransition("case.illegalReclassification", current);
    }
    if (current == Classification.EXCLUDED && !positiveSince(id, stored.excludedAt())) {
      throw Conflict.illegalTransition("case.excludedNeedsPositive", current);
    }
    boolean conversion = current.isConversionTo(target);
    store.updateClassification(id, target, target == Classification.EXCLUDED ? now : null);
    store.event(id, now, "CLASSIFICATION", current.name(), target.name(), why, user.username(), conversion);
    audit.record(AuditAction.UPDATE, CaseRegistry.SUBJECT, id.toString(), "classification " + current + " -> "
        + target);
    events.publishEvent(new CaseReclassified(id.toString(), stored.report().personId(),
        stored.report().jurisdictionCode(), current, target, why, now.atOffset(java.time.ZoneOffset.UTC), conversion));
    return store.find(id, user.scope(), now).orElseThrow().report();
  }

  /** A new positive: one recorded after the exclusion (a result arriving later is new evidence, whenever sampled). */
  private boolean positiveSince(UUID id, OffsetDateTime excludedAt) {
    return store.positiveRecordedAfter(id, excludedAt);
  }

  /** Sets the clinical type; a change publishes {@link CaseSeverityChanged}. */
  @Transactional
  public CaseReport changeSeverity(UUID id, Severity severity) {
    UserContext user = currentUser.get();
    Instant now = clock.instant();
    CaseStore.Stored stored = store.lock(id, user.scope(), now).orElseThrow(() ->
        new RecordNotFound(CaseRegistry.SUBJECT));
    if (severity == null) {
      throw new ValidationFailure(FieldProblem.of("severity", "case.severityMissing"));
    }
    Severity before = stored.report().severity();
    store.updateSeverity(id, severity);
    store.event(id, now, "SEVERITY", before == null ? null : before.name(), severity.name(), null, user.username(),
        false);
    audit.record(AuditAction.UPDATE, CaseRegistry.SUBJECT, id.toString(), "severity " + before + " -> " + severity);
    if (before != severity) {
      events.publishEvent(new CaseSeverityChanged(id.toString(), stored.report().jurisdictionCode(), before, severity,
          now.atOffset(java.time.ZoneOffset.UTC)));
    }
    return store.find(id, user.scope(), now).orElseThrow().report();
  }

  /**
   * Records a test on the case. A positive after discharge is a re-positive (复阳): the same case goes
   * back to awaiting admission and its re-positive count goes up.
   */
  @Transactional
  public CaseTest recordTest(UUID id, OffsetDateTime sampledAt, TestResult result, BigDecimal ctOrf1ab,
      BigDecimal ctN) {
    UserContext user = currentUser.get();
    Instant now = clock.instant();
    CaseStore.Stored stored = store.lock(id, user.scope(), now).orElseThrow(() ->
        new RecordNotFound(CaseRegistry.SUBJECT));
    List<FieldProblem> problems = new ArrayList<>();
    if (sampledAt == null || sampledAt.toInstant().isAfter(now.plusSeconds(300))) {
      problems.add(FieldProblem.of("sampledAt", "case.sampledAt"));
    }
    if (result == null) {
      problems.add(FieldProblem.of("result", "case.testResult"));
    }
    checkCt("ctOrf1ab", ctOrf1ab, problems);
    checkCt("ctN", ctN, problems);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    CaseTest test = new CaseTest(UUID.randomUUID().toString(), sampledAt, result, ctOrf1ab, ctN,
        DischargeRule.qualifies(result, ctOrf1ab, ctN));
    store.insertTest(id, test, user.username(), now);
    if (stored.report().outcome() == CaseOutcome.DISCHARGED && DischargeRule.positive(result, ctOrf1ab, ctN)) {
      store.updateOutcome(id, null, null, now, null, true);
      store.event(id, now, "RE_POSITIVE", CaseOutcome.DISCHARGED.name(), null, "test " + test.id(), user.username(),
          false);
      events.publishEvent(new CaseOutcomeChanged(id.toString(), stored.report().jurisdictionCode(),
          CaseOutcome.DISCHARGED, null, null, now.atOffset(java.time.ZoneOffset.UTC)));
    }
    audit.record(AuditAction.UPDATE, CaseRegistry.SUBJECT, id.toString(), "test " + result);
    return test;
  }

  private static void checkCt(String field, BigDecimal ct, List<FieldProblem> problems) {
    if (ct != null && (ct.signum() < 0 || ct.compareTo(CT_MAX) > 0)) {
      problems.add(FieldProblem.of(field, "case.ct", CT_MAX));
    }
  }

  /**
   * Admission, transfer between hospitals (also between two hospitals of one kind), discharge or death;
   * publishes {@link CaseOutcomeChanged}. Discharge needs the discharge rule met
   * (409 otherwise) and starts 7 days of home health monitoring.
   */
  @Transactional
  public CaseReport changeOutcome(UUID id, CaseOutcome outcome, String hospital) {
    UserContext user = currentUser.get();
    Instant now = clock.instant();
    CaseStore.Stored stored = store.lock(id, user.scope(), now).orElseThrow(() ->
        new RecordNotFound(CaseRegistry.SUBJECT));
    if (outcome == null) {
      throw new ValidationFailure(FieldProblem.of("outcome", "case.outcomeMissing"));
    }
    String place = hospital == null || hospital.isBlank() ? null : hospital.strip();
    if (place != null && place.length() > 200) {
      throw new ValidationFailure(FieldProblem.of("hospital", "case.hospital"));
    }
    CaseOutcome current = stored.report().outcome();
    boolean transfer = current == outcome && outcome.inHospital() && place != null
        && !place.equals(stored.report().hospital());
    if (!transfer && !CaseOutcome.movesFrom(current).contains(outcome)) {
      if (current == null) {
        throw Conflict.of("case.notAdmitted");
      }
      throw Conflict.illegalTransition("case.illegalOutcome", current);
    }
    LocalDate monitoringUntil = null;
    if (outcome == CaseOutcome.DISCHARGED) {
      if (!DischargeRule.met(store.tests(id))) {
        throw Conflict.illegalTransition("case.dischargeRuleNotMet", current);
      }
      monitoringUntil = LocalDate.now(clock).plusDays(DischargeRule.HOME_MONITORING_DAYS);
      place = stored.report().hospital();
    }
    store.updateOutcome(id, outcome, place, now, monitoringUntil, false);
    store.event(id, now, "OUTCOME", current == null ? null : current.name(), outcome.name(), place, user.username(),
        false);
    audit.record(AuditAction.UPDATE, CaseRegistry.SUBJECT, id.toString(), "outcome " + current + " -> " + outcome);
    events.publishEvent(new CaseOutcomeChanged(id.toString(), stored.report().jurisdictionCode(), current, outcome,
        place, now.atOffset(java.time.ZoneOffset.UTC)));
    return store.find(id, user.scope(), now).orElseThrow().report();
  }

  /** Marks the online direct report (网络直报) as done; the 2-hour deadline runs from diagnosis. */
  @Transactional
  public CaseReport markDirectReported(UUID id) {
    UserContext user = currentUser.get();
    Instant now = clock.instant();
    CaseStore.Stored stored = store.lock(id, user.scope(), now).orElseThrow(() ->
        new RecordNotFound(CaseRegistry.SUBJECT));
    if (stored.report().directReportedAt() != null) {
      throw Conflict.of("case.alreadyDirectReported");
    }
    store.markDirectReported(id, now);
    store.event(id, now, "DIRECT_REPORT", null, stored.report().reportOverdue() ? "LATE" : "ON_TIME", null,
        user.username(), false);
    audit.record(AuditAction.UPDATE, CaseRegistry.SUBJECT, id.toString(), "direct report");
    return store.find(id, user.scope(), now).orElseThrow().report();
  }
}
