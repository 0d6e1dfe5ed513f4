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
import org.epicommand.quarantine.QuarantineAlert;
import org.epicommand.quarantine.QuarantineAlertRaised;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The alert table. Raising is idempotent per (order, kind, dedupe key): the same missed half-day or
 * the same door event twice is one alert.
 */
@Repository
public class AlertBook {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  AlertBook(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /** Raises an alert for an order; false when this one was raised before. */
  public boolean raise(OrderStore.Row order, AlertKind kind, String dedupeKey, String detail, Instant at) {
    UUID id = UUID.randomUUID();
    int inserted = jdbc.sql("""
        insert into quarantine_alert (id, order_id, person_name, jurisdiction_path, kind, dedupe_key, detail,
          raised_at, state)
        values (:id, :orderId, :name, :path, :kind, :key, :detail, :at, 'OPEN')
        on conflict (order_id, kind, dedupe_key) do nothing""")
        .param("id", id).param("orderId", order.id()).param("name", order.personName())
        .param("path", order.jurisdictionPath()).param("kind", kind.name()).param("key", dedupeKey)
        .param("detail", detail == null || detail.length() <= 300 ? detail : detail.substring(0, 300))
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update();
    if (inserted == 1) {
      events.publishEvent(new QuarantineAlertRaised(id.toString(), order.id().toString(), order.jurisdictionCode(),
          kind, detail));
    }
    return inserted == 1;
  }

  public List<QuarantineAlert> list(OrderReach reach, List<AlertState> states, AlertKind kind, long offset,
      int limit) {
    return reach.bind(jdbc.sql("select * from quarantine_alert a where " + reach.viaOrder("a.jurisdiction_path", "a.order_id")
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
        rs.getString("resolved_by"), rs.getObject("resolved_at", OffsetDateTime.class), rs.getString("note"));
  }
}
