package org.epicommand.supplies.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.epicommand.shared.Conflict;
import org.epicommand.supplies.DispatchState;
import org.junit.jupiter.api.Test;

/** The dispatch state machine without the application: PLANNED → DEPARTED → DELIVERED, nothing else. */
class DispatchTest {

  static final OffsetDateTime NOW = OffsetDateTime.parse("2022-11-10T02:00:00Z");
  static final Dispatch.Vehicle VAN = new Dispatch.Vehicle("浙A12345", "李师傅", "13900139000", "GC-20221110-000001");
  static final Dispatch.Vehicle TRUCK = new Dispatch.Vehicle("浙A54321", "王师傅", "13900139001", "GC-20221110-000002");

  @Test
  void aPlannedDispatchIsReplannedDepartsAndIsDelivered() {
    Dispatch dispatch = Dispatch.plan("CITY-01", VAN, NOW.plusHours(3), null);
    assertThat(dispatch.state()).isEqualTo(DispatchState.PLANNED);
    assertThat(dispatch.departedAt()).isNull();
    dispatch.replan(TRUCK, NOW.plusHours(5), NOW.plusHours(9));
    assertThat(dispatch.vehicle()).isEqualTo(TRUCK);
    assertThat(dispatch.plannedAt()).isEqualTo(NOW.plusHours(5));
    dispatch.depart(NOW.plusHours(5));
    assertThat(dispatch.state()).isEqualTo(DispatchState.DEPARTED);
    assertThat(dispatch.departedAt()).isEqualTo(NOW.plusHours(5));
    dispatch.deliver("district", NOW.plusHours(8), "破损10只");
    assertThat(dispatch.state()).isEqualTo(DispatchState.DELIVERED);
    assertThat(dispatch.receivedBy()).isEqualTo("district");
    assertThat(dispatch.discrepancyNote()).isEqualTo("破损10只");
  }

  @Test
  void everyIllegalMoveNamesTheCurrentState() {
    Dispatch planned = Dispatch.plan("CITY-01", VAN, NOW, null);
    assertThatThrownBy(() -> planned.deliver("district", NOW, null)).isInstanceOfSatisfying(Conflict.class,
        c -> assertThat(c.currentState()).isEqualTo("PLANNED"));
    planned.depart(NOW);
    assertThatThrownBy(() -> planned.depart(NOW)).isInstanceOfSatisfying(Conflict.class,
        c -> assertThat(c.currentState()).isEqualTo("DEPARTED"));
    assertThatThrownBy(() -> planned.replan(TRUCK, NOW, null)).isInstanceOfSatisfying(Conflict.class,
        c -> assertThat(c.currentState()).isEqualTo("DEPARTED"));
    assertThat(planned.vehicle()).as("a refused move changes nothing").isEqualTo(VAN);
    planned.deliver("district", NOW, null);
    for (Runnable move : new Runnable[] {() -> planned.depart(NOW), () -> planned.deliver("x", NOW, null),
        () -> planned.replan(TRUCK, NOW, null)}) {
      assertThatThrownBy(move::run).isInstanceOfSatisfying(Conflict.class,
          c -> assertThat(c.currentState()).isEqualTo("DELIVERED"));
    }
  }
}
