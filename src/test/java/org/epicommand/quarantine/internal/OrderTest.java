package org.epicommand.quarantine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.epicommand.quarantine.OrderReason;
import org.epicommand.quarantine.OrderState;
import org.epicommand.quarantine.Regime;
import org.epicommand.shared.Conflict;
import org.epicommand.support.DemoPlaces;
import org.junit.jupiter.api.Test;

/** The quarantine order's state machine, without the application. */
class OrderTest {

  @Test
  void aCentralizedFirstPhaseWaitsForTransfer() {
    assertThat(Order.opening(Regime.CENTRALIZED)).isEqualTo(OrderState.PENDING_TRANSFER);
    assertThat(Order.opening(Regime.HOME_ISOLATION)).isEqualTo(OrderState.ACTIVE);
    assertThat(Order.opening(null)).isEqualTo(OrderState.ACTIVE);
  }

  @Test
  void checkInActivatesAnOrderAwaitingTransferOnce() {
    Order order = order(OrderState.PENDING_TRANSFER, null);
    assertThat(order.checkIn()).isTrue();
    assertThat(order.state()).isEqualTo(OrderState.ACTIVE);
    assertThat(order(OrderState.ACTIVE, null).checkIn()).isFalse();
    assertThatThrownBy(() -> order(OrderState.ACTIVE, UUID.randomUUID()).checkIn())
        .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.code())
            .isEqualTo("quarantine.checkIn.alreadyPlaced"));
    assertThatThrownBy(() -> order(OrderState.RELEASED, null).checkIn())
        .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.currentState()).isEqualTo("RELEASED"));
  }

  @Test
  void onlyAnActiveOrderIsReleasedByHand() {
    assertThatThrownBy(() -> order(OrderState.PENDING_TRANSFER, null).requireReleasable())
        .isInstanceOfSatisfying(Conflict.class, c -> {
          assertThat(c.code()).isEqualTo("quarantine.release.state");
          assertThat(c.currentState()).isEqualTo("PENDING_TRANSFER");
        });
    Order order = order(OrderState.ACTIVE, null);
    order.requireReleasable();
    order.end(OrderState.RELEASED);
    assertThat(order.state()).isEqualTo(OrderState.RELEASED);
    order.requireReleased();
    assertThatThrownBy(order::requireReleasable).isInstanceOfSatisfying(Conflict.class, c -> {
      assertThat(c.code()).isEqualTo("quarantine.order.notOpen");
      assertThat(c.currentState()).isEqualTo("RELEASED");
    });
  }

  @Test
  void anEndedOrderRefusesEveryMove() {
    Order order = order(OrderState.PENDING_TRANSFER, null);
    order.end(OrderState.BECAME_CASE);
    assertThatThrownBy(() -> order.end(OrderState.TRANSFERRED_OUT)).isInstanceOfSatisfying(Conflict.class,
        c -> assertThat(c.currentState()).isEqualTo("BECAME_CASE"));
    assertThatThrownBy(order::requireOpen).isInstanceOf(Conflict.class);
    assertThatThrownBy(order::requireAtSite).isInstanceOf(Conflict.class);
    assertThatThrownBy(order::requireReleased).isInstanceOfSatisfying(Conflict.class,
        c -> assertThat(c.code()).isEqualTo("quarantine.notice.notReleased"));
    assertThatThrownBy(() -> order(OrderState.ACTIVE, null).end(OrderState.ACTIVE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyBecomingACaseAndLeavingTheCityEndAnOrderByHand() {
    assertThat(Order.endsByHand(OrderState.BECAME_CASE)).isTrue();
    assertThat(Order.endsByHand(OrderState.TRANSFERRED_OUT)).isTrue();
    assertThat(Order.endsByHand(OrderState.RELEASED)).isFalse();
    assertThat(Order.endsByHand(null)).isFalse();
  }

  @Test
  void releaseFromTheSiteNeedsARoom() {
    assertThatThrownBy(() -> order(OrderState.ACTIVE, null).requireAtSite()).isInstanceOfSatisfying(Conflict.class,
        c -> assertThat(c.code()).isEqualTo("quarantine.siteRelease.notAtSite"));
    order(OrderState.ACTIVE, UUID.randomUUID()).requireAtSite();
  }

  private static Order order(OrderState state, UUID roomStayId) {
    return Order.of(new OrderStore.Row(UUID.randomUUID(), UUID.randomUUID(), "张三", null, DemoPlaces.COMMUNITY,
        "/990100/990101/990101001/990101001001/", OrderReason.CLOSE_CONTACT, LocalDate.of(2022, 11, 10), "R1",
        state, LocalDate.of(2022, 11, 17), "MANUAL", null, roomStayId == null ? null : UUID.randomUUID(), roomStayId,
        null));
  }
}
