package org.epicommand.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Dates and times as people read them: always in the city's zone (an instant stored in UTC is shown
 * as the city's wall-clock time), in one set of patterns. Every page reaches it as {@code #times}
 * ({@code ${#times.dateTime(order.createdAt)}}); code that writes text for people uses it too.
 * Local dates and date-times are already the city's and are shown as they are.
 */
public final class CityTimes {

  private final ZoneId zone;
  private final Locale locale;

  public CityTimes(ZoneId zone, Locale locale) {
    this.zone = zone;
    this.locale = locale;
  }

  /** {@code 2022-11-11 08:00} */
  public String dateTime(Object time) {
    return format(time, "yyyy-MM-dd HH:mm");
  }

  /** {@code 2022-11-11 08:00:05} */
  public String seconds(Object time) {
    return format(time, "yyyy-MM-dd HH:mm:ss");
  }

  /** {@code 11-11 08:00}, for lists of recent things. */
  public String shortDateTime(Object time) {
    return format(time, "MM-dd HH:mm");
  }

  /** {@code 2022-11-11} */
  public String date(Object time) {
    return format(time, "yyyy-MM-dd");
  }

  /** {@code 08:00} */
  public String time(Object time) {
    return format(time, "HH:mm");
  }

  /** Any pattern of {@link DateTimeFormatter}; {@code null} for no time. */
  public String format(Object time, String pattern) {
    TemporalAccessor local = inCity(time);
    return local == null ? null : DateTimeFormatter.ofPattern(pattern, locale).format(local);
  }

  /** The time in the city's zone (instants and offset times moved there; local values as they are). */
  public TemporalAccessor inCity(Object time) {
    if (time == null) {
      return null;
    }
    if (time instanceof Instant instant) {
      return instant.atZone(zone);
    }
    if (time instanceof OffsetDateTime offset) {
      return offset.atZoneSameInstant(zone);
    }
    if (time instanceof ZonedDateTime zoned) {
      return zoned.withZoneSameInstant(zone);
    }
    if (time instanceof LocalDateTime || time instanceof LocalDate || time instanceof TemporalAccessor) {
      return (TemporalAccessor) time;
    }
    throw new IllegalArgumentException("not a time: " + time.getClass().getName());
  }
}
