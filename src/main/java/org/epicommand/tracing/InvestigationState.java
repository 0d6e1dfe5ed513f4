package org.epicommand.tracing;

/** The life of an investigation (docs/domain.md §5): each state has exactly one next state. */
public enum InvestigationState {
  /** Assigned to an investigator (or waiting for one); core information due 4 h after the case report. */
  ASSIGNED,
  /** Core information done (who, where, first contacts); full report due 24 h after the case report. */
  CORE_DONE,
  /** Full report done, waiting for review. */
  COMPLETE,
  REVIEWED;

  /** The state a move to {@code target} is allowed from. */
  public boolean canMoveTo(InvestigationState target) {
    return target.ordinal() == ordinal() + 1;
  }
}
