package org.epicommand.shared;

/**
 * The one masking rule for personal identifiers (docs/domain.md §3): document numbers keep their first
 * 4 and last 4 characters, phones their first 3 and last 4. Names stay readable for staff.
 */
public final class Masking {

  private Masking() {}

  public static String documentNumber(String value) {
    return keep(value, 4, 4);
  }

  public static String phone(String value) {
    return keep(value, 3, 4);
  }

  private static String keep(String value, int head, int tail) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    int n = value.length();
    if (n <= head + tail) {
      // too short to show both ends without revealing everything: show only the tail half
      return "*".repeat(n - n / 2) + value.substring(n - n / 2);
    }
    return value.substring(0, head) + "*".repeat(n - head - tail) + value.substring(n - tail);
  }
}
