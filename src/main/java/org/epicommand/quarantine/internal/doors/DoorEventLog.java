package org.epicommand.quarantine.internal.doors;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The door event table, range-partitioned by the UTC day an event was received. Partitions for yesterday
 * and the next {@value #DAYS_AHEAD} days are created at start-up and again every day, so inserts never
 * wait for DDL and never land in the default partition.
 */
@Repository
public class DoorEventLog {

  static final int DAYS_AHEAD = 7;
  private static final Logger log = LoggerFactory.getLogger(DoorEventLog.class);
  private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");

  private final JdbcClient jdbc;
  private final java.time.Clock clock;

  DoorEventLog(JdbcClient jdbc, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void append(String deviceId, UUID orderId, DoorEvent event, Instant at, Instant receivedAt) {
    jdbc.sql("""
        insert into quarantine_door_event (device_id, order_id, event, at, received_at)
        values (:device, :order, :event, :at, :received)""")
        .param("device", deviceId).param("order", orderId).param("event", event.name())
        .param("at", DoorSensorRegistry.utc(at)).param("received", DoorSensorRegistry.utc(receivedAt)).update();
  }

  public long count(String deviceId) {
    return jdbc.sql("select count(*) from quarantine_door_event where device_id = :device").param("device", deviceId)
        .query(Long.class).single();
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStartup() {
    ensurePartitions(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
  }

  @Scheduled(cron = "0 5 0 * * *", zone = "UTC")
  void daily() {
    ensurePartitions(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
  }

  /** Creates the daily partitions from the day before {@code today} to {@value #DAYS_AHEAD} days ahead. */
  public int ensurePartitions(LocalDate today) {
    int created = 0;
    for (LocalDate day = today.minusDays(1); !day.isAfter(today.plusDays(DAYS_AHEAD)); day = day.plusDays(1)) {
      String name = "quarantine_door_event_" + SUFFIX.format(day);
      boolean exists = jdbc.sql("select to_regclass(:name) is not null").param("name", name).query(Boolean.class)
          .single();
      if (exists) {
        continue;
      }
      try {
        // as the schema's owner (the application's role may not create tables): db/migration/quarantine
        if (jdbc.sql("select quarantine_door_event_add_day(:day)").param("day", day).query(Boolean.class).single()) {
          created++;
        }
      } catch (RuntimeException e) {
        // e.g. rows for that day already sit in the default partition: they stay there, nothing is lost
        log.warn("Door event partition {} not created: {}", name, e.getMessage());
      }
    }
    return created;
  }
}
