package org.epicommand.shared;

/**
 * Builds SQL LIKE patterns from user input with the wildcards {@code % _} and the escape character
 * {@code \} escaped, so a search for "%" finds a percent sign and nothing else.
 */
public final class LikePattern {

  private LikePattern() {}

  public static String escape(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  public static String prefix(String text) {
    return escape(text) + "%";
  }

  public static String contains(String text) {
    return "%" + escape(text) + "%";
  }
}
