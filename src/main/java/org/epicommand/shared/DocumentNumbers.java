package org.epicommand.shared;

/**
 * Document numbers as spreadsheets damage them. Excel keeps a number to 15 significant digits: an
 * 18-digit resident ID typed into a cell that is not formatted as text becomes {@code 4.10101E+17}
 * on screen and in a saved CSV, and its last three digits become {@code 000}. Such a number is never
 * stored: the row is refused with the message {@code error.idNumber.storedAsNumber}.
 */
public final class DocumentNumbers {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  private DocumentNumbers() {}

  /** The GB 11643 check character of the first 17 digits of a resident ID number. */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }

  /**
   * Whether a document number is what a spreadsheet makes of a number: scientific notation
   * ({@code 4.10101E+17}, {@code 4.10101e17}), or 18 digits ending in {@code 000} whose GB 11643
   * check character is wrong (the digits Excel's 15-digit precision lost). Null and blank are not.
   */
  public static boolean storedAsNumber(String value) {
    if (value == null) {
      return false;
    }
    String text = value.strip();
    return scientific(text) || (text.length() == 18 && text.endsWith("000") && digits(text)
        && checkCharacter(text) != '0');
  }

  /** {@code [+-]digits[.digits](E|e)[+-]digits}, as Excel writes a large number. */
  private static boolean scientific(String text) {
    int n = text.length();
    int i = 0;
    if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      i++;
    }
    int start = i;
    while (i < n && isDigit(text.charAt(i))) {
      i++;
    }
    if (i == start) {
      return false;
    }
    if (i < n && text.charAt(i) == '.') {
      int fraction = ++i;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
      }
      if (i == fraction) {
        return false;
      }
    }
    if (i >= n || (text.charAt(i) != 'E' && text.charAt(i) != 'e')) {
      return false;
    }
    i++;
    if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      i++;
    }
    int exponent = i;
    while (i < n && isDigit(text.charAt(i))) {
      i++;
    }
    return i > exponent && i == n;
  }

  private static boolean digits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
