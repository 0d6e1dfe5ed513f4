package org.epicommand.support;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The test city's day. The platform counts days in the city's zone ({@code epicommand.zone}, Asia/Shanghai by
 * default); the machine running the tests may be in another, and from 16:00 UTC its date is already a day behind.
 */
public final class CityTime {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private CityTime() {}

  /** Today in the city. */
  public static LocalDate today() {
    return LocalDate.now(ZONE);
  }
}
