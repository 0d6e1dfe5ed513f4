package org.epicommand.shared;

/**
 * Text written into a spreadsheet cell (CSV or XLSX export): a value starting with {@code = + - @},
 * a tab or a carriage return would be read as a formula by a spreadsheet program, so it gets a leading
 * apostrophe (docs/api.md, Exports). The one guard of every export.
 */
public final class SpreadsheetText {

  private static final String FORMULA_STARTS = "=+-@\t\r";

  private SpreadsheetText() {}

  /** {@code text}, with a leading apostrophe when it would start a formula; null stays null. */
  public static String guarded(String text) {
    return text != null && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }
}
