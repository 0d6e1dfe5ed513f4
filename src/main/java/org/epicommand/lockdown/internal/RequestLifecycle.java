package org.epicommand.lockdown.internal;

import org.epicommand.lockdown.ServiceRequest.State;
import org.epicommand.shared.Conflict;

/**
 * A household service request's lifecycle: REQUESTED → ASSIGNED → DELIVERED | REFERRED; REQUESTED or
 * ASSIGNED → CANCELLED. Every illegal move is a {@link Conflict} naming the current state (409).
 */
public final class RequestLifecycle {

  private State state;

  public RequestLifecycle(State state) {
    this.state = state;
  }

  public State state() {
    return state;
  }

  /** REQUESTED → ASSIGNED (a new assignee may take over an ASSIGNED one). */
  public void assign() {
    if (state != State.REQUESTED && state != State.ASSIGNED) {
      throw Conflict.illegalTransition("lockdown.requestState", state);
    }
    state = State.ASSIGNED;
  }

  /** ASSIGNED → DELIVERED or REFERRED (a medical need goes to the medical treatment group). */
  public void complete(State outcome) {
    if (outcome != State.DELIVERED && outcome != State.REFERRED) {
      throw new IllegalArgumentException("not an outcome: " + outcome);
    }
    if (state != State.ASSIGNED) {
      throw Conflict.illegalTransition("lockdown.requestState", state);
    }
    state = outcome;
  }

  /** REQUESTED or ASSIGNED → CANCELLED (also when the area is lifted: 解封). */
  public void cancel() {
    if (!open()) {
      throw Conflict.illegalTransition("lockdown.requestState", state);
    }
    state = State.CANCELLED;
  }

  public boolean open() {
    return state == State.REQUESTED || state == State.ASSIGNED;
  }
}
