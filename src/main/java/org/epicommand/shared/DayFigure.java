package org.epicommand.shared;

import java.time.LocalDate;

/**
 * A figure the platform itself knows for a division and a day (new positives, close contacts traced,
 * persons under quarantine, persons tested), declared by the module that keeps the records as a bean.
 * A daily report's field with the same {@link #key()} is filled in with it, so that a unit starts from
 * the platform's own figures and corrects them where it knows better (docs/domain.md §14).
 */
public interface DayFigure {

  /** The daily-report field it fills, e.g. {@code newCases}. */
  String key();

  /**
   * The figure inside the division {@code jurisdictionCode} (all of it) on {@code day} in the city's
   * zone: a count, no personal data. 0 for an unknown division.
   */
  long of(String jurisdictionCode, LocalDate day);
}
