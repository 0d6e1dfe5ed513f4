package org.epicommand.labtest.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.epicommand.imports.CellValues;
import org.epicommand.labtest.TubeKind;

/** Parsing of import cells; {@code null} means "not parseable" (the caller reports the row). */
final class Cells {

  /** How far a sender's clock may run ahead: a result or sampling time later than now plus this is refused. */
  static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(5);

  private Cells() {}

  /** Whether {@code at} lies in the future beyond the {@link #CLOCK_SKEW}. */
  static boolean future(Instant at, java.time.Clock clock) {
    return at != null && at.isAfter(clock.instant().plus(CLOCK_SKEW));
  }

  /** ISO-8601 with offset, or a local date-time ({@code 2022-11-11 08:00[:00]}, {@code 2022/11/11 8:05}) in the city's
   * zone. */
  static Instant instant(String text, ZoneId zone) {
    return CellValues.instant(text, zone);
  }

  /** A tube kind: its name in any case, or as labs write it (单管, 单采, 5混1, 10合1 …); {@code null} when neither. */
  static TubeKind kind(String text) {
    String value = text.strip().toUpperCase(Locale.ROOT);
    return switch (value) {
      case "单管", "单采", "单检", "1混1", "1合1" -> TubeKind.SINGLE;
      case "5混1", "5合1", "五混一", "五合一" -> TubeKind.POOL_5;
      case "10混1", "10合1", "十混一", "十合一" -> TubeKind.POOL_10;
      case "20混1", "20合1", "二十混一", "二十合一" -> TubeKind.POOL_20;
      default -> {
        try {
          yield TubeKind.valueOf(value);
        } catch (IllegalArgumentException e) {
          yield null;
        }
      }
    };
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
