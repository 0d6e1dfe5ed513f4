package org.epicommand.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.epicommand.shared.Conflict;
import org.epicommand.support.DemoPlaces;
import org.epicommand.tracing.Contact;
import org.epicommand.tracing.ContactOutcome;
import org.epicommand.tracing.TrackingState;
import org.junit.jupiter.api.Test;

/** The contact's tracking state machine, without the application. */
class ContactTrackingTest {

  @Test
  void aContactIsLocatedThenPutUnderControl() {
    ContactTracking tracking = tracking(TrackingState.IDENTIFIED, null);
    tracking.moveTo(TrackingState.LOCATED);
    tracking.moveTo(TrackingState.UNDER_CONTROL);
    assertThat(tracking.state()).isEqualTo(TrackingState.UNDER_CONTROL);
    assertThat(tracking.contact().trackingState()).isEqualTo(TrackingState.IDENTIFIED);
  }

  @Test
  void aContactNotFoundMayStillBeLocated() {
    ContactTracking tracking = tracking(TrackingState.IDENTIFIED, null);
    tracking.moveTo(TrackingState.NOT_FOUND);
    tracking.moveTo(TrackingState.LOCATED);
    assertThat(tracking.state()).isEqualTo(TrackingState.LOCATED);
  }

  @Test
  void endStatesAndOutcomesRefuseEveryMove() {
    assertIllegal(() -> tracking(TrackingState.UNDER_CONTROL, null).moveTo(TrackingState.EXCLUDED), "UNDER_CONTROL");
    assertIllegal(() -> tracking(TrackingState.EXCLUDED, null).moveTo(TrackingState.LOCATED), "EXCLUDED");
    assertIllegal(() -> tracking(TrackingState.LOCATED, null).moveTo(TrackingState.NOT_FOUND), "LOCATED");
    assertIllegal(() -> tracking(TrackingState.IDENTIFIED, null).moveTo(TrackingState.IDENTIFIED), "IDENTIFIED");
    assertIllegal(() -> tracking(TrackingState.LOCATED, ContactOutcome.BECAME_CASE).moveTo(TrackingState.UNDER_CONTROL),
        "LOCATED");
  }

  @Test
  void theOrderOpeningPutsItUnderControlOnlyOnce() {
    ContactTracking tracking = tracking(TrackingState.IDENTIFIED, null);
    assertThat(tracking.underControl()).isTrue();
    assertThat(tracking.state()).isEqualTo(TrackingState.UNDER_CONTROL);
    assertThat(tracking.underControl()).isFalse();
    assertThat(tracking(TrackingState.LOCATED, ContactOutcome.RELEASED).underControl()).isFalse();
    assertThat(tracking(TrackingState.TRANSFERRED_OUT, null).underControl()).isFalse();
  }

  private static void assertIllegal(Runnable move, String current) {
    assertThatThrownBy(move::run).isInstanceOfSatisfying(Conflict.class, c -> {
      assertThat(c.code()).isEqualTo("tracing.contact.illegalMove");
      assertThat(c.currentState()).isEqualTo(current);
    });
  }

  private static ContactTracking tracking(TrackingState state, ContactOutcome outcome) {
    return ContactTracking.of(new Contact("c1", "case1", "p1", "李四", DemoPlaces.COMMUNITY, null, null, null, null, null,
        state, outcome, null, null, null, null, null, null));
  }
}
