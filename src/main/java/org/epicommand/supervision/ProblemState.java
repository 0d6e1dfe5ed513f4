package org.epicommand.supervision;

/**
 * The lifecycle of a problem item (docs/domain.md §15): {@code FOUND → ASSIGNED → RECTIFYING →
 * EVIDENCE_SUBMITTED → VERIFIED → CLOSED}; rejected evidence sends it back to {@code RECTIFYING}
 * (the rejection is kept in the history and counted); fixed on the spot (立行立改) goes from
 * {@code FOUND} straight to {@code CLOSED}, with evidence.
 */
public enum ProblemState {
  FOUND, ASSIGNED, RECTIFYING, EVIDENCE_SUBMITTED, VERIFIED, CLOSED;

  /** Rectified and checked: no longer counts as open, can no longer be overdue. */
  public boolean isSettled() {
    return this == VERIFIED || this == CLOSED;
  }
}
