package org.epicommand.supervision;

/**
 * An unannounced visit: {@code PLANNED → IN_PROGRESS → DONE}. Only a visit that has started is
 * visible to the target unit (四不两直); a planned one exists for the inspection side only.
 */
public enum VisitState {
  PLANNED, IN_PROGRESS, DONE;

  public boolean isVisibleToUnit() {
    return this != PLANNED;
  }
}
