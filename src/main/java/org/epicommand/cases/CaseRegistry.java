package org.epicommand.cases;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
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
    Instant now = clock.instant();
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
        person = persons.get(personId);
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
    store.insert(report, home.path(), user.username());
    UUID id = UUID.fromString(report.id());
    store.event(id, now, "REPORTED", null, report.classification().name(), null, user.username(), false);
    if (request.directReportedElsewhere()) {
      store.markDirectReported(id, now);
      store.event(id, now, "DIRECT_REPORT", null, "ELSEWHERE", "line list", user.username(), false);
    }
    audit.record(AuditAction.CREATE, SUBJECT, report.id(), null);
    events.publishEvent(new CaseReported(report.id(), report.personId(), report.jurisdictionCode(),
        report.classification(), report.onsetDate(), reportedAt, report.imported(), report.discoveryRoute(),
        request.directReportedElsewhere()));
    return store.find(id, user.scope(), now).orElseThrow().report();
  }

  private static Integer ageOf(Person person, NewCase request, LocalDate today) {
    if (person.birthDate() == null) {
      return null;
    }
    LocalDate at = request.diagnosedAt() != null ? request.diagnosedAt().toLocalDate() : today;
    return at.isBefore(person.birthDate()) ? null : Period.between(person.birthDate(), at).getYears();
  }

  /** The full record; the read is audited. */
  @Transactional
  public CaseReport get(UUID id) {
    UserContext user = currentUser.get();
    CaseReport report = store.find(id, user.scope(), clock.instant()).orElseThrow(() -> new RecordNotFound(SUBJECT))
        .report();
    audit.record(AuditAction.READ, SUBJECT, report.id(), null);
    return report;
  }

  /** A case as a chain node, if it lies in the caller's jurisdiction (not audited: no identity document). */
  public java.util.Optional<CaseNode> node(UUID id) {
    return store.nodes(List.of(id), currentUser.get().scope()).stream().findFirst();
  }

  /** Cases as chain nodes, those of {@code ids} that lie in the caller's jurisdiction, in one read. */
  public List<CaseNode> nodes(java.util.Collection<UUID> ids) {
    return ids.isEmpty() ? List.of() : store.nodes(List.copyOf(ids), currentUser.get().scope());
  }

  /** The case's history: classification and outcome changes, re-positives, the direct report. */
  public List<CaseHistoryEntry> history(UUID id) {
    UserContext user = currentUser.get();
    store.find(id, user.scope(), clock.instant()).orElseThrow(() -> new RecordNotFound(SUBJECT));
    return store.history(id);
  }

  public List<CaseTest> tests(UUID id) {
    UserContext user = currentUser.get();
    store.find(id, user.scope(), clock.instant()).orElseThrow(() -> new RecordNotFound(SUBJECT));
    return store.tests(id);
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
    return new CaseStore.CaseQuery(scope, classification, from, to, overdue, clock.instant());
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
