package org.epicommand.quarantine.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.quarantine.Trip;
import org.epicommand.quarantine.TripState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Trips and their passengers. */
@Repository
public class TripStore {

  private final JdbcClient jdbc;

  TripStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(UUID id, String vehicle, String driver, String escort, UUID siteId, String path, String by,
      Instant now, List<UUID> orderIds) {
    jdbc.sql("""
        insert into quarantine_trip (id, vehicle, driver, escort, destination_site_id, jurisdiction_path, state,
          planned_at, created_by)
        values (:id, :vehicle, :driver, :escort, :site, :path, 'PLANNED', :now, :by)""")
        .param("id", id).param("vehicle", vehicle).param("driver", driver).param("escort", escort)
        .param("site", siteId).param("path", path).param("by", by).param("now", at(now)).update();
    orderIds.forEach(order -> jdbc.sql("insert into quarantine_trip_passenger (trip_id, order_id) values (:id, :order)")
        .param("id", id).param("order", order).update());
  }

  /** Whether the order rides a trip that has not checked in yet. */
  public boolean onUnfinishedTrip(UUID orderId) {
    return jdbc.sql("""
        select count(*) from quarantine_trip_passenger p join quarantine_trip t on t.id = p.trip_id
        where p.order_id = :order and t.state <>
          'CHECKED_IN'""").param("order", orderId).query(Long.class).single() > 0;
  }

  /** A trip inside the reach: its jurisdiction, and for a bound user a trip to one of their sites. */
  public Optional<Trip> find(UUID id, OrderReach reach, boolean lock) {
    Optional<Trip> trip = reach.bind(jdbc.sql("select * from quarantine_trip t where t.id = :id and "
        + reach.scope().predicate("t.jurisdiction_path") + " and " + reach.sites("t.destination_site_id")
        + (lock ? " for update" : ""))).param("id", id)
        .query((rs, n) -> new Trip(rs.getString("id"), rs.getString("vehicle"), rs.getString("driver"),
            rs.getString("escort"), rs.getString("destination_site_id"), TripState.valueOf(rs.getString("state")),
            rs.getObject("planned_at", OffsetDateTime.class), rs.getObject("dispatched_at", OffsetDateTime.class),
            rs.getObject("picked_up_at", OffsetDateTime.class), rs.getObject("arrived_at", OffsetDateTime.class),
            rs.getObject("checked_in_at", OffsetDateTime.class), List.of())).optional();
    return trip.map(t -> new Trip(t.id(), t.vehicle(), t.driver(), t.escort(), t.destinationSiteId(), t.state(),
        t.plannedAt(), t.dispatchedAt(), t.pickedUpAt(), t.arrivedAt(), t.checkedInAt(), passengers(id)));
  }

  public List<UUID> recent(OrderReach reach, int limit) {
    return reach.bind(jdbc.sql("select id from quarantine_trip t where " + reach.scope()
        .predicate("t.jurisdiction_path")
        + " and " + reach.sites("t.destination_site_id") + " order by planned_at desc limit :limit")).param("limit",
            limit).query(UUID.class).list();
  }

  List<Trip.Passenger> passengers(UUID tripId) {
    return jdbc.sql("""
        select p.order_id, o.person_name, p.picked_up, p.checked_in_at from quarantine_trip_passenger p
        join quarantine_order o on o.id = p.order_id where p.trip_id = :id order by o.person_name""")
        .param("id", tripId).query((rs, n) -> new Trip.Passenger(rs.getString(1), rs.getString(2), rs.getBoolean(3),
            rs.getObject(4, OffsetDateTime.class))).list();
  }

  public void advance(UUID id, TripState state, Instant now) {
    String column = switch (state) {
      case DISPATCHED -> "dispatched_at";
      case PICKED_UP -> "picked_up_at";
      case ARRIVED -> "arrived_at";
      case CHECKED_IN -> "checked_in_at";
      case PLANNED -> throw new IllegalArgumentException("a trip starts PLANNED");
    };
    jdbc.sql("update quarantine_trip set state = :state, " + column + " = :now where id = :id").param("id", id)
        .param("state", state.name()).param("now", at(now)).update();
  }

  public void markPickedUp(UUID tripId, UUID orderId) {
    jdbc.sql("update quarantine_trip_passenger set picked_up = true where trip_id = :trip and order_id = :order")
        .param("trip", tripId).param("order", orderId).update();
  }

  public void markCheckedIn(UUID tripId, UUID orderId, Instant now) {
    jdbc.sql("update quarantine_trip_passenger set checked_in_at = :now where trip_id = :trip and order_id = :order")
        .param("trip", tripId).param("order", orderId).param("now", at(now)).update();
  }

  /** Set-based: AWAITING_TRANSFER for orders pending longer than {@code since}; returns how many were raised. */
  public int raiseAwaiting(Instant createdBefore, Instant now) {
    return jdbc.sql("""
        insert into quarantine_alert (id, order_id, person_name, jurisdiction_path, kind, dedupe_key, detail, raised_at,
          state)
        select gen_random_uuid(), o.id, o.person_name, o.jurisdiction_path, 'AWAITING_TRANSFER', 'waiting', null, :now,
          'OPEN'
        from quarantine_order o where o.state = 'PENDING_TRANSFER' and o.created_at < :before
        on conflict (order_id, kind, dedupe_key) do nothing""")
        .param("before", at(createdBefore)).param("now", at(now)).update();
  }

  /** Set-based: AWAITING_TRANSFER_LONG for orders still pending {@code days} after the last exposure. */
  public int raiseAwaitingLong(LocalDate anchorOnOrBefore, Instant now) {
    return jdbc.sql("""
        insert into quarantine_alert (id, order_id, person_name, jurisdiction_path, kind, dedupe_key, detail, raised_at,
          state)
        select gen_random_uuid(), o.id, o.person_name, o.jurisdiction_path, 'AWAITING_TRANSFER_LONG', 'waiting',
          o.anchor_date::text, :now, 'OPEN'
        from quarantine_order o where o.state = 'PENDING_TRANSFER' and o.anchor_date <= :anchor
        on conflict (order_id, kind, dedupe_key) do nothing""")
        .param("anchor", anchorOnOrBefore).param("now", at(now)).update();
  }

  private static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
