package org.epicommand.person;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.epicommand.shared.DocumentNumbers;

/**
 * A resident identity card number (居民身份证号码) per GB 11643-1999: 6-digit region, 8-digit birth
 * date, 3-digit sequence (odd = male), check character. Old 15-digit numbers (birth year 19yy, no
 * check character) are converted to 18; a lower-case {@code x} becomes {@code X}.
 */
public record ResidentIdNumber(String value, LocalDate birthDate, Sex sex) {

  /**
   * Why a number is not valid; the code is the message key {@code error.idNumber.<code>}.
   * {@code storedAsNumber}: a spreadsheet kept the number as a number ({@link DocumentNumbers#storedAsNumber}).
   */
  public enum Problem {
    format, checksum, date, location, storedAsNumber
  }

  private static final java.util.regex.Pattern FIFTEEN = java.util.regex.Pattern.compile("\\d{15}");
  private static final java.util.regex.Pattern EIGHTEEN = java.util.regex.Pattern.compile("\\d{17}[\\dX]");
  /** GB/T 2260 province-level codes (83: residence permits of Hong Kong, Macao and Taiwan residents). */
  private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
      "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63",
      "64", "65", "71", "81", "82", "83");

  /** Parses and validates a number; the problem is empty when it is valid. */
  public static Parsed parse(String raw, LocalDate today) {
    if (raw == null) {
      return Parsed.invalid(Problem.format);
    }
    String number = raw.strip().toUpperCase(java.util.Locale.ROOT);
    if (DocumentNumbers.storedAsNumber(number)) {
      return Parsed.invalid(Problem.storedAsNumber);
    }
    if (FIFTEEN.matcher(number).matches()) {
      number = number.substring(0, 6) + "19" + number.substring(6);
      number = number + checkCharacter(number);
    } else if (!EIGHTEEN.matcher(number).matches()) {
      return Parsed.invalid(Problem.format);
    }
    LocalDate birth;
    try {
      birth = LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
          Integer.parseInt(number.substring(12, 14)));
    } catch (DateTimeException e) {
      return Parsed.invalid(Problem.date);
    }
    if (birth.isAfter(today) || birth.getYear() < 1850) {
      return Parsed.invalid(Problem.date);
    }
    if (!PROVINCES.contains(number.substring(0, 2))) {
      return Parsed.invalid(Problem.location);
    }
    if (checkCharacter(number.substring(0, 17)) != number.charAt(17)) {
      return Parsed.invalid(Problem.checksum);
    }
    Sex sex = (number.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    return new Parsed(Optional.of(new ResidentIdNumber(number, birth, sex)), Optional.empty());
  }

  /** The check character of the first 17 digits. */
  public static char checkCharacter(String first17) {
    return DocumentNumbers.checkCharacter(first17);
  }

  /** The outcome of {@link #parse}: a number or a problem. */
  public record Parsed(Optional<ResidentIdNumber> number, Optional<Problem> problem) {

    static Parsed invalid(Problem problem) {
      return new Parsed(Optional.empty(), Optional.of(problem));
    }
  }
}
