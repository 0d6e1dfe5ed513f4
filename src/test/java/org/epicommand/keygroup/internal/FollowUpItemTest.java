package org.epicommand.keygroup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.epicommand.keygroup.FollowUpState;
import org.epicommand.shared.Conflict;
import org.junit.jupiter.api.Test;

/** The follow-up's lifecycle: the one path to CLOSED, and every illegal move refused naming the current state. */
class FollowUpItemTest {

  static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");

  @Test
  void closesOnlyAfterTheSiteIsClosedDisinfectedAndResampledNegative() {
    FollowUpItem item = FollowUpItem.open(UUID.randomUUID());
    item.closeSite(T0);
    item.disinfected(7, T0.plus(Duration.ofHours(3)));
    assertThat(item.state()).isEqualTo(FollowUpState.DISINFECTED);
    assertThat(item.tracedPersons()).isEqualTo(7);
    item.close(T0.plus(Duration.ofHours(30)), T0.plus(Duration.ofHours(40)));
    assertThat(item.state()).isEqualTo(FollowUpState.CLOSED);
    assertThat(item.closedAt()).isEqualTo(T0.plus(Duration.ofHours(40)));
  }

  @Test
  void illegalMovesNameTheCurrentState() {
    FollowUpItem item = FollowUpItem.open(UUID.randomUUID());
    assertRefused(() -> item.disinfected(1, T0), "OPEN");
    assertRefused(() -> item.close(T0, T0), "OPEN");
    item.closeSite(T0);
    assertRefused(() -> item.closeSite(T0), "SITE_CLOSED");
    assertRefused(() -> item.disinfected(null, T0), "SITE_CLOSED");
    assertRefused(() -> item.disinfected(-1, T0), "SITE_CLOSED");
    item.disinfected(0, T0.plus(Duration.ofHours(2)));
    // no re-sample, or one collected before the disinfection, does not close it
    assertRefused(() -> item.close(null, T0), "DISINFECTED");
    assertRefused(() -> item.close(T0.plus(Duration.ofHours(1)), T0), "DISINFECTED");
    item.close(T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(5)));
    assertRefused(() -> item.close(T0.plus(Duration.ofHours(6)), T0), "CLOSED");
    assertRefused(() -> item.closeSite(T0), "CLOSED");
  }

  private static void assertRefused(Runnable move, String state) {
    assertThatThrownBy(move::run).isInstanceOf(Conflict.class)
        .satisfies(e -> assertThat(((Conflict) e).currentState()).isEqualTo(state));
  }
}
