package org.epicommand.tracing;

/** How a case travelled (docs/domain.md §5: plane — same row ± 3 rows; sealed train — carriage; coach — everyone). */
public enum TransportMode {
  NONE, WALK, CAR, TAXI, BUS, METRO, COACH, TRAIN, PLANE, SHIP, OTHER
}
