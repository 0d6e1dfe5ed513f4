package org.epicommand.supplies;

import java.util.EnumSet;
import java.util.Set;

/**
 * A supply request's lifecycle: {@code DRAFT → SUBMITTED → APPROVED | PARTIALLY_APPROVED | REJECTED}; a request
 * whose approved value is above the second-approval value goes {@code SUBMITTED → PENDING_SECOND_APPROVAL →
 * APPROVED | PARTIALLY_APPROVED | REJECTED};
 * {@code APPROVED | PARTIALLY_APPROVED → ALLOCATED → DISPATCHED → RECEIVED | RECEIVED_WITH_DISCREPANCY →
 * CLOSED}, {@code DRAFT | SUBMITTED → CANCELLED}. Every other move is refused (409 naming the state).
 */
public enum RequestState {
  DRAFT, SUBMITTED, PENDING_SECOND_APPROVAL, APPROVED, PARTIALLY_APPROVED, REJECTED, ALLOCATED, DISPATCHED, RECEIVED,
  RECEIVED_WITH_DISCREPANCY, CLOSED, CANCELLED;

  /** The steps of the lifecycle, each with the states it may start from. */
  public enum Step {
    SUBMIT(EnumSet.of(DRAFT)),
    APPROVE(EnumSet.of(SUBMITTED)),
    SECOND_APPROVE(EnumSet.of(PENDING_SECOND_APPROVAL)),
    REJECT(EnumSet.of(SUBMITTED, PENDING_SECOND_APPROVAL)),
    ALLOCATE(EnumSet.of(APPROVED, PARTIALLY_APPROVED)),
    DISPATCH(EnumSet.of(ALLOCATED)),
    RECEIVE(EnumSet.of(DISPATCHED)),
    CLOSE(EnumSet.of(RECEIVED, RECEIVED_WITH_DISCREPANCY)),
    CANCEL(EnumSet.of(DRAFT, SUBMITTED));

    private final Set<RequestState> from;

    Step(Set<RequestState> from) {
      this.from = from;
    }

    public boolean allowedFrom(RequestState state) {
      return from.contains(state);
    }

    /** The states this step starts from (the guard of its SQL update). */
    public Set<RequestState> from() {
      return from;
    }
  }

  /** Waiting for a decision on its approval (its approval deadline runs). */
  public boolean awaitingApproval() {
    return this == SUBMITTED || this == PENDING_SECOND_APPROVAL;
  }

  /** Still waiting for the supplies group or on its way (counts as open on the board). */
  public boolean open() {
    return this != REJECTED && this != CLOSED && this != CANCELLED && this != DRAFT;
  }
}
