package org.epicommand.movement.internal;

import java.util.List;
import org.epicommand.movement.PushedItemState;
import org.epicommand.shared.Conflict;

/**
 * The pushed-list item aggregate (one pushed name): PUSHED → SIGNED → VERIFYING → an outcome
 * (LANDED, NOT_FOUND, TRANSFERRED_OUT, EXCLUDED) → FEEDBACK_SENT → AUDITED, as
 * {@link PushedItemState} allows. Every illegal move is a {@link Conflict} naming the current state
 * (409). The store's update stays guarded by the state the move started from, for races.
 */
public final class PushedName {

  private static final String ILLEGAL = "movement.pushed.illegalTransition";

  private final PushedItemState loaded;
  private PushedItemState state;

  private PushedName(PushedItemState state) {
    this.loaded = state;
    this.state = state;
  }

  public static PushedName in(PushedItemState state) {
    return new PushedName(state);
  }

  /** One step on; returns the state it left. */
  public PushedItemState moveTo(PushedItemState target) {
    PushedItemState from = state;
    if (!from.canMoveTo(target)) {
      throw Conflict.illegalTransition(ILLEGAL, from);
    }
    state = target;
    return from;
  }

  /**
   * The community worker's report in one go, from SIGNED or VERIFYING: the steps to take in order
   * (verifying when only signed, the outcome, the feedback), each to be stored as its own move.
   */
  public List<PushedItemState> report(PushedItemState outcome) {
    if (state == PushedItemState.SIGNED) {
      moveTo(PushedItemState.VERIFYING);
      moveTo(outcome);
      moveTo(PushedItemState.FEEDBACK_SENT);
      return List.of(PushedItemState.VERIFYING, outcome, PushedItemState.FEEDBACK_SENT);
    }
    if (state != PushedItemState.VERIFYING) {
      throw Conflict.illegalTransition(ILLEGAL, state);
    }
    moveTo(outcome);
    moveTo(PushedItemState.FEEDBACK_SENT);
    return List.of(outcome, PushedItemState.FEEDBACK_SENT);
  }

  /** Assigning or matching at a desk: only while the feedback is still owed. */
  public void requireAwaitingFeedback() {
    if (!state.awaitingFeedback()) {
      throw Conflict.illegalTransition(ILLEGAL, state);
    }
  }

  /** The answer when the guarded update found the item already moved on by someone else. */
  public Conflict raced() {
    return Conflict.illegalTransition(ILLEGAL, loaded);
  }

  public PushedItemState state() {
    return state;
  }
}
