package org.epicommand.organisation;

import java.util.Locale;
import java.util.Optional;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters of
 * {@value #ALPHABET} — registration authority, category, six digits of the region (GB/T 2260), nine of
 * the organisation code, and a check character: weights {@code 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10
 * 30 28} over the first 17, check = 31 − (sum mod 31), 31 counting as 0.
 */
public final class CreditCode {

  static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private CreditCode() {}

  /** The code upper-cased and stripped when it is valid, else empty. */
  public static Optional<String> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String code = raw.strip().toUpperCase(Locale.ROOT);
    if (code.length() != 18) {
      return Optional.empty();
    }
    for (int i = 0; i < 18; i++) {
      if (ALPHABET.indexOf(code.charAt(i)) < 0) {
        return Optional.empty();
      }
    }
    for (int i = 2; i < 8; i++) {
      if (!Character.isDigit(code.charAt(i))) {
        return Optional.empty();
      }
    }
    return checkCharacter(code.substring(0, 17)) == code.charAt(17) ? Optional.of(code) : Optional.empty();
  }

  /** The check character of the first 17 characters (each of the alphabet). */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
    }
    int check = 31 - sum % 31;
    return ALPHABET.charAt(check == 31 ? 0 : check);
  }
}
