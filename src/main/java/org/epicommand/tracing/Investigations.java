package org.epicommand.tracing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.UserAdministration;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.cases.CaseRegistry;
import org.epicommand.cases.CaseReport;
import org.epicommand.cases.CaseReported;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.quarantine.RuleSets;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.tracing.internal.InvestigationFile;
import org.epicommand.tracing.internal.InvestigationStore;
import org.epicommand.tracing.internal.InvestigationStore.Overdue;
import org.epicommand.tracing.internal.InvestigationStore.Row;
import org.epicommand.tracing.internal.TracingProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Investigations (流调, docs/domain.md §5): one per case, opened when the case is reported (or by hand),
 * assigned to an investigator, moved ASSIGNED → CORE_DONE → COMPLETE → REVIEWED, with the core
 * (4 h) and full-report (24 h) deadlines from the case report, the look-back window from the rule
 * set in force, and the trajectory.
 */
@Service
public class Investigations {

  public static final String SUBJECT = "INVESTIGATION";

  private final InvestigationStore store;
  private final CaseRegistry cases;
  private final RuleSets ruleSets;
  private final Jurisdictions jurisdictions;
  private final UserAdministration users;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final TracingProperties properties;
  private final Clock clock;

  Investigations(InvestigationStore store, CaseRegistry cases, RuleSets ruleSets, Jurisdictions jurisdictions,
      UserAdministration users, CurrentUser currentUser, AuditTrail audit, TracingProperties properties, Clock clock) {
    this.store = store;
    this.cases = cases;
    this.ruleSets = ruleSets;
    this.jurisdictions = jurisdictions;
    this.users = users;
    this.currentUser = currentUser;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /** Opens the investigation of a newly reported case (platform work: no user, idempotent). */
  @Transactional
  public void openForReportedCase(CaseReported event, String label) {
    Jurisdiction home = jurisdictions.find(event.jurisdictionCode()).orElseThrow();
    store.insert(newRow(UUID.fromString(event.caseId()), UUID.fromString(event.personId()), label,
        home, event.classification().name(), event.onsetDate(), null, event.reportedAt(), null), clock.instant(),
        "system");
  }

  /**
   * Opens the investigation of a case by hand; 409 naming the existing one when the case has one.
   * The case must lie in the caller's jurisdiction (404 otherwise).
   */
  @Transactional
  public Investigation open(UUID caseId, String investigator) {
    UserContext user = currentUser.get();
    CaseReport report = cases.get(caseId);
    checkInvestigator(investigator);
    store.findByCase(caseId).ifPresent(existing -> {
      throw Conflict.duplicate("tracing.investigation.duplicate", existing.id().toString());
    });
    Row row = fromReport(report, blankToNull(investigator));
    store.insert(row, clock.instant(), user.username());
    audit.record(AuditAction.CREATE, SUBJECT, row.id().toString(), "case " + caseId);
    return view(store.findByCase(caseId).orElseThrow());
  }

  /**
   * The investigation of a case in the caller's jurisdiction, opened now if the case has none yet
   * (cases reported before investigations existed). The anchor dates are filled from the case record
   * when the report event did not carry them (first positive sampling of asymptomatic cases).
   */
  @Transactional
  public Row ensure(UUID caseId) {
    UserContext user = currentUser.get();
    var existing = store.findByCase(caseId);
    if (existing.isPresent()) {
      Row row = existing.get();
      if (!user.scope().contains(row.jurisdictionPath())) {
        throw new RecordNotFound(CaseRegistry.SUBJECT);
      }
      if (row.onsetDate() == null && row.samplingDate() == null) {
        LocalDate sampling = cases.get(caseId).samplingDate();
        if (sampling != null) {
          store.samplingDate(row.id(), sampling);
          return store.findByCase(caseId).orElseThrow();
        }
      }
      return row;
    }
    Row row = fromReport(cases.get(caseId), null);
    store.insert(row, clock.instant(), user.username());
    return store.findByCase(caseId).orElseThrow();
  }

  /** The investigation of a case, opened first when it has none (one transaction: the open and the read). */
  @Transactional
  public Investigation ofCase(UUID caseId) {
    return view(ensure(caseId));
  }

  /** The investigation of a case (an audited read: it is part of the case's record). */
  @Transactional
  public Investigation get(UUID id) {
    Investigation investigation = view(row(id));
    audit.record(AuditAction.READ, SUBJECT, id.toString(), "investigation");
    return investigation;
  }

  private InvestigationFile lock(UUID id, UserContext user) {
    return InvestigationFile.of(store.lock(id, user.scope()).orElseThrow(() -> new RecordNotFound(SUBJECT)));
  }

  private Row row(UUID id) {
    return store.find(id, currentUser.get().scope()).orElseThrow(() -> new RecordNotFound(SUBJECT));
  }

  @Transactional
  public Investigation assign(UUID id, String investigator) {
    UserContext user = currentUser.get();
    if (investigator == null || investigator.isBlank()) {
      throw new ValidationFailure(FieldProblem.of("investigator", "tracing.investigation.investigatorMissing"));
    }
    checkInvestigator(investigator);
    lock(id, user).requireAssignable();
    store.assign(id, investigator.strip());
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "assigned to " + investigator.strip());
    return get(id);
  }

