package org.epicommand.quarantine.internal.doors;

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

  /** A sensor as the API shows it; {@code silent} while a silence alert is outstanding. */
  public record DoorSensor(String deviceId, String orderId, String personName, OffsetDateTime boundAt,
      String boundBy, OffsetDateTime lastSeenAt, String lastEvent, boolean silent) {

    static DoorSensor of(DoorSensorRegistry.BoundSensor sensor) {
      return new DoorSensor(sensor.deviceId(), sensor.orderId().toString(), sensor.personName(), sensor.boundAt(),
          sensor.boundBy(), sensor.lastSeenAt(), sensor.lastEvent(), sensor.silentAlertedAt() != null);
    }
  }

  private final DoorSensorRegistry registry;
  private final DoorDeclarations declarations;
  private final OrderStore orders;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final Clock clock;

  DoorSensors(DoorSensorRegistry registry, DoorDeclarations declarations, OrderStore orders, CurrentUser currentUser,
      AuditTrail audit, Clock clock) {
    this.registry = registry;
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
    OrderStore.Row order = orders.lock(orderId, SiteBindings.reachOf(user)).orElseThrow(() -> new RecordNotFound("ORDER"));
    if (!order.state().open()) {
      throw Conflict.illegalTransition("quarantine.order.notOpen", order.state());
    }
    registry.findByOrder(orderId).filter(existing -> !existing.deviceId().equals(deviceId)).ifPresent(existing -> {
      throw Conflict.duplicate("quarantine.door.orderHasSensor", existing.deviceId());
    });
    boolean bound;
    try {
      bound = registry.findByOrder(orderId).isPresent() || registry.bind(deviceId, orderId, user.username(),
          clock.instant());
    } catch (DuplicateKeyException e) {
      bound = false;
    }
    if (!bound) {
      throw Conflict.of("quarantine.door.deviceInUse");
    }
    audit.record(AuditAction.UPDATE, "QUARANTINE_ORDER", orderId.toString(), "door sensor " + deviceId + " bound");
    return DoorSensor.of(registry.find(deviceId).orElseThrow());
  }

  public PageResult<DoorSensor> list(UUID orderId, Paging paging) {
    return paging.toResult(registry.list(SiteBindings.reachOf(currentUser.get()), orderId, paging.offset(), paging.fetchSize())
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
