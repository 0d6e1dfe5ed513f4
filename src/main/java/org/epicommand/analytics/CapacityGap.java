package org.epicommand.analytics;

import java.time.LocalDate;

/**
 * Beds and quarantine rooms against the SEIR projection for the caller's area: the projected peak (rounded up)
 * minus those ACTIVE minus the standby ones activatable within the projection's horizon. A positive gap is
 * what is missing; the day it opens is the first projected day the need exceeds what is ready by then. Beside it,
 * the beds now: {@code occupiedBeds} of the active beds ({@code occupancyPercent}), and of them the ICU beds.
 */
public record CapacityGap(String areaName, int days, double r, long peakBeds, int activeBeds, int activatableBeds,
    long bedGap, LocalDate bedGapOpensOn, long peakRooms, int activeRooms, int activatableRooms, long roomGap,
    LocalDate roomGapOpensOn, int occupiedBeds, int occupancyPercent, int icuBeds, int icuOccupied) {

  /** Where a module that keeps beds and rooms hands the gap to the situation report. */
  public interface Source {

    /** The gap for the caller's area under the default projection; null when it cannot be projected. */
    CapacityGap capacityGap();
  }
}
