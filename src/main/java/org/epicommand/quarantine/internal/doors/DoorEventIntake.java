package org.epicommand.quarantine.internal.doors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.epicommand.quarantine.AlertKind;
import org.epicommand.quarantine.internal.OrderStore;
import org.epicommand.quarantine.internal.AlertBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One message from a door sensor: checked, stored, and turned into an alert when it is an undeclared opening.
 * Whatever arrives, nothing is thrown: bad messages are logged and counted by reason
 * ({@code epicommand.doors.rejected}), good ones by event ({@code epicommand.doors.accepted}).
 */
@Service
public class DoorEventIntake {

  /** Why a message was not taken. */
  public enum Rejection {
    BAD_TOPIC, OVERSIZED, NOT_JSON, UNKNOWN_EVENT, BAD_INSTANT, UNKNOWN_DEVICE, ORDER_ENDED, ERROR;

    String tag() {
      return name().toLowerCase().replace('_', '-');
    }
  }

  /** What became of a message: accepted (with whether it raised an alert) or rejected. */
  public record Outcome(Rejection rejection, boolean alerted) {
    static final Outcome STORED = new Outcome(null, false);
    static final Outcome ALERTED = new Outcome(null, true);

    public boolean accepted() {
      return rejection == null;
    }
  }

  static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
  /** A sensor's clock may be off a little; an event further ahead, or older than a week, is not believed. */
  static final Duration FUTURE_SKEW = Duration.ofMinutes(10);
  static final Duration MAX_AGE = Duration.ofDays(7);

  private static final Logger log = LoggerFactory.getLogger(DoorEventIntake.class);
  private static final DateTimeFormatter DETAIL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final DoorSensorRegistry sensors;
  private final DoorEventLog events;
  private final DoorDeclarations declarations;
  private final OrderStore orders;
  private final AlertBook alerts;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final DoorSensorProperties properties;
  private final MeterRegistry meters;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final JsonMapper json = JsonMapper.builder().build();

  DoorEventIntake(DoorSensorRegistry sensors, DoorEventLog events, DoorDeclarations declarations, OrderStore orders,
      AlertBook alerts, TransactionTemplate transaction, Clock clock, DoorSensorProperties properties,
      MeterRegistry meters) {
    this.sensors = sensors;
    this.events = events;
    this.declarations = declarations;
    this.orders = orders;
    this.alerts = alerts;
    this.transaction = transaction;
    this.clock = clock;
    this.properties = properties;
    this.meters = meters;
    for (Rejection reason : Rejection.values()) {
      counter("epicommand.doors.rejected", "reason", reason.tag());
    }
    for (DoorEvent event : DoorEvent.values()) {
      counter("epicommand.doors.accepted", "event", event.name());
    }
  }

  /** Takes one MQTT message; the device id is the topic's last level. */
  public Outcome accept(String topic, byte[] payload) {
    String deviceId = topic == null ? "" : topic.substring(topic.lastIndexOf('/') + 1);
    try {
      return take(deviceId, payload);
    } catch (RuntimeException e) {
      log.error("Door event from {} failed", printable(deviceId), e);
      return reject(Rejection.ERROR, deviceId, e.toString());
    }
  }

  private Outcome take(String deviceId, byte[] payload) {
    if (!DEVICE_ID.matcher(deviceId).matches()) {
      return reject(Rejection.BAD_TOPIC, deviceId, "device id");
    }
    if (payload == null || payload.length > properties.maxPayloadBytes()) {
      return reject(Rejection.OVERSIZED, deviceId, (payload == null ? 0 : payload.length) + " bytes");
    }
    JsonNode message;
    try {
      message = json.readTree(payload);
    } catch (JacksonException e) {
      return reject(Rejection.NOT_JSON, deviceId, e.getOriginalMessage());
    }
    if (message == null || !message.isObject()) {
      return reject(Rejection.NOT_JSON, deviceId, "not an object");
    }
    DoorEvent event = parseEvent(message.get("event"));
    if (event == null) {
      return reject(Rejection.UNKNOWN_EVENT, deviceId, String.valueOf(message.get("event")));
    }
    Instant now = clock.instant();
    Instant at = parseInstant(message.get("at"));
    if (at == null || at.isAfter(now.plus(FUTURE_SKEW)) || at.isBefore(now.minus(MAX_AGE))) {
      return reject(Rejection.BAD_INSTANT, deviceId, String.valueOf(message.get("at")));
    }
    Outcome outcome = transaction.execute(status -> store(deviceId, event, at, now));
    if (outcome.accepted()) {
      counter("epicommand.doors.accepted", "event", event.name()).increment();
    } else {
      reject(outcome.rejection(), deviceId, event + " at " + at);
    }
    return outcome;
  }

  private Outcome store(String deviceId, DoorEvent event, Instant at, Instant now) {
    DoorSensorRegistry.BoundSensor sensor = sensors.find(deviceId).orElse(null);
    if (sensor == null) {
      return new Outcome(Rejection.UNKNOWN_DEVICE, false);
    }
    if (!sensor.orderOpen()) {
      return new Outcome(Rejection.ORDER_ENDED, false);
    }
    events.append(deviceId, sensor.orderId(), event, at, now);
    sensors.seen(deviceId, event.name(), at);
    if (event != DoorEvent.OPEN || declarations.covers(sensor.orderId(), at)) {
      return Outcome.STORED;
    }
    OrderStore.Row order = orders.find(sensor.orderId()).orElseThrow();
    String detail = "门磁 " + deviceId + " 于 " + DETAIL_TIME.format(at.atZone(clock.getZone())) + " 开门，未报备";
    alerts.raise(order, AlertKind.DOOR_OPENED, deviceId + "@" + at, detail, at);
    return Outcome.ALERTED;
  }

  private static DoorEvent parseEvent(JsonNode node) {
    if (node == null || !node.isString()) {
      return null;
    }
    try {
      return DoorEvent.valueOf(node.asString());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Instant parseInstant(JsonNode node) {
    if (node == null || !node.isString()) {
      return null;
    }
    try {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(node.asString(), Instant::from);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private Outcome reject(Rejection reason, String deviceId, String why) {
    counter("epicommand.doors.rejected", "reason", reason.tag()).increment();
    log.warn("Door event rejected ({}) from {}: {}", reason.tag(), printable(deviceId), printable(why));
    return new Outcome(reason, false);
  }

  private Counter counter(String name, String tag, String value) {
    return counters.computeIfAbsent(name + "|" + value,
        key -> Counter.builder(name).tag(tag, value).description("Door sensor messages").register(meters));
  }

  /** Log lines never carry a device's raw bytes (no line breaks, no control characters, bounded). */
  private static String printable(String text) {
    if (text == null) {
      return "";
    }
    String cut = text.length() > 80 ? text.substring(0, 80) + "…" : text;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}
