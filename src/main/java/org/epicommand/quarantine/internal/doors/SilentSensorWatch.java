package org.epicommand.quarantine.internal.doors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.epicommand.quarantine.AlertKind;
import org.epicommand.quarantine.internal.AlertBook;
import org.epicommand.quarantine.internal.OrderStore;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A sensor of an open order that sent nothing (not even a heartbeat) for {@code silentAfter} (docs/domain.md §6:
 * 30 min) is an alert, once per silence: the next event of the sensor ends the silence. Safe on several
 * instances at once: the alert is keyed by the sensor and the start of its silence.
 */
@Service
public class SilentSensorWatch {

  private static final int BATCH = 500;
  private static final DateTimeFormatter DETAIL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final DoorSensorRegistry sensors;
  private final OrderStore orders;
  private final AlertBook alerts;
  private final TransactionTemplate transaction;
  private final Duration silentAfter;
  private final Clock clock;

  SilentSensorWatch(DoorSensorRegistry sensors, OrderStore orders, AlertBook alerts, TransactionTemplate transaction,
      DoorSensorProperties properties, Clock clock) {
    this.sensors = sensors;
    this.orders = orders;
    this.alerts = alerts;
    this.transaction = transaction;
    this.silentAfter = properties.silentAfter();
    this.clock = clock;
  }

  @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
  void everyMinute() {
    check(clock.instant());
  }

  /** Raises the alerts due at {@code now}; returns how many were raised. */
  public int check(Instant now) {
    int raised = 0;
    List<DoorSensorRegistry.BoundSensor> silent;
    int rounds = 0;
    do {
      silent = sensors.silentSince(now.minus(silentAfter), BATCH);
      for (DoorSensorRegistry.BoundSensor sensor : silent) {
        Boolean alerted = transaction.execute(status -> raise(sensor, now));
        raised += Boolean.TRUE.equals(alerted) ? 1 : 0;
      }
    } while (silent.size() == BATCH && ++rounds < 100);
    return raised;
  }

  private boolean raise(DoorSensorRegistry.BoundSensor sensor, Instant now) {
    // marked first: an event that arrived meanwhile wins and this silence is over
    if (!sensors.markSilentAlerted(sensor.deviceId(), sensor.lastSeenAt(), now)) {
      return false;
    }
    OffsetDateTime since = sensor.lastSeenAt() != null ? sensor.lastSeenAt() : sensor.boundAt();
    OrderStore.Row order = orders.find(sensor.orderId()).orElseThrow();
    String detail = "门磁 " + sensor.deviceId() + " 自 "
        + DETAIL_TIME.format(since.atZoneSameInstant(clock.getZone())) + " 起无信号";
    return alerts.raise(order, AlertKind.SENSOR_SILENT, sensor.deviceId() + "@silent@" + since.toInstant(), detail,
        now);
  }
}
