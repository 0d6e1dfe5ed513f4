package org.epicommand.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.supervision.internal.AccountabilityStore;
import org.epicommand.supervision.internal.ProblemStore;
import org.epicommand.supervision.internal.Units;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accountability (约谈, 通报, 处分) linked to problems, units and named persons; the public naming
 * list every signed-in user may read (names and units only, no identifiers); good practices; and
 * the scorecard per unit ({@link ScorecardRow} gives the formula).
 */
@Service
public class Accountability {

  private final AccountabilityStore store;
  private final ProblemStore problems;
  private final Units units;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  Accountability(AccountabilityStore store, ProblemStore problems, Units units, CurrentUser currentUser,
      AuditTrail audit, Clock clock) {
    this.store = store;
    this.problems = problems;
    this.units = units;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public AccountabilityRecord record(NewAccountabilityRecord request) {
    UserContext user = currentUser.get();
    List<FieldProblem> errors = new ArrayList<>();
    if (request.kind() == null) {
      errors.add(FieldProblem.of("kind", "supervision.required"));
    }
    UUID problemId = null;
    String unitCode = request.unitCode();
    if (request.problemId() != null && !request.problemId().isBlank()) {
      try {
        problemId = UUID.fromString(request.problemId().strip());
      } catch (IllegalArgumentException e) {
        throw new RecordNotFound(ProblemRectification.SUBJECT);
      }
      Problem problem = problems.find(problemId, units.visibility(user), LocalDate.now(clock))
          .orElseThrow(() -> new RecordNotFound(ProblemRectification.SUBJECT));
      unitCode = unitCode == null || unitCode.isBlank() ? problem.unitCode() : unitCode;
    }
    var unit = units.find(unitCode, user);
    if (unit.isEmpty()) {
      errors.add(FieldProblem.of("unitCode", "supervision.unknownUnit"));
    }
    String person = optional(request.personName(), "personName", 50, errors);
    String position = optional(request.personPosition(), "personPosition", 100, errors);
    String reason = ProblemRectification.text(request.reason(), "reason", 2000, errors);
    LocalDate decidedOn = request.decidedOn() == null ? LocalDate.now(clock) : request.decidedOn();
    if (decidedOn.isAfter(LocalDate.now(clock))) {
      errors.add(FieldProblem.of("decidedOn", "supervision.dateFuture"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationFailure(errors);
    }
    UUID id = UUID.randomUUID();
    store.insert(id, request.kind(), problemId, unit.get(), person, position, reason, decidedOn, user.username(),
        clock.instant());
    // a measure against a named person is a record about that person: written to the audit trail
    audit.record(AuditAction.CREATE, "ACCOUNTABILITY", id.toString(), request.kind().name());
    return new AccountabilityRecord(id.toString(), request.kind(), problemId == null ? null : problemId.toString(),
        unit.get().code(), unit.get().name(), person, position, reason, decidedOn, user.username());
  }

  public PageResult<AccountabilityRecord> list(AccountabilityKind kind, UUID problemId, Paging paging) {
    return paging.toResult(store.list(kind, problemId, currentUser.get().scope(), paging.offset(),
        paging.fetchSize()), null);
  }

  public PageResult<PublicNaming> publicNaming(Paging paging) {
    return paging.toResult(store.publicNaming(paging.offset(), paging.fetchSize()), null);
  }

  @Transactional
  public GoodPractice recordGoodPractice(NewGoodPractice request) {
    UserContext user = currentUser.get();
    List<FieldProblem> errors = new ArrayList<>();
    var unit = units.find(request.unitCode(), user);
    if (unit.isEmpty()) {
      errors.add(FieldProblem.of("unitCode", "supervision.unknownUnit"));
    }
    String title = ProblemRectification.text(request.title(), "title", 200, errors);
    String description = ProblemRectification.text(request.description(), "description", 2000, errors);
    if (!errors.isEmpty()) {
      throw new ValidationFailure(errors);
    }
    UUID id = UUID.randomUUID();
    var now = clock.instant();
    store.insertGoodPractice(id, unit.get(), title, description, user.username(), now);
    return new GoodPractice(id.toString(), unit.get().code(), unit.get().name(), title, description,
        user.username(), now.atOffset(java.time.ZoneOffset.UTC));
  }

  public PageResult<GoodPractice> goodPractices(Paging paging) {
    return paging.toResult(store.goodPractices(paging.offset(), paging.fetchSize()), null);
  }

  /** Every unit in the caller's scope with problems or accountability, lowest score first. */
  public List<ScorecardRow> scorecard() {
    return store.scorecard(currentUser.get().scope(), LocalDate.now(clock), clock.getZone()).stream()
        .sorted(Comparator.comparingInt(ScorecardRow::score).thenComparing(ScorecardRow::unitCode)).toList();
  }

  private static String optional(String value, String field, int max, List<FieldProblem> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.strip().length() > max) {
      errors.add(FieldProblem.of(field, "supervision.tooLong", max));
      return null;
    }
    return value.strip();
  }
}
