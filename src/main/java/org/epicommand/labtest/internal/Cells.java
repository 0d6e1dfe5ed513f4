package org.epicommand.labtest.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Parsing of import cells; {@code null} means "not parseable" (the caller reports the row). */
final class Cells {

  private Cells() {}

  /** ISO-8601 with offset, or a local date-time ({@code 2022-11-11 08:00[:00]}) in the city's zone. */
  static Instant instant(String text, ZoneId zone) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text.replace(' ', 'T')).atZone(zone).toInstant();
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }

  /**
   * The instant as PostgreSQL stores it in a {@code timestamptz}: rounded to the microsecond (half up),
   * so that instants checked in memory compare equal to the stored ones. Null stays null.
   */
  static Instant micros(Instant at) {
    if (at == null) {
      return null;
    }
    int nanos = at.getNano() % 1000;
    return nanos == 0 ? at : at.minusNanos(nanos).plusNanos(nanos >= 500 ? 1000 : 0);
  }

  /** A Ct value between 0 and 60 with at most one decimal kept. */
  static BigDecimal ct(String text) {
    try {
      BigDecimal value = new BigDecimal(text);
      if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(60)) > 0) {
        return null;
      }
      return value.setScale(1, java.math.RoundingMode.HALF_UP);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
