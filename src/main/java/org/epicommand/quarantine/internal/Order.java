package org.epicommand.quarantine.internal;

import java.util.UUID;
import org.epicommand.quarantine.OrderState;
import org.epicommand.quarantine.Regime;
import org.epicommand.shared.Conflict;

/**
 * The quarantine order aggregate: its state and the guarded moves of its lifecycle
 * (PENDING_TRANSFER → ACTIVE → RELEASED, or from either open state to BECAME_CASE /
 * TRANSFERRED_OUT). Every illegal move is a {@link Conflict} naming the current state (409). The
 * services load it (locked), call the move and store the state it decides.
 */
public final class Order {

  private final OrderStore.Row row;
  private OrderState state;

  private Order(OrderStore.Row row) {
    this.row = row;
    this.state = row.state();
  }

  /** The aggregate of a filed order row. */
  public static Order of(OrderStore.Row row) {
    return new Order(row);
  }

  /** The state a new order starts in: awaiting transfer when its first phase is centralized. */
  public static OrderState opening(Regime firstPhase) {
    return firstPhase == Regime.CENTRALIZED ? OrderState.PENDING_TRANSFER : OrderState.ACTIVE;
  }

  /** Only BECAME_CASE and TRANSFERRED_OUT end an order by hand (a release follows its own rule). */
  public static boolean endsByHand(OrderState outcome) {
    return outcome == OrderState.BECAME_CASE || outcome == OrderState.TRANSFERRED_OUT;
  }

  /** Work on the order (results, sensors, recomputing, check-in) needs it open. */
  public Order requireOpen() {
    if (!state.open()) {
      throw Conflict.illegalTransition("quarantine.order.notOpen", state);
    }
    return this;
  }

  /**
   * Checked in to a room: PENDING_TRANSFER → ACTIVE (an active order stays active). Returns whether
   * the state changed.
   */
  public boolean checkIn() {
    requireOpen();
    if (row.roomStayId() != null) {
      throw Conflict.of("quarantine.checkIn.alreadyPlaced");
    }
    if (state == OrderState.PENDING_TRANSFER) {
      state = OrderState.ACTIVE;
      return true;
    }
    return false;
  }

  /** Released from the site: the person must be in a room of it. */
  public void requireAtSite() {
    requireOpen();
    if (row.roomStayId() == null) {
      throw Conflict.of("quarantine.siteRelease.notAtSite");
    }
  }

  /** ACTIVE → RELEASED by hand; the release rule itself (period, last test) is checked beside it. */
  public void requireReleasable() {
    requireOpen();
    if (state != OrderState.ACTIVE) {
      throw Conflict.illegalTransition("quarantine.release.state", state);
    }
  }

  /** Open → an ended state (RELEASED, BECAME_CASE or TRANSFERRED_OUT). */
  public void end(OrderState outcome) {
    requireOpen();
    if (outcome == null || outcome.open()) {
      throw new IllegalArgumentException("not an ended state: " + outcome);
    }
    state = outcome;
  }

  /** A release notice exists only for a released order. */
  public void requireReleased() {
    if (state != OrderState.RELEASED) {
      throw Conflict.illegalTransition("quarantine.notice.notReleased", state);
    }
  }

  public UUID id() {
    return row.id();
  }

  public OrderState state() {
    return state;
  }

  /** The row as it was loaded (its state is the state before any move). */
  public OrderStore.Row row() {
    return row;
  }
}
