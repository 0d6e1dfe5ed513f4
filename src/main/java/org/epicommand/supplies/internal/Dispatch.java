package org.epicommand.supplies.internal;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.epicommand.shared.Conflict;
import org.epicommand.supplies.DispatchState;

/**
 * The dispatch aggregate: {@code PLANNED → DEPARTED → DELIVERED}. A dispatch is planned with its vehicle,
 * driver, green pass and departure time (and may be planned again while PLANNED), departs, and is delivered
 * when the unit confirms receipt. Every other move is a {@link Conflict} naming the current state (409).
 */
public final class Dispatch {

  /** The vehicle of a dispatch and its green-channel pass. */
  public record Vehicle(String plate, String driver, String driverPhone, String greenPassNumber) {}

  private final UUID id;
  private final String warehouseCode;
  private Vehicle vehicle;
  private DispatchState state;
  private OffsetDateTime plannedAt;
  private OffsetDateTime departedAt;
  private OffsetDateTime expectedAt;
  private OffsetDateTime receivedAt;
  private String receivedBy;
  private String discrepancyNote;

  Dispatch(UUID id, String warehouseCode, Vehicle vehicle, DispatchState state, OffsetDateTime plannedAt,
      OffsetDateTime departedAt, OffsetDateTime expectedAt, OffsetDateTime receivedAt, String receivedBy,
      String discrepancyNote) {
    this.id = id;
    this.warehouseCode = warehouseCode;
    this.vehicle = vehicle;
    this.state = state;
    this.plannedAt = plannedAt;
    this.departedAt = departedAt;
    this.expectedAt = expectedAt;
    this.receivedAt = receivedAt;
    this.receivedBy = receivedBy;
    this.discrepancyNote = discrepancyNote;
  }

  /** A new dispatch from the warehouse, PLANNED with its vehicle to leave at {@code plannedAt}. */
  public static Dispatch plan(String warehouseCode, Vehicle vehicle, OffsetDateTime plannedAt,
      OffsetDateTime expectedAt) {
    return new Dispatch(UUID.randomUUID(), warehouseCode, vehicle, DispatchState.PLANNED, plannedAt, null, expectedAt,
        null, null, null);
  }

  /** PLANNED → PLANNED: another vehicle or time before it leaves. */
  public void replan(Vehicle newVehicle, OffsetDateTime newPlannedAt, OffsetDateTime newExpectedAt) {
    require(DispatchState.PLANNED);
    vehicle = newVehicle;
    plannedAt = newPlannedAt;
    expectedAt = newExpectedAt;
  }

  /** PLANNED → DEPARTED. */
  public void depart(OffsetDateTime at) {
    require(DispatchState.PLANNED);
    departedAt = at;
    state = DispatchState.DEPARTED;
  }

  /** DEPARTED → DELIVERED: the unit confirmed receipt, with a note when less arrived. */
  public void deliver(String by, OffsetDateTime at, String note) {
    require(DispatchState.DEPARTED);
    receivedBy = by;
    receivedAt = at;
    discrepancyNote = note;
    state = DispatchState.DELIVERED;
  }

  private void require(DispatchState from) {
    if (state != from) {
      throw Conflict.illegalTransition("supplies.dispatch.illegal", state);
    }
  }

  public UUID id() {
    return id;
  }

  public String warehouseCode() {
    return warehouseCode;
  }

  public Vehicle vehicle() {
    return vehicle;
  }

  public DispatchState state() {
    return state;
  }

  public OffsetDateTime plannedAt() {
    return plannedAt;
  }

  public OffsetDateTime departedAt() {
    return departedAt;
  }

  public OffsetDateTime expectedAt() {
    return expectedAt;
  }

  public OffsetDateTime receivedAt() {
    return receivedAt;
  }

  public String receivedBy() {
    return receivedBy;
  }

  public String discrepancyNote() {
    return discrepancyNote;
  }
}
