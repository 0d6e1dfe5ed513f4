package org.epicommand.quarantine;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.quarantine.QuarantineOrder.PhaseStatus;
import org.epicommand.quarantine.QuarantineOrder.TestStatus;
import org.epicommand.quarantine.QuarantineOrder.TestView;
import org.epicommand.quarantine.internal.AlertBook;
import org.epicommand.quarantine.internal.Order;
import org.epicommand.quarantine.internal.OrderStore;
import org.epicommand.quarantine.internal.SiteStore;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Test results on an order and its release: period complete and the last scheduled test negative. */
@Service
public class OrderReleases {

  private final OrderStore orders;
  private final SiteStore sites;
  private final AlertBook alerts;
  private final RuleSets ruleSets;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final SiteStaff staff;
  private final Clock clock;

  OrderReleases(OrderStore orders, SiteStore sites, AlertBook alerts, RuleSets ruleSets,
      AuditTrail audit, ApplicationEventPublisher events, SiteStaff staff, Clock clock) {
    this.staff = staff;
    this.orders = orders;
    this.sites = sites;
    this.alerts = alerts;
    this.ruleSets = ruleSets;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Records a test result. A dual-reagent test (双采双检) is negative only when the second reagent is
   * negative too. A positive result raises an alert and starts the case flow.
   */
  @Transactional
  public QuarantineOrder recordResult(UUID orderId, UUID testId, TestStatus result, TestStatus secondReagent,
      String note) {
    if (result == null || !result.hasResult()) {
      throw new ValidationFailure(FieldProblem.of("result", "quarantine.test.result"));
    }
    OrderStore.Row order = lockOpen(orderId).row();
    TestView test = orders.tests(orderId).stream().filter(t -> t.id().equals(testId.toString())).findFirst()
        .orElseThrow(() -> new RecordNotFound("QUARANTINE_TEST"));
    if (test.status().hasResult()) {
      throw Conflict.illegalTransition("quarantine.test.hasResult", test.status());
    }
    if (test.date().isAfter(today())) {
      throw Conflict.of("quarantine.test.notYetDue");
    }
    if (test.dualReagent() && result == TestStatus.NEGATIVE && secondReagent != TestStatus.NEGATIVE) {
      throw new ValidationFailure(FieldProblem.of("secondReagent", "quarantine.test.dualReagent"));
    }
    TestStatus recorded = test.dualReagent() && secondReagent == TestStatus.POSITIVE ? TestStatus.POSITIVE : result;
    orders.recordResult(orderId, testId, recorded, note, clock.instant());
    audit.record(AuditAction.UPDATE, QuarantineOrders.SUBJECT, orderId.toString(), "test " + test.date() + " "
        + recorded);
    if (recorded == TestStatus.POSITIVE) {
      alerts.raise(order, AlertKind.POSITIVE_RESULT, test.date().toString(), test.date().toString(),
          clock.instant());
      events.publishEvent(new QuarantineTestPositive(orderId.toString(), order.personId().toString(),
          order.jurisdictionCode(), test.date()));
    }
    return orders.view(orders.find(orderId).orElseThrow(), today());
  }

  /** Releases the order (the person leaves the site too, if still there) when the rules allow. */
  @Transactional
  public QuarantineOrder release(UUID orderId) {
    Order order = lockOpen(orderId);
    order.requireReleasable();
    requireReleasable(order.row(), order.row().plannedEndDate(), today());
    orders.phases(orderId).stream().filter(p -> p.status() == PhaseStatus.SCHEDULED)
        .forEach(p -> orders.markPhase(orderId, p.seq(), PhaseStatus.DONE));
    finish(order, OrderState.RELEASED, null, "released");
    return orders.view(orders.find(orderId).orElseThrow(), today());
  }

  /** Ends an open order because the person became a case or left for another city. */
  @Transactional
  public QuarantineOrder end(UUID id, OrderState outcome, String note) {
    if (!Order.endsByHand(outcome)) {
      throw new ValidationFailure(FieldProblem.of("state", "quarantine.order.endState"));
    }
    finish(lockOpen(id), outcome, note, outcome.name());
    return orders.view(orders.find(id).orElseThrow(), today());
  }

  /**
   * Ends the person's open order, if any, on the platform's own behalf (e.g. the person was
   * reported as a case). Returns whether an order was ended.
   */
  @Transactional
  public boolean endForPlatform(UUID personId, OrderState outcome, String note) {
    return orders.findOpenByPerson(personId).map(row -> {
      finish(Order.of(row), outcome, note, outcome.name() + " (platform)");
      return true;
    }).orElse(false);
  }

  /**
   * Releases a positive-pool member's temporary control on a negative single-tube retest (on the
   * platform's own behalf). Returns whether an order was released.
   */
  @Transactional
  public boolean releasePoolMemberForPlatform(UUID personId, String poolBarcode) {
    return orders.findOpenByPerson(personId).filter(row -> row.reason() == OrderReason.POSITIVE_POOL).map(row -> {
      orders.phases(row.id()).stream().filter(p -> p.status() == PhaseStatus.SCHEDULED)
          .forEach(p -> orders.markPhase(row.id(), p.seq(), PhaseStatus.DONE));
      finish(Order.of(row), OrderState.RELEASED, "retest negative, pool " + poolBarcode,
          "released: negative retest (platform)");
      return true;
    }).orElse(false);
  }

  /**
   * The order ends: it leaves its room (to be disinfected), its tests still waiting are cancelled and
   * its unresolved alerts resolved (nothing is left open on an ended order), and it says so.
   */
  void finish(Order order, OrderState outcome, String note, String auditDetail) {
    order.end(outcome);
    OrderStore.Row row = order.row();
    orders.updateState(row.id(), order.state(), clock.instant(), note);
    String why = "ORDER_ENDED " + outcome.name();
    orders.cancelOpenTests(row.id(), why);
    alerts.resolveForEndedOrder(row.id(), why, clock.instant());
    if (row.roomStayId() != null) {
      orders.placeAt(row.id(), null, null);
      sites.leave(row.roomStayId(), clock.instant());
    }
    audit.record(AuditAction.UPDATE, QuarantineOrders.SUBJECT, row.id().toString(), auditDetail);
    events.publishEvent(new QuarantineOrderEnded(row.id().toString(), row.personId().toString(), outcome));
  }

  /**
   * The release rule: the period up to {@code periodEnd} is complete (its last day reached) and the
   * last test due by then is negative — except under a rule that releases on a negative result
   * (10 measures, positive-pool members), where the negative result alone suffices.
   */
  void requireReleasable(OrderStore.Row order, LocalDate periodEnd, LocalDate today) {
    boolean onNegative = ruleSets.find(order.ruleSet()).flatMap(r -> r.rule(order.reason()))
        .map(RuleSet.Rule::releaseOnNegative).orElse(false);
    List<TestView> due = orders.tests(order.id()).stream()
        .filter(t -> t.status() != TestStatus.SKIPPED && !t.date().isAfter(periodEnd)).toList();
    TestView last = due.stream().max(Comparator.comparing(TestView::date).thenComparing(TestView::extra)).orElse(null);
    boolean lastNegative = last == null || last.status() == TestStatus.NEGATIVE;
    if (onNegative && last != null && lastNegative) {
      return;
    }
    if (today.isBefore(periodEnd)) {
      throw Conflict.of("quarantine.release.periodNotComplete");
    }
    if (!lastNegative) {
      throw Conflict.of("quarantine.release.lastTestNotNegative");
    }
  }

  private Order lockOpen(UUID orderId) {
    return Order.of(orders.lock(orderId, staff.reach())
        .orElseThrow(() -> new RecordNotFound(QuarantineOrders.SUBJECT))).requireOpen();
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
