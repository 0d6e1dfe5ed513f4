package org.epicommand.vaccination.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import org.epicommand.imports.CellValues;

/** Dose cells as immunisation systems write them; {@code null} means "not readable" (the caller refuses the row). */
final class DoseCells {

  private static final String NUMERALS = "一二三四五六七八九";

  private DoseCells() {}

  /** A dose number: {@code 2}, {@code 第2剂}, {@code 第二剂}, {@code 2剂次}; 1–9. */
  static Integer doseNumber(String text) {
    if (text == null) {
      return null;
    }
    String value = text.strip().replace("第", "").replace("剂次", "").replace("剂", "").replace("针", "").strip();
    if (value.length() == 1 && NUMERALS.indexOf(value.charAt(0)) >= 0) {
      return NUMERALS.indexOf(value.charAt(0)) + 1;
    }
    return value.matches("[1-9]") ? Integer.valueOf(value) : null;
  }

  /** A day: a date ({@code 2022-12-01}, {@code 2022/12/1}, {@code 2022年12月1日}), or a date and time (its day in the
   * city). */
  static LocalDate date(String text, ZoneId zone) {
    if (text == null) {
      return null;
    }
    LocalDate date = CellValues.date(text);
    if (date != null) {
      return date;
    }
    java.time.LocalDateTime local = CellValues.dateTime(text);
    if (local != null) {
      return local.toLocalDate();
    }
    java.time.Instant instant = CellValues.instant(text, zone);
    return instant == null ? null : instant.atZone(zone).toLocalDate();
  }
}
