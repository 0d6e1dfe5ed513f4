package org.epicommand.quarantine;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.PersonReference;
import org.epicommand.person.PersonRegistry;
import org.epicommand.quarantine.QuarantineOrder.PhaseStatus;
import org.epicommand.quarantine.internal.Order;
import org.epicommand.quarantine.internal.OrderReach;
import org.epicommand.quarantine.internal.OrderStore;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quarantine orders: opened by hand or from other modules' events, computed with a rule set by the
 * day-counting rule, listed and read inside the caller's jurisdiction, recomputed only on request.
 */
@Service
public class QuarantineOrders {

  static final String SUBJECT = "QUARANTINE_ORDER";
  private static final int COUNT_CAP = 10_000;

  private final OrderStore orders;
  private final RuleSets ruleSets;
  private final PersonRegistry persons;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final SiteStaff staff;
  private final Clock clock;

  QuarantineOrders(OrderStore orders, RuleSets ruleSets, PersonRegistry persons, Jurisdictions jurisdictions,
      CurrentUser currentUser, AuditTrail audit, ApplicationEventPublisher events, SiteStaff staff, Clock clock) {
    this.staff = staff;
    this.orders = orders;
    this.ruleSets = ruleSets;
    this.persons = persons;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** Opens an order for a person inside the caller's jurisdiction. */
  @Transactional
  public QuarantineOrder open(NewOrder request) {
    UserContext user = currentUser.get();
    validate(request);
    PersonReference person = persons.reference(request.personId())
        .orElseThrow(() -> new ValidationFailure(FieldProblem.of("personId", "quarantine.person.unknown")));
    return open(request, person, user.username());
  }

  /**
   * Opens an order on the platform's own behalf (an event from another module). The same source
   * twice, or a person already under an open order, changes nothing: the open order is returned.
   */
  @Transactional
  public QuarantineOrder openForPlatform(NewOrder request) {
    validate(request);
    PersonReference person = persons.referenceForPlatform(request.personId())
        .orElseThrow(() -> new ValidationFailure(FieldProblem.of("personId", "quarantine.person.unknown")));
    return orders.findOpenByPerson(request.personId()).map(existing -> orders.view(existing, today()))
        .orElseGet(() -> open(request, person, "system"));
  }

  private QuarantineOrder open(NewOrder request, PersonReference person, String by) {
    RuleSet ruleSet = request.ruleSet() == null ? ruleSets.inForce(request.anchorDate())
        : ruleSets.find(request.ruleSet()).orElseThrow(() -> new ValidationFailure(
            FieldProblem.of("ruleSet", "quarantine.ruleSet.unknown", request.ruleSet())));
    RuleSet.Rule rule = ruleSet.rule(request.reason()).orElseThrow(() -> new ValidationFailure(
        FieldProblem.of("reason", "quarantine.reason.notManaged", request.reason().name(), ruleSet.code())));
    Jurisdiction home = jurisdictions.find(person.jurisdictionCode()).orElseThrow();
    LocalDate today = today();
    Schedule schedule = Schedule.of(rule, request.anchorDate(), today);
    OrderState state = Order.opening(schedule.phases().stream().filter(p -> !p.skipped()).findFirst()
        .map(Schedule.Phase::regime).orElse(null));
    UUID id = UUID.randomUUID();
    OrderStore.Row row = new OrderStore.Row(id, UUID.fromString(person.id()), person.name(),
        person.householdId() == null ? null : UUID.fromString(person.householdId()), home.code(), home.path(),
        request.reason(), request.anchorDate(), ruleSet.code(), state, schedule.plannedEndDate(),
        (request.source() == null ? OrderSource.MANUAL : request.source()).name(), request.sourceRef(), null, null,
        null);
    if (!orders.insert(row, schedule, by, clock.instant())) {
      OrderStore.Row existing = orders.findOpenByPerson(row.personId()).orElseThrow();
      throw Conflict.duplicate("quarantine.order.duplicate", existing.id().toString());
    }
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), request.reason() + " " + ruleSet.code());
    Regime first = schedule.phases().stream().filter(p -> !p.skipped()).findFirst()
        .map(Schedule.Phase::regime).orElse(schedule.phases().get(schedule.phases().size() - 1).regime());
    events.publishEvent(new QuarantineOrderOpened(id.toString(), person.id(), home.code(), request.reason(), first,
        schedule.plannedEndDate(), row.source(), request.sourceRef()));
    return orders.view(orders.find(id).orElseThrow(), today);
  }

  private static void validate(NewOrder request) {
    List<FieldProblem> problems = new java.util.ArrayList<>();
    if (request.personId() == null) {
      problems.add(FieldProblem.of("personId", "required"));
    }
    if (request.reason() == null) {
      problems.add(FieldProblem.of("reason", "required"));
    }
    if (request.anchorDate() == null) {
      problems.add(FieldProblem.of("anchorDate", "required"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
  }

  /**
   * Which of these persons are under an open order now: for flags other modules derive on the
   * platform's behalf (a staff member cannot be on duty under quarantine), never for showing the order.
   */
  public java.util.Set<UUID> underOpenOrder(java.util.Collection<UUID> personIds) {
    return orders.underOpenOrder(personIds);
  }

  /** Checks the rule-set code before anything else, so an unknown one is a field error. */
  public void requireKnownRuleSet(String code) {
    if (code != null && ruleSets.find(code).isEmpty()) {
      throw new ValidationFailure(FieldProblem.of("ruleSet", "quarantine.ruleSet.unknown", code));
    }
  }

  /** The order with its phases and tests; reading it is audited (it is a personal record). */
  @Transactional
  public QuarantineOrder get(UUID id) {
    OrderStore.Row row = orders.find(id, staff.reach()).orElseThrow(() -> new RecordNotFound(SUBJECT));
    audit.record(AuditAction.READ, SUBJECT, id.toString(), null);
    return orders.view(row, today());
  }

  /** A page of orders in the caller's scope (or a part of it). */
  public PageResult<QuarantineOrder> list(String jurisdictionCode, OrderState state, Paging paging) {
    OrderReach reach = staff.reach();
    reach = reach.within(jurisdictions.narrow(reach.scope(), jurisdictionCode));
    List<OrderStore.Row> rows = orders.list(reach, state, paging.offset(), paging.fetchSize());
    long count = paging.page() == 0 && rows.size() <= paging.size() ? rows.size()
        : orders.count(reach, state, COUNT_CAP);
    LocalDate today = today();
    return paging.toResult(rows, count > COUNT_CAP ? null : count).map(row -> orders.view(row, today));
  }

  /**
   * Computes the order anew with another (or the same) rule set: phases and open tests are
   * replaced, results kept. Only on request: a new rule set never rewrites open orders by itself.
   */
  @Transactional
  public QuarantineOrder recompute(UUID id, String ruleSetCode) {
    requireKnownRuleSet(ruleSetCode);
    OrderStore.Row row = openOrder(id).row();
    RuleSet ruleSet = ruleSetCode == null ? ruleSets.inForce(today()) : ruleSets.find(ruleSetCode).orElseThrow();
    RuleSet.Rule rule = ruleSet.rule(row.reason()).orElseThrow(() -> new ValidationFailure(
        FieldProblem.of("ruleSet", "quarantine.reason.notManaged", row.reason().name(), ruleSet.code())));
    Schedule schedule = Schedule.of(rule, row.anchorDate(), today());
    orders.replaceSchedule(id, schedule);
    orders.updateRuleSet(id, ruleSet.code(), schedule.plannedEndDate());
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "recomputed with " + ruleSet.code());
    return orders.view(orders.find(id).orElseThrow(), today());
  }

  /** The caller's open order, locked; 404 outside the scope, 409 when it has ended. */
  Order openOrder(UUID id) {
    return Order.of(orders.lock(id, staff.reach()).orElseThrow(() -> new RecordNotFound(SUBJECT))).requireOpen();
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  static boolean allDone(List<QuarantineOrder.PhaseView> phases) {
    return phases.stream().allMatch(p -> p.status() != PhaseStatus.SCHEDULED);
  }
}
