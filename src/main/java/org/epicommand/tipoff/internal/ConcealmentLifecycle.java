package org.epicommand.tipoff.internal;

import org.epicommand.shared.Conflict;
import org.epicommand.tipoff.ConcealmentState;

/**
 * The moves of a concealment case: OPEN → REFERRED → DECIDED → CLOSED, and OPEN → CLOSED (not referred, with the
 * reason). Evidence files may be added until the authority decides. Any other move is a 409 naming the state.
 */
public final class ConcealmentLifecycle {

  private ConcealmentState state;

  public ConcealmentLifecycle(ConcealmentState state) {
    this.state = state;
  }

  public ConcealmentState state() {
    return state;
  }

  public void refer() {
    require(state == ConcealmentState.OPEN);
    state = ConcealmentState.REFERRED;
  }

  public void decide() {
    require(state == ConcealmentState.REFERRED);
    state = ConcealmentState.DECIDED;
  }

  /** Closes a decided case, or an open one that is not referred ({@code reasoned}: a reason is given). */
  public void close(boolean reasoned) {
    require(state == ConcealmentState.DECIDED || state == ConcealmentState.OPEN && reasoned);
    state = ConcealmentState.CLOSED;
  }

  /** Whether a case open without referral needs a reason to close. */
  public boolean closingNeedsReason() {
    return state == ConcealmentState.OPEN;
  }

  public void requireEvidenceOpen() {
    require(state == ConcealmentState.OPEN || state == ConcealmentState.REFERRED);
  }

  private void require(boolean allowed) {
    if (!allowed) {
      throw Conflict.illegalTransition("concealment.state", state);
    }
  }
}
