package org.epicommand.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTest {

  @Test
  void acceptsPublishedCodesAndComputesTheirCheckCharacter() {
    // codes as printed on business licences
    assertThat(CreditCode.parse("91350100M000100Y43")).contains("91350100M000100Y43");
    assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
    assertThat(CreditCode.parse("911100007109288314")).contains("911100007109288314");
  }

  @Test
  void lowerCaseAndSpacesAreNormalised() {
    assertThat(CreditCode.parse(" 91350100m000100y43 ")).contains("91350100M000100Y43");
  }

  @Test
  void refusesWrongCheckLengthAlphabetAndRegion() {
    assertThat(CreditCode.parse("91350100M000100Y44")).as("check character").isEmpty();
    assertThat(CreditCode.parse("91350100M000100Y4")).as("17 characters").isEmpty();
    assertThat(CreditCode.parse("91350100M000100Y430")).as("19 characters").isEmpty();
    assertThat(CreditCode.parse("9135010OM000100Y43")).as("the letter O is not in the alphabet").isEmpty();
    assertThat(CreditCode.parse("91A50100M000100Y43")).as("the region is six digits").isEmpty();
    assertThat(CreditCode.parse(null)).isEmpty();
  }

  @Test
  void theCheckCharacterZeroStandsForThirtyOne() {
    // every prefix has exactly one check character, and it is in the alphabet
    String first17 = "91350100M000100Y4";
    int valid = 0;
    for (char c : CreditCode.ALPHABET.toCharArray()) {
      valid += CreditCode.parse(first17 + c).isPresent() ? 1 : 0;
    }
    assertThat(valid).isEqualTo(1);
  }
}
