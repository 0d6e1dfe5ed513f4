package org.epicommand.lockdown.internal;

import org.epicommand.lockdown.SealedArea.State;
import org.epicommand.shared.Conflict;

/**
 * The sealed area aggregate's lifecycle: DECLARED → ACTIVE → LIFTED, DECLARED → CANCELLED. Every
 * illegal move is a {@link Conflict} naming the current state (409); so is new work on an area that
 * no longer (or not yet) takes it.
 */
public final class AreaLifecycle {

  private State state;

  public AreaLifecycle(State state) {
    this.state = state;
  }

  public State state() {
    return state;
  }

  /** DECLARED → ACTIVE: the area is sealed now. */
  public void activate() {
    require(State.DECLARED);
    state = State.ACTIVE;
  }

  /** ACTIVE → LIFTED (解封). */
  public void lift() {
    require(State.ACTIVE);
    state = State.LIFTED;
  }

  /** DECLARED → CANCELLED: declared but never sealed. */
  public void cancel() {
    require(State.DECLARED);
    state = State.CANCELLED;
  }

  /** Posts and shifts are prepared before the area is sealed and kept while it is. */
  public void requirePreparing() {
    if (state != State.DECLARED && state != State.ACTIVE) {
      throw Conflict.illegalTransition("lockdown.areaState", state);
    }
  }

  /** Service requests and outing passes exist only while the area is sealed. */
  public void requireActive() {
    require(State.ACTIVE);
  }

  private void require(State expected) {
    if (state != expected) {
      throw Conflict.illegalTransition("lockdown.areaState", state);
    }
  }
}
