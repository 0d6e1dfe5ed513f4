package org.epicommand.quarantine.internal.doors;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.quarantine.internal.SiteBindings;
import org.epicommand.quarantine.internal.Order;
import org.epicommand.quarantine.internal.OrderStore;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.PageResult;
import org.epicommand.shared.Paging;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Binding door sensors to orders in the caller's jurisdiction; orders elsewhere answer 404. */
@Service
public class DoorSensors {

  /**
   * A sensor as the API shows it; {@code silent} while a silence alert is outstanding. {@code mqttPassword} (the
   * sensor's password at the built-in broker, user name = device id) is only in the answer that issued it.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DoorSensor(String deviceId, String orderId, String personName, OffsetDateTime boundAt,
      String boundBy, OffsetDateTime lastSeenAt, String lastEvent, boolean silent, String mqttPassword) {

    static DoorSensor of(DoorSensorRegistry.BoundSensor sensor) {
      return of(sensor, null);
    }

    static DoorSensor of(DoorSensorRegistry.BoundSensor sensor, String mqttPassword) {
      return new DoorSensor(sensor.deviceId(), sensor.orderId().toString(), sensor.personName(), sensor.boundAt(),
          sensor.boundBy(), sensor.lastSeenAt(), sensor.lastEvent(), sensor.silentAlertedAt() != null, mqttPassword);
    }
  }

  private final DoorSensorRegistry registry;
  private final DoorDeclarations declarations;
  private final OrderStore orders;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;
  private final DoorSensorCredentials credentials;

  DoorSensors(DoorSensorRegistry registry, DoorDeclarations declarations, OrderStore orders, CurrentUser currentUser,
      AuditTrail audit, Clock clock, DoorSensorCredentials credentials) {
    this.registry = registry;
    this.credentials = credentials;
    this.declarations = declarations;
    this.orders = orders;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Binds a device to an open order of the caller's jurisdiction: 400 on a bad device id, 404 for an order
   * outside it, 409 when the order has ended, already has a sensor, or the device serves another open order.
   */
  @Transactional
  public DoorSensor bind(String deviceId, UUID orderId) {
    List<FieldProblem> problems = new ArrayList<>();
    if (deviceId == null || deviceId.isBlank()) {
      problems.add(FieldProblem.of("deviceId", "required"));
    } else if (!DoorEventIntake.DEVICE_ID.matcher(deviceId).matches()) {
      problems.add(FieldProblem.of("deviceId", "quarantine.door.deviceId"));
    }
    if (orderId == null) {
      problems.add(FieldProblem.of("orderId", "required"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    UserContext user = currentUser.get();
    OrderStore.Row order = orders.lock(orderId, SiteBindings.reachOf(user)).orElseThrow(() ->
        new RecordNotFound("ORDER"));
    Order.of(order).requireOpen();
    registry.findByOrder(orderId).filter(existing -> !existing.deviceId().equals(deviceId)).ifPresent(existing -> {
      throw Conflict.duplicate("quarantine.door.orderHasSensor", existing.deviceId());
    });
    if (registry.findByOrder(orderId).isPresent()) {
      // bound already: nothing changes, and the password issued then stays the only one
      return DoorSensor.of(registry.find(deviceId).orElseThrow());
    }
    boolean bound;
    try {
      bound = registry.bind(deviceId, orderId, user.username(), clock.instant());
    } catch (DuplicateKeyException e) {
      bound = false;
    }
    if (!bound) {
      throw Conflict.of("quarantine.door.deviceInUse");
    }
    String password = credentials.issue(deviceId);
    audit.record(AuditAction.UPDATE, "QUARANTINE_ORDER", orderId.toString(), "door sensor " + deviceId + " bound");
    return DoorSensor.of(registry.find(deviceId).orElseThrow(), password);
  }

  /** A new MQTT password for a sensor of the caller's jurisdiction (the old one stops working); 404 if none. */
  @Transactional
  public DoorSensor issueCredential(String deviceId) {
    DoorSensorRegistry.BoundSensor sensor = registry.find(deviceId, SiteBindings.reachOf(currentUser.get()))
        .orElseThrow(() -> new RecordNotFound("DOOR_SENSOR"));
    OrderStore.Row order = orders.find(sensor.orderId()).orElseThrow();
    Order.of(order).requireOpen();
    String password = credentials.issue(deviceId);
    audit.record(AuditAction.UPDATE, "QUARANTINE_ORDER", sensor.orderId().toString(),
        "door sensor " + deviceId + " password issued");
    return DoorSensor.of(sensor, password);
  }

  public PageResult<DoorSensor> list(UUID orderId, Paging paging) {
    return paging.toResult(registry.list(SiteBindings.reachOf(currentUser.get()), orderId, paging.offset(),
        paging.fetchSize())
        .stream().map(DoorSensor::of).toList(), null);
  }

  /** Unbinds a device of the caller's jurisdiction; 404 when there is none. */
  @Transactional
  public void unbind(String deviceId) {
    DoorSensorRegistry.BoundSensor sensor = registry.find(deviceId, SiteBindings.reachOf(currentUser.get()))
        .orElseThrow(() -> new RecordNotFound("DOOR_SENSOR"));
    registry.unbind(deviceId);
    audit.record(AuditAction.UPDATE, "QUARANTINE_ORDER", sensor.orderId().toString(),
        "door sensor " + deviceId + " unbound");
  }

  /** Staff declare an opening for a resident of their jurisdiction (404 outside it). */
  @Transactional
  public DoorDeclarations.Declaration declare(UUID orderId, java.time.Instant from, Integer minutes) {
    UserContext user = currentUser.get();
    orders.find(orderId, SiteBindings.reachOf(user)).orElseThrow(() -> new RecordNotFound("ORDER"));
    if (minutes == null) {
      throw new ValidationFailure(FieldProblem.of("minutes", "required"));
    }
    DoorDeclarations.Declaration declaration = declarations.declare(orderId, from, minutes, user.username());
    audit.record(AuditAction.UPDATE, "QUARANTINE_ORDER", orderId.toString(),
        "door opening declared " + declaration.from() + " – " + declaration.until());
    return declaration;
  }
}