  private void checkInvestigator(String investigator) {
    if (investigator != null && !investigator.isBlank() && users.findByUsername(investigator.strip())
        .filter(u -> u.enabled() && u.roles().stream().anyMatch(r -> r.permissions().contains(Permission.CASE_WRITE)))
        .isEmpty()) {
      throw new ValidationFailure(FieldProblem.of("investigator", "tracing.investigation.investigatorUnknown"));
    }
  }

  /** Moves the investigation one step on; any other move is a 409 naming the current state. */
  @Transactional
  public Investigation moveTo(UUID id, InvestigationState target) {
    UserContext user = currentUser.get();
    if (target == null) {
      throw new ValidationFailure(FieldProblem.of("state", "tracing.investigation.stateMissing"));
    }
    InvestigationFile investigation = lock(id, user);
    investigation.moveTo(target);
    store.move(id, investigation.state(), clock.instant(), user.username());
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), investigation.row().state() + " -> " + target);
    return get(id);
  }

  /** The caller's own open investigations, the most urgent full report first. */
  public PageResult<Investigation> mine(Paging paging) {
    UserContext user = currentUser.get();
    List<Row> rows = store.mine(user.username(), paging.offset(), paging.fetchSize()).stream()
        .filter(r -> user.scope().contains(r.jurisdictionPath())).toList();
    return paging.toResult(rows, null).map(this::view);
  }

  /** Investigations past their core or report deadline (null: all) inside the caller's jurisdiction. */
  public PageResult<Investigation> list(Overdue overdue, Paging paging) {
    JurisdictionScope scope = currentUser.get().scope();
    List<Row> rows = overdue == null ? store.list(scope, paging.offset(), paging.fetchSize())
        : store.overdue(overdue, scope, clock.instant(), paging.offset(), paging.fetchSize());
    return paging.toResult(rows, null).map(this::view);
  }

  /** Adds a place to the trajectory. */
  @Transactional
  public TrajectoryEntry addEntry(UUID id, TrajectoryEntry entry) {
    UserContext user = currentUser.get();
    InvestigationFile investigation = lock(id, user);
    List<FieldProblem> problems = new ArrayList<>();
    boolean hasVenue = entry.venueCode() != null && !entry.venueCode().isBlank();
    if (!hasVenue && (entry.place() == null || entry.place().isBlank())) {
      problems.add(FieldProblem.of("place", "tracing.trajectory.placeMissing"));
    }
    if (entry.fromAt() == null) {
      problems.add(FieldProblem.of("fromAt", "tracing.trajectory.fromMissing"));
    } else if (entry.toAt() != null && entry.toAt().isBefore(entry.fromAt())) {
      problems.add(FieldProblem.of("toAt", "tracing.trajectory.toBeforeFrom"));
    }
    if (entry.jurisdictionCode() != null && !entry.jurisdictionCode().isBlank()
        && jurisdictions.find(entry.jurisdictionCode().strip()).isEmpty()) {
      problems.add(FieldProblem.of("jurisdictionCode", "jurisdiction.unknown"));
    }
    checkLength(problems, "place", entry.place(), 200);
    checkLength(problems, "address", entry.address(), 300);
    checkLength(problems, "activity", entry.activity(), 300);
    checkLength(problems, "venueCode", entry.venueCode(), 64);
    checkLength(problems, "transportNumber", entry.transportNumber(), 32);
    checkLength(problems, "seat", entry.seat(), 16);
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    investigation.requireOpenForEntries();
    TrajectoryEntry stored = new TrajectoryEntry(UUID.randomUUID().toString(), id.toString(),
        hasVenue ? entry.venueCode().strip() : null, blankToNull(entry.place()), blankToNull(entry.address()),
        blankToNull(entry.jurisdictionCode()), entry.fromAt(), entry.toAt(), blankToNull(entry.activity()),
        entry.transportMode(), blankToNull(entry.transportNumber()), blankToNull(entry.seat()));
    store.insertEntry(stored, clock.instant(), user.username());
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "trajectory entry " + stored.id());
    return stored;
  }

  /** The case's trajectory, the places and times of a person (an audited read). */
  @Transactional
  public List<TrajectoryEntry> trajectory(UUID id) {
    row(id);
    audit.record(AuditAction.READ, SUBJECT, id.toString(), "trajectory");
    return store.entries(id);
  }

  private static void checkLength(List<FieldProblem> problems, String field, String value, int max) {
    if (value != null && value.length() > max) {
      problems.add(FieldProblem.of(field, "tracing.tooLong", max));
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private Row fromReport(CaseReport report, String investigator) {
    Jurisdiction home = jurisdictions.find(report.jurisdictionCode()).orElseThrow();
    return newRow(UUID.fromString(report.id()), UUID.fromString(report.personId()), report.personName(), home,
        report.classification().name(), report.onsetDate(), report.samplingDate(), report.reportedAt(), investigator);
  }

  private Row newRow(UUID caseId, UUID personId, String label, Jurisdiction home, String classification,
      LocalDate onset, LocalDate sampling, OffsetDateTime reportedAt, String investigator) {
    OffsetDateTime reported = reportedAt.withOffsetSameInstant(ZoneOffset.UTC);
    return new Row(UUID.randomUUID(), caseId, personId, label, home.code(), home.path(), classification, onset,
        sampling, reported, investigator, InvestigationState.ASSIGNED,
        reported.plus(properties.investigation().coreInformation()),
        reported.plus(properties.investigation().fullReport()), null, null, null, null);
  }

  /** The look-back window of a stored investigation: start date and the rule set that set it (null: unknown). */
  public Window window(Row row) {
    LocalDate anchor = row.onsetDate() != null ? row.onsetDate() : row.samplingDate();
    if (anchor == null) {
      return new Window(null, null, null, null);
    }
    // ed. 9 §3: look back 4 days before onset (2 under ed. 7–8), or before the first positive sampling;
    // an anchor before the earliest edition has no window (adding a close contact then names the edition)
    return ruleSets.findInForce(anchor).map(ruleSet -> new Window(anchor, ruleSet.lookBackDays(),
        anchor.minusDays(ruleSet.lookBackDays()), ruleSet.code())).orElse(new Window(anchor, null, null, null));
  }

  /** The look-back window: anchor (onset or first positive sampling), days, first day, rule set. */
  public record Window(LocalDate anchor, Integer days, LocalDate start, String ruleSet) {}

  Investigation view(Row row) {
    Instant now = clock.instant();
    Window window = window(row);
    boolean coreOverdue = InvestigationFile.coreOverdue(row, now);
    boolean reportOverdue = InvestigationFile.reportOverdue(row, now);
    return new Investigation(row.id().toString(), row.caseId().toString(), row.caseLabel(), row.jurisdictionCode(),
        row.classification(), row.onsetDate(), row.samplingDate(), row.caseReportedAt(), row.investigator(),
        row.state(), row.coreDueAt(), row.reportDueAt(), row.coreDoneAt(), row.completedAt(), row.reviewedAt(),
        row.reviewedBy(), coreOverdue, reportOverdue, window.anchor(), window.days(), window.start(),
        window.ruleSet());
  }
}
