package org.epicommand.labtest;

/** A tube's lifecycle: {@code COLLECTED → IN_TRANSIT → RECEIVED → RESULTED}. */
public enum TubeState {
  COLLECTED, IN_TRANSIT, RECEIVED, RESULTED;

  /** Whether a result may land on a tube in this state (any state before RESULTED). */
  public boolean acceptsResult() {
    return this != RESULTED;
  }
}
