package org.epicommand.quarantine.internal.doors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epicommand.quarantine.internal.Order;
import org.epicommand.quarantine.internal.OrderStore;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Openings declared beforehand (taking out rubbish, a delivery): an OPEN inside a declared window is no alert
 * (docs/domain.md §6). Staff declare through the API; the resident's phone page calls {@link #declare} after it has
 * checked the personal link.
 */
@Service
public class DoorDeclarations {

  /** A declared window, [from, until). */
  public record Declaration(String id, String orderId, OffsetDateTime from, OffsetDateTime until, String declaredBy,
      OffsetDateTime declaredAt) {}

  /** Longest single opening that may be declared. */
  public static final int MAX_MINUTES = 120;
  /** How far ahead an opening may be declared, and how late after its start. */
  static final Duration MAX_AHEAD = Duration.ofHours(24);
  static final Duration MAX_LATE = Duration.ofMinutes(15);

  private final JdbcClient jdbc;
  private final OrderStore orders;
  private final Clock clock;

  DoorDeclarations(JdbcClient jdbc, OrderStore orders, Clock clock) {
    this.jdbc = jdbc;
    this.orders = orders;
    this.clock = clock;
  }

  /**
   * Declares an opening of {@code minutes} (1…{@value #MAX_MINUTES}) from {@code from} (at most 15 minutes ago,
   * at most 24 hours ahead) for an open order. The caller has checked that {@code declaredBy} may act for the
   * order (the staff API by jurisdiction, the phone page by the personal link).
   *
   * @throws ValidationFailure 400 on a missing or out-of-range {@code from} or {@code minutes}
   * @throws RecordNotFound 404 when the order does not exist
   * @throws Conflict 409 ({@code quarantine.order.notOpen}) when the order has ended
   */
  @Transactional
  public Declaration declare(UUID orderId, Instant from, int minutes, String declaredBy) {
    Instant now = clock.instant();
    List<FieldProblem> problems = new ArrayList<>();
    if (from == null) {
      problems.add(FieldProblem.of("from", "required"));
    } else if (from.isBefore(now.minus(MAX_LATE)) || from.isAfter(now.plus(MAX_AHEAD))) {
      problems.add(FieldProblem.of("from", "quarantine.door.declaration.from"));
    }
    if (minutes < 1 || minutes > MAX_MINUTES) {
      problems.add(FieldProblem.of("minutes", "quarantine.door.declaration.minutes", MAX_MINUTES));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    OrderStore.Row order = orders.find(orderId).orElseThrow(() -> new RecordNotFound("ORDER"));
    Order.of(order).requireOpen();
    UUID id = UUID.randomUUID();
    OffsetDateTime start = DoorSensorRegistry.utc(from);
    OffsetDateTime until = start.plusMinutes(minutes);
    OffsetDateTime at = DoorSensorRegistry.utc(now);
    String by = declaredBy == null || declaredBy.isBlank() ? "?" : declaredBy.strip();
    by = by.length() > 50 ? by.substring(0, 50) : by;
    jdbc.sql("""
        insert into quarantine_door_declaration (id, order_id, from_at, until_at, declared_by, declared_at)
        values (:id, :order, :from, :until, :by, :at)""")
        .param("id", id).param("order", orderId).param("from", start).param("until", until).param("by", by)
        .param("at", at).update();
    return new Declaration(id.toString(), orderId.toString(), start, until, by, at);
  }

  /** Whether an opening of the order at {@code at} was declared. */
  public boolean covers(UUID orderId, Instant at) {
    return jdbc.sql("""
        select exists (select 1 from quarantine_door_declaration
                       where order_id = :order and from_at <= :at and until_at > :at)""")
        .param("order", orderId).param("at", DoorSensorRegistry.utc(at)).query(Boolean.class).single();
  }
}
