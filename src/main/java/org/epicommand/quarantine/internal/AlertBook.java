package org.epicommand.quarantine.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.quarantine.AlertKind;
import org.epicommand.quarantine.AlertState;
import org.epicommand.quarantine.HalfDay;
import org.epicommand.quarantine.QuarantineAlert;
import org.epicommand.quarantine.QuarantineAlertRaised;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The alert table. Raising is idempotent per (order, kind, dedupe key): the same missed half-day or
 * the same door event twice is one occurrence. And one order has at most one unresolved alert per
 * kind and half-day (in the city's zone): a further occurrence in that half-day updates it — how
 * often it happened and when last — instead of flooding the worker's screen with a new alert.
 */
@Repository
public class AlertBook {

  /** Who resolves the alerts of an order that ended. */
  public static final String PLATFORM = "platform";

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final java.time.ZoneId zone;

  AlertBook(JdbcClient jdbc, ApplicationEventPublisher events, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.zone = clock.getZone();
  }

  /**
   * Raises an alert for an order, or counts a repeat on the one still unresolved for the same kind
   * and half-day; true only when a new alert was raised (and announced).
   */
  public boolean raise(OrderStore.Row order, AlertKind kind, String dedupeKey, String detail, Instant at) {
    int seen = jdbc.sql("""
        insert into quarantine_alert_occurrence (order_id, kind, dedupe_key) values (:orderId, :kind, :key)
        on conflict do nothing""").param("orderId", order.id()).param("kind", kind.name()).param("key", dedupeKey)
        .update();
    if (seen == 0) {
      return false; // this very occurrence was counted before
    }
    java.time.ZonedDateTime local = at.atZone(zone);
    String halfDay = local.toLocalDate() + "-" + HalfDay.at(local.toLocalTime());
    UUID id = UUID.randomUUID();
    boolean inserted = jdbc.sql("""
        insert into quarantine_alert (id, order_id, person_name, jurisdiction_path, kind, dedupe_key, detail,
          raised_at, state, half_day, repeats, last_at)
        values (:id, :orderId, :name, :path, :kind, :key, :detail, :at, 'OPEN', :halfDay, 1, :at)
        on conflict (order_id, kind, half_day) where state <> 'RESOLVED' and half_day is not null
        do update set repeats = quarantine_alert.repeats + 1,
          last_at = greatest(quarantine_alert.last_at, excluded.last_at)
        returning (xmax = 0)""")
        .param("id", id).param("orderId", order.id()).param("name", order.personName())
        .param("path", order.jurisdictionPath()).param("kind", kind.name()).param("key", dedupeKey)
        .param("detail", detail == null || detail.length() <= 300 ? detail : detail.substring(0, 300))
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("halfDay", halfDay)
        .query(Boolean.class).single();
    if (inserted) {
      events.publishEvent(new QuarantineAlertRaised(id.toString(), order.id().toString(), order.jurisdictionCode(),
          kind, detail));
    }
    return inserted;
  }

  /** Resolves every unresolved alert of an order that ended (by the platform, the outcome as the note). */
  public int resolveForEndedOrder(UUID orderId, String note, Instant at) {
    return jdbc.sql("""
        update quarantine_alert set state = 'RESOLVED', resolved_by = :by, resolved_at = :at, note = :note
        where order_id = :orderId and state <> 'RESOLVED'""").param("orderId", orderId).param("by", PLATFORM)
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("note", note).update();
  }

  /** Unresolved alerts per order, for the orders given. */
  public java.util.Map<UUID, Long> unresolvedByOrder(List<UUID> orderIds) {
    java.util.Map<UUID, Long> counts = new java.util.HashMap<>();
    if (!orderIds.isEmpty()) {
      jdbc.sql("select order_id, count(*) from quarantine_alert where order_id in (:ids) and state <> 'RESOLVED'"
          + " group by order_id").param("ids", orderIds)
          .query(rs -> {
            counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
          });
    }
    return counts;
  }

  public List<QuarantineAlert> list(OrderReach reach, List<AlertState> states, AlertKind kind, long offset,
      int limit) {
    return reach.bind(jdbc.sql("select * from quarantine_alert a where " + reach.viaOrder("a.jurisdiction_path",
        "a.order_id")
        + " and a.state in (:states)" + (kind == null ? "" : " and a.kind = :kind")
        + " order by a.raised_at desc, a.id offset :offset limit :limit"))
        .param("states", states.stream().map(Enum::name).toList()).param("kind", kind == null ? null : kind.name())
        .param("offset", offset).param("limit", limit).query(AlertBook::alert).list();
  }

  public long countOpen(OrderReach reach) {
    return reach.bind(jdbc.sql("select count(*) from quarantine_alert a where "
        + reach.viaOrder("a.jurisdiction_path", "a.order_id") + " and a.state <> 'RESOLVED'")).query(Long.class)
        .single();
  }

  public Optional<QuarantineAlert> lock(UUID id, OrderReach reach) {
    return reach.bind(jdbc.sql("select * from quarantine_alert a where a.id = :id and "
        + reach.viaOrder("a.jurisdiction_path", "a.order_id") + " for update")).param("id", id)
        .query(AlertBook::alert).optional();
  }

  public void acknowledge(UUID id, String by, Instant at) {
    jdbc.sql("update quarantine_alert set state = 'ACKNOWLEDGED', acknowledged_by = :by, acknowledged_at = :at "
        + "where id = :id").param("id", id).param("by", by).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .update();
  }

  public void resolve(UUID id, String by, Instant at, String note) {
    jdbc.sql("""
        update quarantine_alert set state = 'RESOLVED', resolved_by = :by, resolved_at = :at, note = :note,
          acknowledged_by = coalesce(acknowledged_by, :by), acknowledged_at = coalesce(acknowledged_at, :at)
        where id = :id""").param("id", id).param("by", by).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .param("note", note).update();
  }

  static QuarantineAlert alert(ResultSet rs, int n) throws SQLException {
    return new QuarantineAlert(rs.getString("id"), rs.getString("order_id"), rs.getString("person_name"),
        AlertKind.valueOf(rs.getString("kind")), rs.getString("detail"),
        rs.getObject("raised_at", OffsetDateTime.class), AlertState.valueOf(rs.getString("state")),
        rs.getString("acknowledged_by"), rs.getObject("acknowledged_at", OffsetDateTime.class),
        rs.getString("resolved_by"), rs.getObject("resolved_at", OffsetDateTime.class), rs.getString("note"),
        rs.getInt("repeats"), rs.getObject("last_at", OffsetDateTime.class));
  }
}
