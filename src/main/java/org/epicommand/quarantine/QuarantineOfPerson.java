package org.epicommand.quarantine;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.quarantine.internal.AlertBook;
import org.epicommand.quarantine.internal.HealthCheckStore;
import org.epicommand.quarantine.internal.OrderStore;
import org.epicommand.quarantine.internal.SiteBindings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the person page shows of a person in quarantine: each order (newest first) with its site
 * stays, tests, latest health checks and unresolved alerts — inside the caller's jurisdiction; the
 * read is audited.
 */
@Service
public class QuarantineOfPerson {

  /** Orders shown; a person has few. */
  static final int ORDERS = 20;
  /** Health checks shown per order, newest first. */
  static final int CHECKS = 6;

  /** A stay in a room of a site; {@code to} null while it lasts. */
  public record Stay(String siteName, String room, OffsetDateTime from, OffsetDateTime to) {}

  public record OrderLine(QuarantineOrder order, List<Stay> stays, List<HealthCheck> checks, long openAlerts) {}

  private final OrderStore orders;
  private final HealthCheckStore checks;
  private final AlertBook alerts;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  QuarantineOfPerson(OrderStore orders, HealthCheckStore checks, AlertBook alerts, CurrentUser currentUser,
      AuditTrail audit, Clock clock) {
    this.orders = orders;
    this.checks = checks;
    this.alerts = alerts;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public List<OrderLine> orders(UUID personId) {
    List<OrderStore.Row> rows = orders.ofPerson(personId, SiteBindings.reachOf(currentUser.get()), ORDERS);
    List<UUID> ids = rows.stream().map(OrderStore.Row::id).toList();
    Map<UUID, List<Stay>> stays = new java.util.HashMap<>();
    orders.stays(ids).forEach(s -> stays.computeIfAbsent(s.orderId(), k -> new java.util.ArrayList<>())
        .add(new Stay(s.siteName(), s.room(), s.from(), s.to())));
    Map<UUID, Long> open = alerts.unresolvedByOrder(ids);
    LocalDate today = LocalDate.now(clock);
    rows.forEach(row -> audit.record(AuditAction.READ, QuarantineOrders.SUBJECT, row.id().toString(), "person page"));
    return rows.stream().map(row -> new OrderLine(orders.view(row, today), stays.getOrDefault(row.id(), List.of()),
        checks.checks(row.id(), CHECKS), open.getOrDefault(row.id(), 0L))).toList();
  }
}
