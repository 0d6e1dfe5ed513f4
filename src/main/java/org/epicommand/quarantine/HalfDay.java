package org.epicommand.quarantine;

import java.time.LocalTime;

/** The two health checks of a day: morning (until noon) and afternoon. */
public enum HalfDay {
  AM, PM;

  public static HalfDay at(LocalTime time) {
    return time.isBefore(LocalTime.NOON) ? AM : PM;
  }
}
