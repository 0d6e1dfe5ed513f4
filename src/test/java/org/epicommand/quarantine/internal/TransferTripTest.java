package org.epicommand.quarantine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.epicommand.quarantine.Trip;
import org.epicommand.quarantine.TripState;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.ValidationFailure;
import org.junit.jupiter.api.Test;

/** The transfer trip's state machine, without the application. */
class TransferTripTest {

  static final UUID PASSENGER = UUID.fromString("00000000-0000-0000-0000-000000000001");

  @Test
  void aTripGoesThroughEveryStepInOrder() {
    TransferTrip trip = trip(TripState.PLANNED);
    trip.advance(TripState.DISPATCHED);
    assertThat(trip.pickUp(List.of(PASSENGER))).containsExactly(PASSENGER);
    assertThat(trip.state()).isEqualTo(TripState.PICKED_UP);
    trip.advance(TripState.ARRIVED);
    trip.checkIn();
    assertThat(trip.state()).isEqualTo(TripState.CHECKED_IN);
    assertThat(trip.trip().state()).as("the loaded trip is left as it was").isEqualTo(TripState.PLANNED);
  }

  @Test
  void noStepIsSkippedAndNoneRepeated() {
    assertState(() -> trip(TripState.PLANNED).advance(TripState.ARRIVED), "PLANNED");
    assertState(() -> trip(TripState.DISPATCHED).advance(TripState.DISPATCHED), "DISPATCHED");
    assertState(() -> trip(TripState.PLANNED).pickUp(List.of()), "PLANNED");
    assertState(() -> trip(TripState.PICKED_UP).checkIn(), "PICKED_UP");
    assertState(() -> trip(TripState.CHECKED_IN).checkIn(), "CHECKED_IN");
    assertState(() -> trip(TripState.CHECKED_IN).advance(TripState.DISPATCHED), "CHECKED_IN");
  }

  @Test
  void pickUpAndCheckInHaveTheirOwnMoves() {
    assertState(() -> trip(TripState.DISPATCHED).advance(TripState.PICKED_UP), "DISPATCHED");
    assertState(() -> trip(TripState.ARRIVED).advance(TripState.CHECKED_IN), "ARRIVED");
  }

  @Test
  void onlyPassengersArePickedUp() {
    assertThat(trip(TripState.DISPATCHED).pickUp(null)).isEmpty();
    assertThatThrownBy(() -> trip(TripState.DISPATCHED).pickUp(List.of(UUID.randomUUID())))
        .isInstanceOf(ValidationFailure.class);
  }

  private static void assertState(Runnable move, String current) {
    assertThatThrownBy(move::run).isInstanceOfSatisfying(Conflict.class, c -> {
      assertThat(c.code()).isEqualTo("quarantine.trip.state");
      assertThat(c.currentState()).isEqualTo(current);
    });
  }

  private static TransferTrip trip(TripState state) {
    return TransferTrip.of(new Trip(UUID.randomUUID().toString(), "粤A12345", "王师傅", null,
        UUID.randomUUID().toString(), state, null, null, null, null, null,
        List.of(new Trip.Passenger(PASSENGER.toString(), "张三", false, null))));
  }
}
