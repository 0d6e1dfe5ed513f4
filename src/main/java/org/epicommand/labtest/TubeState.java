package org.epicommand.labtest;

/** A tube's lifecycle: {@code COLLECTED → IN_TRANSIT → RECEIVED → RESULTED} (a result may also land directly). */
public enum TubeState {
  COLLECTED, IN_TRANSIT, RECEIVED, RESULTED;

  /** Whether a result may land on a tube in this state (any state before RESULTED). */
  public boolean acceptsResult() {
    return this != RESULTED;
  }

  /** Whether a tube in this state may move to {@code next}. */
  public boolean canMoveTo(TubeState next) {
    return switch (next) {
      case IN_TRANSIT -> this == COLLECTED;
      case RECEIVED -> this == IN_TRANSIT;
      case RESULTED -> acceptsResult();
      case COLLECTED -> false;
    };
  }
}
