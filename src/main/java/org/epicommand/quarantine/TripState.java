package org.epicommand.quarantine;

/** PLANNED → DISPATCHED → PICKED_UP → ARRIVED → CHECKED_IN (docs/domain.md §6), each with its time. */
public enum TripState {
  PLANNED, DISPATCHED, PICKED_UP, ARRIVED, CHECKED_IN;

  public TripState next() {
    return this == CHECKED_IN ? null : values()[ordinal() + 1];
  }
}
