package org.epicommand.person;

import java.util.Locale;

public enum Sex {
  MALE, FEMALE, UNKNOWN;

  /**
   * A sex as a file gives it: {@code MALE}/{@code M}/男/男性, {@code FEMALE}/{@code F}/女/女性,
   * {@code UNKNOWN}/未知 (any case); {@code null} when it is none of these.
   */
  public static Sex parse(String text) {
    if (text == null) {
      return null;
    }
    return switch (text.strip().toUpperCase(Locale.ROOT)) {
      case "MALE", "M", "男", "男性" -> MALE;
      case "FEMALE", "F", "女", "女性" -> FEMALE;
      case "UNKNOWN", "未知" -> UNKNOWN;
      default -> null;
    };
  }
}
