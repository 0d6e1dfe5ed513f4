package org.epicommand.vaccination.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.PersonReference;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.vaccination.AgeBand;
import org.epicommand.vaccination.ExclusionKind;
import org.epicommand.vaccination.NewExclusion;
import org.epicommand.vaccination.TargetItem;
import org.epicommand.vaccination.TargetState;
import org.epicommand.vaccination.VaccinationStatus;
import org.epicommand.vaccination.VisitOutcome;
import org.epicommand.vaccination.VisitReport;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The worker's door-to-door list (逐人动员、逐人销号): the open items of their grid or community, oldest
 * first (80+ before 60+), each with what to say at the door; and the visit outcomes that keep an item
 * open (not reached: revisit within {@code revisitDays}; an appointment; a home visit; a temporary
 * contraindication) or close it (vaccinated elsewhere, a permanent contraindication, refused, moved away,
 * deceased — the last four recorded as exclusions). A closed item refuses outcomes (409 naming CLOSED);
 * a person outside the worker's area is 404. Every visit is audited.
 */
@Component
public class TargetWork {

  static final String SUBJECT = "VACCINATION_TARGET";
  /** Lists counted up to this many; beyond, "more than". */
  static final int COUNT_CAP = 10_000;

  private final TargetStore store;
  private final TargetGeneration generation;
  private final DoseStore doses;
  private final ExclusionStore exclusions;
  private final ExclusionBook exclusionBook;
  private final CoverageStore coverage;
  private final VaccinationSiteStore sites;
  private final PersonsInScope persons;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final VaccinationProperties properties;
  private final Clock clock;

