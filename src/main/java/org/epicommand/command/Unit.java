package org.epicommand.command;

import java.time.LocalDate;

/**
 * A unit of the command organisation; {@code reporting} units file daily reports. A unit with a
 * {@code retiredOn} day gets no new work from that day on and stays readable with its history.
 */
public record Unit(String code, String name, UnitKind kind, String jurisdictionCode, boolean reporting,
    int sortOrder, LocalDate retiredOn) {

  /** True when the unit still takes new work on {@code day}. */
  public boolean activeOn(LocalDate day) {
    return retiredOn == null || day.isBefore(retiredOn);
  }

  public UnitState state(LocalDate day) {
    return activeOn(day) ? UnitState.ACTIVE : UnitState.RETIRED;
  }
}
