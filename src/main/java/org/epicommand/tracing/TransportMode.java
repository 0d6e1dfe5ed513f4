package org.epicommand.tracing;

/** How a case travelled (DOMAIN.md §5: plane — same row ± 3 rows; sealed train — carriage; coach — everyone). */
public enum TransportMode {
  NONE, WALK, CAR, TAXI, BUS, METRO, COACH, TRAIN, PLANE, SHIP, OTHER
}