  TargetWork(TargetStore store, TargetGeneration generation, DoseStore doses, ExclusionStore exclusions,
      ExclusionBook exclusionBook, CoverageStore coverage, VaccinationSiteStore sites, PersonsInScope persons,
      Jurisdictions jurisdictions, CurrentUser currentUser, AuditTrail audit, VaccinationProperties properties,
      Clock clock) {
    this.store = store;
    this.generation = generation;
    this.doses = doses;
    this.exclusions = exclusions;
    this.exclusionBook = exclusionBook;
    this.coverage = coverage;
    this.sites = sites;
    this.persons = persons;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * The items inside the caller's area (or a part of it, else 404): open ones oldest first, or closed
   * ones (销号) latest first. A grid's or community's list is generated when it is first opened.
   */
  public PageResult<TargetItem> list(String jurisdiction, boolean closed, Paging paging) {
    JurisdictionScope scope = jurisdictions.narrow(currentUser.get().scope(), jurisdiction);
    generation.ensure(scope);
    List<TargetStore.Row> rows = store.list(scope, closed, paging.offset(), paging.fetchSize());
    long total = paging.page() == 0 && rows.size() <= paging.size() ? rows.size()
        : store.count(scope, closed, COUNT_CAP);
    return paging.toResult(rows, total > COUNT_CAP ? null : total).map(views(rows));
  }

  /** Generates the lists of the caller's area (or a part of it): adds who is due and not listed yet; answers how many.
   * */
  public int generate(String jurisdiction) {
    return generation.generate(jurisdictions.narrow(currentUser.get().scope(), jurisdiction));
  }

  /** The item of a person, when they are on a list; no scope check (the caller read the person in scope). */
  public java.util.Optional<TargetItem> item(UUID person) {
    return store.find(person).map(row -> views(List.of(row)).apply(row));
  }

  @Transactional
  public TargetItem report(UUID person, VisitReport report) {
    TargetStore.Row item = store.find(person).filter(r -> currentUser.get().scope().contains(r.path()))
        .orElseThrow(() -> new RecordNotFound(SUBJECT));
    if (item.state() == TargetState.CLOSED) {
      throw Conflict.illegalTransition("vaccination.target.closed", TargetState.CLOSED);
    }
    List<FieldProblem> problems = new ArrayList<>();
    VisitOutcome outcome = report.outcome();
    LocalDate today = LocalDate.now(clock);
    String reason = MasterRules.limited(report.reason(), 500, "reason", problems);
    String note = MasterRules.limited(report.note(), 500, "note", problems);
    String site = MasterRules.text(report.siteCode());
    if (outcome == null) {
      problems.add(FieldProblem.of("outcome", "vaccination.required"));
    } else if (outcome == VisitOutcome.APPOINTMENT) {
      if (report.date() == null || report.date().isBefore(today)) {
        problems.add(FieldProblem.of("date", "vaccination.target.appointmentDate"));
      }
      if (site == null || sites.find(site).filter(s -> s.retiredAt() == null).isEmpty()) {
        problems.add(FieldProblem.of("siteCode", "vaccination.unknownSite"));
      }
    } else if (outcome == VisitOutcome.TEMPORARY_CONTRAINDICATION
        && (report.date() == null || !report.date().isAfter(today))) {
      problems.add(FieldProblem.of("date", "vaccination.exclusion.until"));
    } else if (outcome == VisitOutcome.REFUSED && reason == null) {
      problems.add(FieldProblem.of("reason", "vaccination.exclusion.reason"));
    } else if (outcome == VisitOutcome.PERMANENT_CONTRAINDICATION && note == null) {
      problems.add(FieldProblem.of("note", "vaccination.exclusion.evidence"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    ExclusionKind kind = exclusionKind(outcome);
    if (kind != null && exclusions.active(person, kind).isEmpty()) {
      exclusionBook.record(new NewExclusion(person, kind, reason, note,
          kind == ExclusionKind.TEMPORARY_CONTRAINDICATION ? report.date() : null, null));
    }
    TargetStore.Visit visit = switch (outcome) {
      case NOT_REACHED -> new TargetStore.Visit(TargetState.OPEN, null, today.plusDays(properties.revisitDays()), null,
          null, null, outcome, note, currentUser.get().username());
      case APPOINTMENT -> new TargetStore.Visit(TargetState.APPOINTED, null, null, report.date(), site, null, outcome,
          note, currentUser.get().username());
      case HOME_SERVICE_REQUESTED -> new TargetStore.Visit(TargetState.HOME_SERVICE, null, null, null, null, null,
          outcome, note, currentUser.get().username());
      case TEMPORARY_CONTRAINDICATION -> new TargetStore.Visit(TargetState.DEFERRED, null, null, null, null,
          report.date(), outcome, note, currentUser.get().username());
      default -> new TargetStore.Visit(TargetState.CLOSED, outcome.closes(), null, null, null, null, outcome,
          reason == null ? note : note == null ? reason : reason + "；" + note, currentUser.get().username());
    };
    Instant now = clock.instant();
    store.visit(person, visit, now);
    audit.record(AuditAction.UPDATE, SUBJECT, person.toString(), "visit: " + outcome);
    return item(person).orElseThrow();
  }

  private static ExclusionKind exclusionKind(VisitOutcome outcome) {
    return switch (outcome) {
      case TEMPORARY_CONTRAINDICATION -> ExclusionKind.TEMPORARY_CONTRAINDICATION;
      case PERMANENT_CONTRAINDICATION -> ExclusionKind.PERMANENT_CONTRAINDICATION;
      case REFUSED -> ExclusionKind.REFUSAL;
      case MOVED_AWAY -> ExclusionKind.LIVES_ELSEWHERE;
      case DECEASED -> ExclusionKind.DECEASED;
      default -> null;
    };
  }

  /** The views of a page of items: names, statuses and goals read once for the page. */
  private java.util.function.Function<TargetStore.Row, TargetItem> views(List<TargetStore.Row> rows) {
    List<UUID> ids = rows.stream().map(TargetStore.Row::personId).toList();
    Map<UUID, PersonReference> names = persons.names(ids);
    Map<UUID, DoseStore.StatusRow> statuses = doses.statuses(ids);
    TargetGoals goals = coverage.goals();
    LocalDate today = LocalDate.now(clock);
    return row -> {
      PersonReference who = names.get(row.personId());
      DoseStore.StatusRow status = statuses.get(row.personId());
      int age = today.getYear() - row.birthDate().getYear();
      AgeBand band = AgeBand.of(age);
      return new TargetItem(row.personId().toString(), who == null ? null : who.name(),
          who == null ? null : who.jurisdictionCode(), row.birthDate(), age, band, goals.of(band),
          status == null ? VaccinationStatus.UNVACCINATED : status.status(), status == null ? 0 : status.doses(),
          status == null ? null : status.lastDoseOn(), row.state(), row.closedReason(), row.closedAt(),
          row.revisitOn(), row.appointmentOn(), row.appointmentSite(), row.deferredUntil(), row.lastOutcome(),
          row.note(), row.visits(), row.lastVisitAt(), due(row, today));
    };
  }

  /** Whether the item is to be visited now. */
  static boolean due(TargetStore.Row row, LocalDate today) {
    return switch (row.state()) {
      case OPEN -> row.revisitOn() == null || !row.revisitOn().isAfter(today);
      case APPOINTED -> row.appointmentOn() != null && row.appointmentOn().isBefore(today);
      case DEFERRED -> row.deferredUntil() == null || !row.deferredUntil().isAfter(today);
      case HOME_SERVICE -> true;
      case CLOSED -> false;
    };
  }
}
