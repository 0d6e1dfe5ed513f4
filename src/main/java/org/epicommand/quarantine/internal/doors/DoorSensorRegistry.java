package org.epicommand.quarantine.internal.doors;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.quarantine.internal.OrderReach;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sensor table, read together with the state and jurisdiction of the order a sensor is bound to. */
@Repository
public class DoorSensorRegistry {

  /** A bound sensor as the API and the intake see it. */
  public record BoundSensor(String deviceId, UUID orderId, String personName, String jurisdictionPath,
      boolean orderOpen, OffsetDateTime boundAt, String boundBy, OffsetDateTime lastSeenAt, String lastEvent,
      OffsetDateTime silentAlertedAt) {}

  private static final String SELECT = """
      select s.device_id, s.order_id, o.person_name, o.jurisdiction_path,
        o.state in ('PENDING_TRANSFER', 'ACTIVE') as order_open, s.bound_at, s.bound_by, s.last_seen_at,
        s.last_event, s.silent_alerted_at
      from quarantine_door_sensor s join quarantine_order o on o.id = s.order_id
      """;

  private final JdbcClient jdbc;

  DoorSensorRegistry(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Binds the device to the order. A device still bound to another open order is not taken over; one bound to
   * an ended order is. The unique index on order_id keeps one sensor per order under concurrency.
   *
   * @return false when the device is bound to an open order (this one or another)
   */
  public boolean bind(String deviceId, UUID orderId, String by, Instant now) {
    return jdbc.sql("""
        insert into quarantine_door_sensor as s (device_id, order_id, bound_at, bound_by)
        values (:device, :order, :now, :by)
        on conflict (device_id) do update set order_id = excluded.order_id, bound_at = excluded.bound_at,
          bound_by = excluded.bound_by, last_seen_at = null, last_event = null, silent_alerted_at = null
        where not exists (select 1 from quarantine_order o where o.id = s.order_id
                          and o.state in ('PENDING_TRANSFER', 'ACTIVE'))""")
        .param("device", deviceId).param("order", orderId).param("by", by).param("now", utc(now)).update() == 1;
  }

  public Optional<BoundSensor> find(String deviceId) {
    return jdbc.sql(SELECT + " where s.device_id = :device").param("device", deviceId).query(DoorSensorRegistry::row)
        .optional();
  }

  public Optional<BoundSensor> find(String deviceId, OrderReach reach) {
    return reach.bind(jdbc.sql(SELECT + " where s.device_id = :device and " + reach.orders("o")))
        .param("device", deviceId).query(DoorSensorRegistry::row).optional();
  }

  public Optional<BoundSensor> findByOrder(UUID orderId) {
    return jdbc.sql(SELECT + " where s.order_id = :order").param("order", orderId).query(DoorSensorRegistry::row)
        .optional();
  }

  /** Sensors of the orders in reach, optionally of one order, by device id. */
  public List<BoundSensor> list(OrderReach reach, UUID orderId, long offset, int limit) {
    return reach.bind(jdbc.sql(SELECT + " where " + reach.orders("o")
        + (orderId == null ? "" : " and s.order_id = :order") + " order by s.device_id offset :offset limit :limit"))
        .param("order", orderId).param("offset", offset).param("limit", limit).query(DoorSensorRegistry::row).list();
  }

  /** Replaces the device's MQTT password hash (a new binding or a re-issue). */
  public void setCredentialHash(String deviceId, String hash) {
    jdbc.sql("update quarantine_door_sensor set credential_hash = :hash where device_id = :device")
        .param("device", deviceId).param("hash", hash).update();
  }

  /** The MQTT password hash of a device bound to an open order (a sensor of an ended order may not connect). */
  public Optional<String> credentialHash(String deviceId) {
    return jdbc.sql("""
        select s.credential_hash from quarantine_door_sensor s join quarantine_order o on o.id = s.order_id
        where s.device_id = :device and s.credential_hash is not null
          and o.state in ('PENDING_TRANSFER', 'ACTIVE')""")
        .param("device", deviceId).query(String.class).optional();
  }

  public boolean unbind(String deviceId) {
    return jdbc.sql("delete from quarantine_door_sensor where device_id = :device").param("device", deviceId)
        .update() == 1;
  }

  /** Any event ends a silence: the next one alerts again. Out-of-order events never move last_seen_at back. */
  public void seen(String deviceId, String event, Instant at) {
    jdbc.sql("""
        update quarantine_door_sensor set last_seen_at = :at, last_event = :event, silent_alerted_at = null
        where device_id = :device and (last_seen_at is null or last_seen_at <= :at)""")
        .param("device", deviceId).param("event", event).param("at", utc(at)).update();
  }

  /** Sensors of open orders silent since before {@code cutoff} whose silence was not alerted yet. */
  public List<BoundSensor> silentSince(Instant cutoff, int limit) {
    return jdbc.sql(SELECT + """
         where coalesce(s.last_seen_at, s.bound_at) < :cutoff and s.silent_alerted_at is null
           and o.state in ('PENDING_TRANSFER', 'ACTIVE')
         order by coalesce(s.last_seen_at, s.bound_at) limit :limit""")
        .param("cutoff", utc(cutoff)).param("limit", limit).query(DoorSensorRegistry::row).list();
  }

  /** Marks the silence alerted unless an event arrived in the meantime. */
  public boolean markSilentAlerted(String deviceId, OffsetDateTime lastSeenAt, Instant now) {
    return jdbc.sql("""
        update quarantine_door_sensor set silent_alerted_at = :now
        where device_id = :device and silent_alerted_at is null
          and last_seen_at is not distinct from :lastSeen""")
        .param("device", deviceId).param("lastSeen", lastSeenAt).param("now", utc(now)).update() == 1;
  }

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static BoundSensor row(ResultSet rs, int n) throws SQLException {
    return new BoundSensor(rs.getString("device_id"), rs.getObject("order_id", UUID.class),
        rs.getString("person_name"), rs.getString("jurisdiction_path"), rs.getBoolean("order_open"),
        rs.getObject("bound_at", OffsetDateTime.class), rs.getString("bound_by"),
        rs.getObject("last_seen_at", OffsetDateTime.class), rs.getString("last_event"),
        rs.getObject("silent_alerted_at", OffsetDateTime.class));
  }
}
