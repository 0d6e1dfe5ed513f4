package org.epicommand.cases;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.cases.internal.CaseStore;
import org.epicommand.imports.CsvExport;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.Person;
import org.epicommand.person.PersonRegistry;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.Masking;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports cases and reads them inside the caller's jurisdiction: the full record (audited), paged
 * lists (new today, by classification, overdue direct reports) and masked CSV exports. The clinical
 * course is {@link CaseCourse}.
 */
@Service
public class CaseRegistry {

  public static final String SUBJECT = "CASE";
  /** The counted day stored for a line-list case with no date: it lists on no day. */
  static final LocalDate UNDATED = LocalDate.EPOCH;
  static final int COUNT_CAP = 10_000;
  static final int EXPORT_MAX = 1_000_000;
  public static final List<String> EXPORT_HEADER = List.of("caseId", "name", "idNumber", "jurisdictionCode",
      "classification", "severity", "imported", "discoveryRoute", "onsetDate", "diagnosedAt", "reportedAt",
      "directReportedAt", "outcome");

  private final CaseStore store;
  private final PersonRegistry persons;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CaseRegistry(CaseStore store, PersonRegistry persons, Jurisdictions jurisdictions, CurrentUser currentUser,
      AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
    this.store = store;
    this.persons = persons;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** Reports a case on a person of the caller's jurisdiction; one case per person (a re-positive stays on it). */
  @Transactional
  public CaseReport report(NewCase request) {
    UserContext user = currentUser.get();
    // the database keeps microseconds: the event carries the instant as stored, so deadlines agree everywhere
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    LocalDate today = LocalDate.now(clock);
    List<FieldProblem> problems = new ArrayList<>();
    UUID personId = null;
    if (request.personId() == null || request.personId().isBlank()) {
      problems.add(FieldProblem.of("personId", "case.personMissing"));
    } else {
      try {
        personId = UUID.fromString(request.personId().strip());
      } catch (IllegalArgumentException e) {
        problems.add(FieldProblem.of("personId", "case.personUnknown"));
      }
    }
    if (request.classification() == null || request.classification() == Classification.EXCLUDED) {
      problems.add(FieldProblem.of("classification", "case.initialClassification"));
    }
    if (request.onsetDate() != null && request.onsetDate().isAfter(today)) {
      problems.add(FieldProblem.of("onsetDate", "case.futureDate"));
    }
    if (request.samplingDate() != null && request.samplingDate().isAfter(today)) {
      problems.add(FieldProblem.of("samplingDate", "case.futureDate"));
    }
    if (request.diagnosedAt() != null && request.diagnosedAt().toInstant().isAfter(now.plusSeconds(300))) {
      problems.add(FieldProblem.of("diagnosedAt", "case.futureDate"));
    }
    if (request.age() != null && (request.age() < 0 || request.age() > 130)) {
      problems.add(FieldProblem.of("age", "case.age"));
    }
    Person person = null;
    if (personId != null) {
      try {
        person = persons.recordForFiling(personId);
      } catch (RecordNotFound e) {
        problems.add(FieldProblem.of("personId", "case.personUnknown"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    store.findByPerson(personId, now).ifPresent(existing -> {
      String visible = user.scope().contains(existing.jurisdictionPath()) ? existing.report().id() : null;
      throw Conflict.duplicate("case.duplicate", visible);
    });
    Jurisdiction home = jurisdictions.find(person.jurisdictionCode()).orElseThrow();
    Integer age = request.age() != null ? request.age() : ageOf(person, request, today);
    var reportedAt = now.atOffset(ZoneOffset.UTC);
    CaseReport report = new CaseReport(UUID.randomUUID().toString(), person.id(), person.name(), person.idNumber(),
        age, home.code(), request.classification(), request.severity(), Boolean.TRUE.equals(request.imported()),
        request.discoveryRoute(), request.onsetDate(), request.samplingDate(), request.diagnosedAt(), reportedAt,
        null, null, false, null, null, null, null, 0, person.householdId());
    LocalDate countedOn = countedOn(request, today);
    store.insert(report, home.path(), user.username(), countedOn == null ? UNDATED : countedOn);
    UUID id = UUID.fromString(report.id());
    store.event(id, now, "REPORTED", null, report.classification().name(), null, user.username(), false);
    if (request.directReportedElsewhere()) {
      store.markDirectReported(id, now);
      store.event(id, now, "DIRECT_REPORT", null, "ELSEWHERE", "line list", user.username(), false);
    }
    audit.record(AuditAction.CREATE, SUBJECT, report.id(), null);
    events.publishEvent(new CaseReported(report.id(), report.personId(), report.jurisdictionCode(),
        report.classification(), report.onsetDate(), reportedAt, report.imported(), report.discoveryRoute(),
        request.directReportedElsewhere(), countedOn));
    if (report.severity() != null) {
      events.publishEvent(new CaseSeverityChanged(report.id(), report.jurisdictionCode(), null, report.severity(),
          reportedAt));
    }
    return visible(store.find(id, user.scope(), now).orElseThrow().report(), user);
  }

  /**
   * The day a new case counts as reported: today, or for a line list of another system (a historical
   * import) the day it was diagnosed there, else its onset day, else none.
   */
  private LocalDate countedOn(NewCase request, LocalDate today) {
    if (!request.directReportedElsewhere()) {
      return today;
    }
    if (request.diagnosedAt() != null) {
      return request.diagnosedAt().atZoneSameInstant(clock.getZone()).toLocalDate();
    }
    return request.onsetDate();
  }

  private static Integer ageOf(Person person, NewCase request, LocalDate today) {
    if (person.birthDate() == null) {
      return null;
    }
    LocalDate at = request.diagnosedAt() != null ? request.diagnosedAt().toLocalDate() : today;
    return at.isBefore(person.birthDate()) ? null : Period.between(person.birthDate(), at).getYears();
  }

  /** The full record, the document masked unless the role may see it in full; the read is audited. */
  @Transactional
  public CaseReport get(UUID id) {
    UserContext user = currentUser.get();
    CaseReport report = store.find(id, user.scope(), clock.instant()).orElseThrow(() -> new RecordNotFound(SUBJECT))
        .report();
    audit.record(AuditAction.READ, SUBJECT, report.id(), null);
    return visible(report, user);
  }

  /** The record as the caller may see it: the document number masked without {@code PERSON_FULL_IDENTITY}. */
  private static CaseReport visible(CaseReport c, UserContext user) {
    if (user.has(Permission.PERSON_FULL_IDENTITY)) {
      return c;
    }
    return new CaseReport(c.id(), c.personId(), c.personName(), Masking.documentNumber(c.idNumber()), c.age(),
        c.jurisdictionCode(), c.classification(), c.severity(), c.imported(), c.discoveryRoute(), c.onsetDate(),
        c.samplingDate(), c.diagnosedAt(), c.reportedAt(), c.reportDueAt(), c.directReportedAt(), c.reportOverdue(),
        c.outcome(), c.hospital(), c.outcomeAt(), c.homeMonitoringUntil(), c.rePositiveCount(), c.householdId());
  }

  /**
   * The case of a person inside the caller's jurisdiction (the person page), masked per role; the
   * read is audited.
   */
  @Transactional
  public java.util.Optional<CaseSummary> ofPerson(UUID personId) {
    UserContext user = currentUser.get();
    java.util.Optional<CaseReport> found = store.findByPerson(personId, user.scope(), clock.instant())
        .map(CaseStore.Stored::report);
    found.ifPresent(c -> audit.record(AuditAction.READ, SUBJECT, c.id(), "person page"));
    return found.map(c -> summary(c, user.has(Permission.PERSON_FULL_IDENTITY)));
  }

  /** A case as the case picker shows it (masked, not audited: no more than the case list shows). */
  public java.util.Optional<CaseSummary> summary(UUID id) {
    UserContext user = currentUser.get();
    return store.find(id, user.scope(), clock.instant())
        .map(s -> summary(s.report(), user.has(Permission.PERSON_FULL_IDENTITY)));
  }

  /** The case picker's hits: cases whose person's name starts with {@code name}, newest report first. */
  public List<CaseSummary> byName(String name, int limit) {
    if (name == null || name.isBlank()) {
      return List.of();
    }
    UserContext user = currentUser.get();
    boolean full = user.has(Permission.PERSON_FULL_IDENTITY);
    return store.byName(name.strip(), user.scope(), Math.min(limit, 20), clock.instant()).stream()
        .map(s -> summary(s.report(), full)).toList();
  }

  /** A case as a chain node, if it lies in the caller's jurisdiction (not audited: no identity document). */
  public java.util.Optional<CaseNode> node(UUID id) {
    return store.nodes(List.of(id), currentUser.get().scope()).stream().findFirst();
  }

  /** Cases as chain nodes, those of {@code ids} that lie in the caller's jurisdiction, in one read. */
  public List<CaseNode> nodes(java.util.Collection<UUID> ids) {
    return ids.isEmpty() ? List.of() : store.nodes(List.copyOf(ids), currentUser.get().scope());
  }

  /** The case's history: classification and outcome changes, re-positives, the direct report (an audited read). */
  @Transactional
  public List<CaseHistoryEntry> history(UUID id) {
    readPart(id, "history");
    return store.history(id);
  }

  /** The case's test results (an audited read). */
  @Transactional
  public List<CaseTest> tests(UUID id) {
    readPart(id, "tests");
    return store.tests(id);
  }

  /**
   * A part of a case record read on its own (its history, its tests, its contacts): inside the caller's
   * jurisdiction (404 otherwise), audited as a READ of the case naming the part.
   */
  @Transactional
  public void readPart(UUID id, String part) {
    UserContext user = currentUser.get();
    store.find(id, user.scope(), clock.instant()).orElseThrow(() -> new RecordNotFound(SUBJECT));
    audit.record(AuditAction.READ, SUBJECT, id.toString(), part);
  }

  /**
   * One page of cases in the caller's scope (or a part of it), newest report first; {@code reportedOn}
   * keeps the cases reported on that day (the city's zone).
   */
  public PageResult<CaseSummary> list(Classification classification, LocalDate reportedOn, String jurisdictionCode,
      Paging paging) {
    return page(query(classification, reportedOn, jurisdictionCode, false), paging);
  }

  /** Diagnosed more than 2 hours ago and not yet directly reported, oldest diagnosis first. */
  public PageResult<CaseSummary> overdueReports(String jurisdictionCode, Paging paging) {
    return page(query(null, null, jurisdictionCode, true), paging);
  }

  private PageResult<CaseSummary> page(CaseStore.CaseQuery query, Paging paging) {
    boolean full = currentUser.get().has(Permission.PERSON_FULL_IDENTITY);
    List<CaseReport> rows = store.search(query, paging.offset(), paging.fetchSize()).stream()
        .map(CaseStore.Stored::report).toList();
    long count = paging.page() == 0 && rows.size() <= paging.size() ? rows.size() : store.count(query, COUNT_CAP);
    return paging.toResult(rows, count > COUNT_CAP ? null : count).map(c -> summary(c, full));
  }

  private CaseStore.CaseQuery query(Classification classification, LocalDate reportedOn, String jurisdictionCode,
      boolean overdue) {
    UserContext user = currentUser.get();
    JurisdictionScope scope = jurisdictions.narrow(user.scope(), jurisdictionCode);
    Instant from = reportedOn == null ? null : reportedOn.atStartOfDay(clock.getZone()).toInstant();
    Instant to = reportedOn == null ? null : reportedOn.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    return new CaseStore.CaseQuery(scope, classification, reportedOn, from, to, overdue, clock.instant());
  }

  /** A masked CSV export of a list (audited as EXPORT now; rows written when streamed). */
  @Transactional
  public java.util.function.Consumer<OutputStream> export(Classification classification, LocalDate reportedOn,
      String jurisdictionCode) {
    CaseStore.CaseQuery query = query(classification, reportedOn, jurisdictionCode, false);
    boolean full = currentUser.get().has(Permission.PERSON_FULL_IDENTITY);
    audit.record(AuditAction.EXPORT, SUBJECT, null, "classification=" + (classification == null ? "" : classification)
        + " reportedOn=" + (reportedOn == null ? "" : reportedOn) + " jurisdiction=" + query.scope().code()
        + (full ? " unmasked" : " masked"));
    return out -> {
      try (CsvExport csv = CsvExport.to(out, EXPORT_HEADER, clock.getZone())) {
        store.stream(query, EXPORT_MAX, c -> {
          CaseSummary s = summary(c, full);
          csv.row(Arrays.asList(s.id(), s.personName(), s.idNumber(), s.jurisdictionCode(), s.classification(),
              s.severity(), s.imported(), s.discoveryRoute(), s.onsetDate(), s.diagnosedAt(), s.reportedAt(),
              s.directReportedAt(), s.outcome()));
        });
      }
    };
  }

  static CaseSummary summary(CaseReport c, boolean full) {
    return new CaseSummary(c.id(), c.personId(), c.personName(),
        full ? c.idNumber() : Masking.documentNumber(c.idNumber()), c.jurisdictionCode(), c.classification(),
        c.severity(), c.imported(), c.discoveryRoute(), c.onsetDate(), c.diagnosedAt(), c.reportedAt(),
        c.reportDueAt(), c.directReportedAt(), c.reportOverdue(), c.outcome());
  }
}
