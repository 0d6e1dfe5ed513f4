package org.epicommand.sentinel;

import org.epicommand.shared.Conflict;

/**
 * An inspection as recorded, or withdrawn by market regulation as recorded by mistake (once: 409 after that). A
 * recorded inspection's findings may be corrected in place; a withdrawn one's may not.
 */
public enum InspectionState {
  RECORDED, WITHDRAWN;

  /** RECORDED → WITHDRAWN; a {@link Conflict} naming the current state from any other. */
  public InspectionState withdraw() {
    if (this != RECORDED) {
      throw Conflict.illegalTransition("sentinel.inspectionState", this);
    }
    return WITHDRAWN;
  }

  /** A correction of the findings keeps the state (RECORDED); a {@link Conflict} naming the current state otherwise. */
  public InspectionState correct() {
    if (this != RECORDED) {
      throw Conflict.illegalTransition("sentinel.inspectionCorrectState", this);
    }
    return RECORDED;
  }
}
