package org.epicommand.quarantine.internal;

import java.util.List;
import java.util.UUID;
import org.epicommand.quarantine.Trip;
import org.epicommand.quarantine.TripState;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;

/**
 * The transfer trip aggregate: PLANNED → DISPATCHED → PICKED_UP → ARRIVED → CHECKED_IN, one step at
 * a time, each by its own move. Every illegal move is a {@link Conflict} naming the current state
 * (409). The service loads it locked, calls the move and stores the state with its time.
 */
public final class TransferTrip {

  private final Trip trip;
  private TripState state;

  private TransferTrip(Trip trip) {
    this.trip = trip;
    this.state = trip.state();
  }

  public static TransferTrip of(Trip trip) {
    return new TransferTrip(trip);
  }

  /** PLANNED → DISPATCHED or PICKED_UP → ARRIVED: the steps that carry nothing but their time. */
  public void advance(TripState target) {
    if (target != TripState.DISPATCHED && target != TripState.ARRIVED) {
      throw illegal();
    }
    step(target);
  }

  /**
   * DISPATCHED → PICKED_UP with the passengers actually picked up (the others stay awaiting
   * transfer); each must be a passenger of this trip.
   */
  public List<UUID> pickUp(List<UUID> pickedUp) {
    step(TripState.PICKED_UP);
    List<UUID> onBoard = pickedUp == null ? List.of() : pickedUp;
    for (UUID orderId : onBoard) {
      if (trip.passengers().stream().noneMatch(p -> p.orderId().equals(orderId.toString()))) {
        throw new ValidationFailure(FieldProblem.of("pickedUp", "quarantine.trip.notPassenger", orderId));
      }
    }
    return onBoard;
  }

  /** ARRIVED → CHECKED_IN at the destination site. */
  public void checkIn() {
    step(TripState.CHECKED_IN);
  }

  private void step(TripState target) {
    if (state.next() != target) {
      throw illegal();
    }
    state = target;
  }

  private Conflict illegal() {
    return Conflict.illegalTransition("quarantine.trip.state", state);
  }

  public TripState state() {
    return state;
  }

  /** The trip as loaded (its state is the state before any move). */
  public Trip trip() {
    return trip;
  }
}
