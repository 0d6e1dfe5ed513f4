package org.epicommand.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentNumbersTest {

  @Test
  void scientificNotationIsAlwaysANumberExcelStored() {
    for (String text : new String[] {"4.10101E+17", "4.10101e17", "4.10101199003071E+17", "1E+5", "4.1E-3",
        " 3.70212E+17 "}) {
      assertThat(DocumentNumbers.storedAsNumber(text)).as(text).isTrue();
    }
  }

  @Test
  void eighteenDigitsEndingIn000WithAWrongCheckCharacterLostTheirDigits() {
    String lost = "410101199003071000";
    assertThat(DocumentNumbers.checkCharacter(lost)).isNotEqualTo('0');
    assertThat(DocumentNumbers.storedAsNumber(lost)).isTrue();
    // a real number that ends in 000 (sequence x00, check character 0) stays valid
    String first17 = firstSeventeenWithCheckZero();
    assertThat(DocumentNumbers.storedAsNumber(first17 + "0")).isFalse();
  }

  @Test
  void ordinaryDocumentNumbersAreNot() {
    for (String text : new String[] {"11010519491231002X", "110105491231002", "E12345678", "FZ00000001", "4.1",
        "E17", "4.E17", "410101199003071234", "", "12345"}) {
      assertThat(DocumentNumbers.storedAsNumber(text)).as(text).isFalse();
    }
    assertThat(DocumentNumbers.storedAsNumber(null)).isFalse();
  }

  private static String firstSeventeenWithCheckZero() {
    for (int birth = 1; birth < 28; birth++) {
      for (int hundreds = 1; hundreds <= 9; hundreds++) {
        String first17 = "41010119900" + "3" + String.format("%02d", birth) + hundreds + "00";
        if (first17.length() == 17 && DocumentNumbers.checkCharacter(first17) == '0') {
          return first17;
        }
      }
    }
    throw new IllegalStateException("no such number");
  }
}
