package org.epicommand.imports;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and times in import cells as offices write them, one place for every import kind. An XLSX
 * date cell arrives as an ISO date ({@code 1990-03-07}) or date-time ({@code 2022-11-11T08:05:00}).
 * {@code null} means "not readable" (the caller rejects the row); nothing is guessed: day-first
 * forms such as {@code 7/3/1990} are not read.
 */
public final class CellValues {

  /** 1990-03-07, 1990/3/7, 1990.3.7 (one separator throughout), 1990年3月7日, 19900307. */
  private static final String DATE =
      "(\\d{4})(?:([-/.])(\\d{1,2})\\2(\\d{1,2})|年(\\d{1,2})月(\\d{1,2})日?|(\\d{2})(\\d{2}))";
  /** 8:05, 08:05:30, 08:05:30.123, 8时05分, 8时05分30秒 (full-width colons too). */
  private static final String TIME =
      "(\\d{1,2})(?:[:：](\\d{2})(?:[:：](\\d{2})(?:\\.(\\d{1,9}))?)?|时(\\d{1,2})分(?:(\\d{1,2})秒)?)";
  private static final Pattern DATE_ONLY = Pattern.compile(DATE);
  private static final Pattern DATE_TIME = Pattern.compile(DATE + "(?:T|\\s+|(?<=日))" + TIME);

  private CellValues() {}

  private static final java.util.Set<String> YES = java.util.Set.of("true", "yes", "y", "1", "是", "√");
  private static final java.util.Set<String> NO = java.util.Set.of("false", "no", "n", "0", "否", "×");

  /**
   * A yes/no cell as offices fill it ({@code 是/否}, {@code √}, {@code 1/0}, {@code true/false}, {@code y/n}):
   * {@code TRUE} or {@code FALSE}, {@code null} for anything else; an empty cell is {@code FALSE}.
   */
  public static Boolean yesNo(String text) {
    if (text == null || text.isBlank()) {
      return Boolean.FALSE;
    }
    String value = text.strip().toLowerCase(java.util.Locale.ROOT);
    return YES.contains(value) ? Boolean.TRUE : NO.contains(value) ? Boolean.FALSE : null;
  }

  /** A date: {@code 1990-03-07}, {@code 1990/3/7}, {@code 1990.3.7}, {@code 1990年3月7日}, {@code 19900307}. */
  public static LocalDate date(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = DATE_ONLY.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    try {
      return date(m);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * A local date and time: a {@linkplain #date date} as above, then a space or {@code T}, then
   * {@code H:mm[:ss[.fraction]]} or {@code H时mm分[ss秒]}, e.g. {@code 2022/11/11 8:05}.
   */
  public static LocalDateTime dateTime(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = DATE_TIME.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    try {
      LocalDate date = date(m);
      boolean chinese = m.group(13) != null;
      int hour = Integer.parseInt(m.group(9));
      int minute = Integer.parseInt(chinese ? m.group(13) : m.group(10));
      String secondText = chinese ? m.group(14) : m.group(11);
      int second = secondText == null ? 0 : Integer.parseInt(secondText);
      String fraction = m.group(12);
      int nano = fraction == null ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
      return date.atTime(hour, minute, second, nano);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * An instant: ISO-8601 with an offset ({@code 2022-11-11T08:05:00+08:00}, {@code …Z}), or a local
   * {@linkplain #dateTime date and time} in the city's zone.
   */
  public static Instant instant(String text, ZoneId zone) {
    if (text == null) {
      return null;
    }
    LocalDateTime local = dateTime(text);
    if (local != null) {
      return local.atZone(zone).toInstant();
    }
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static LocalDate date(Matcher m) {
    int year = Integer.parseInt(m.group(1));
    int first = m.group(3) != null ? 3 : m.group(5) != null ? 5 : 7;
    return LocalDate.of(year, Integer.parseInt(m.group(first)), Integer.parseInt(m.group(first + 1)));
  }
}
