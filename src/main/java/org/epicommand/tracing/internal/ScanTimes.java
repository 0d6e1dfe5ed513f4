package org.epicommand.tracing.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.epicommand.imports.CellValues;

/**
 * The {@code scannedAt} of a scan file: ISO-8601 with an offset ({@code 2022-11-01T10:00:00+08:00},
 * {@code …Z}, with or without a fraction), or a local {@code yyyy-MM-dd HH:mm[:ss]} (or with a
 * {@code T}) in the city's zone. The common shapes are read by hand (a formatter costs microseconds a
 * row, a large share of a 100 M-row import); anything else goes through {@link CellValues#instant}
 * (e.g. {@code 2022/11/1 8:05}), which decides. Null when the text is no valid instant.
 */
final class ScanTimes {

  private ScanTimes() {}

  static Instant parse(String text, ZoneId zone) {
    Instant fast = fast(text, zone);
    return fast != null ? fast : slow(text, zone);
  }

  /** An instant as the city reads it in messages: {@code yyyy-MM-dd HH:mm}. */
  static String local(Instant instant, ZoneId zone) {
    return instant.atZone(zone).toLocalDateTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString()
        .replace('T', ' ');
  }

  private static Instant fast(String t, ZoneId zone) {
    int n = t.length();
    if (n < 16 || !digits(t, 0, 4) || t.charAt(4) != '-' || !digits(t, 5, 2) || t.charAt(7) != '-'
        || !digits(t, 8, 2) || (t.charAt(10) != 'T' && t.charAt(10) != ' ') || !digits(t, 11, 2)
        || t.charAt(13) != ':' || !digits(t, 14, 2)) {
      return null;
    }
    int second = 0;
    int nano = 0;
    int i = 16;
    if (n > 16 && t.charAt(16) == ':') {
      if (n < 19 || !digits(t, 17, 2)) {
        return null;
      }
      second = number(t, 17, 2);
      i = 19;
      if (n > 19 && t.charAt(19) == '.') {
        int start = 20;
        int end = start;
        while (end < n && end - start < 9 && Character.isDigit(t.charAt(end)) && t.charAt(end) < 128) {
          end++;
        }
        if (end == start) {
          return null;
        }
        nano = number(t, start, end - start);
        for (int k = end - start; k < 9; k++) {
          nano *= 10;
        }
        i = end;
      }
    }
    try {
      LocalDateTime local = LocalDateTime.of(number(t, 0, 4), number(t, 5, 2), number(t, 8, 2), number(t, 11, 2),
          number(t, 14, 2), second, nano);
      if (i == n) {
        // no offset: local city time (16 characters only with a space, as the slow path accepts)
        return local.atZone(zone).toInstant();
      }
      if (t.charAt(10) != 'T') {
        return null;
      }
      if (i == n - 1 && t.charAt(i) == 'Z') {
        return local.toInstant(ZoneOffset.UTC);
      }
      if (i == n - 6 && (t.charAt(i) == '+' || t.charAt(i) == '-') && digits(t, i + 1, 2) && t.charAt(i + 3) == ':'
          && digits(t, i + 4, 2)) {
        int sign = t.charAt(i) == '+' ? 1 : -1;
        return local.toInstant(ZoneOffset.ofHoursMinutes(sign * number(t, i + 1, 2), sign * number(t, i + 4, 2)));
      }
      return null;
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static Instant slow(String text, ZoneId zone) {
    return CellValues.instant(text, zone);
  }

  private static boolean digits(String t, int from, int count) {
    for (int k = from; k < from + count; k++) {
      char c = t.charAt(k);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int number(String t, int from, int count) {
    int value = 0;
    for (int k = from; k < from + count; k++) {
      value = value * 10 + (t.charAt(k) - '0');
    }
    return value;
  }
}
