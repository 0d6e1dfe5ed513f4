package org.epicommand.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.epicommand.support.SharedData;
import org.junit.jupiter.api.Test;

class ResidentIdNumberTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  @Test
  void everyPublishedVectorBehavesAsLabelled() throws IOException {
    List<String> lines = Files.readAllLines(SharedData.require("gb11643/id_test_vectors.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", 3);
      ResidentIdNumber.Parsed parsed = ResidentIdNumber.parse(cells[0], TODAY);
      String expected = cells[1];
      if (expected.equals("valid")) {
        assertThat(parsed.problem()).as(cells[0]).isEmpty();
      } else {
        assertThat(parsed.problem()).as(cells[0]).contains(
            ResidentIdNumber.Problem.valueOf(expected.substring("invalid_".length())));
      }
    }
  }

  @Test
  void derivesSexAndBirthDateAndNormalisesLowerCaseX() {
    ResidentIdNumber id = ResidentIdNumber.parse("44011320141005001x", TODAY).number().orElseThrow();
    assertThat(id.value()).isEqualTo("44011320141005001X");
    assertThat(id.birthDate()).isEqualTo(LocalDate.of(2014, 10, 5));
    assertThat(id.sex()).isEqualTo(Sex.MALE);
    ResidentIdNumber woman = ResidentIdNumber.parse("11010519491231002X", TODAY).number().orElseThrow();
    assertThat(woman.sex()).isEqualTo(Sex.FEMALE);
    assertThat(woman.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
  }

  @Test
  void convertsOldFifteenDigitNumbersToEighteen() {
    // 15 digits: region 110105, birth 491231 (century 19), sequence 002
    ResidentIdNumber id = ResidentIdNumber.parse("110105491231002", TODAY).number().orElseThrow();
    assertThat(id.value()).isEqualTo("11010519491231002X");
    assertThat(id.sex()).isEqualTo(Sex.FEMALE);
  }

  @Test
  void refusesBirthDatesInTheFutureAndImpossibleDates() {
    String first17 = "11010520301231002";
    assertThat(ResidentIdNumber.parse(first17 + ResidentIdNumber.checkCharacter(first17), TODAY).problem())
        .contains(ResidentIdNumber.Problem.date);
    String february30 = "11010519900230002";
    assertThat(ResidentIdNumber.parse(february30 + ResidentIdNumber.checkCharacter(february30), TODAY).problem())
        .contains(ResidentIdNumber.Problem.date);
    assertThat(ResidentIdNumber.parse("1101051949123100", TODAY).problem()).contains(ResidentIdNumber.Problem.format);
  }

  @Test
  void numbersThatExcelStoredAsNumbersSaySo() {
    assertThat(ResidentIdNumber.parse("4.10101E+17", TODAY).problem())
        .contains(ResidentIdNumber.Problem.storedAsNumber);
    assertThat(ResidentIdNumber.parse("410101199003071000", TODAY).problem())
        .contains(ResidentIdNumber.Problem.storedAsNumber);
    // a wrong check character that is not 000: the ordinary message
    assertThat(ResidentIdNumber.parse("410101199003071001", TODAY).problem())
        .contains(ResidentIdNumber.Problem.checksum);
  }

  @Test
  void documentTypesAndSexesInChinese() {
    assertThat(IdType.parse("居民身份证")).isEqualTo(IdType.RESIDENT_ID);
    assertThat(IdType.parse("身份证")).isEqualTo(IdType.RESIDENT_ID);
    assertThat(IdType.parse("护照")).isEqualTo(IdType.PASSPORT);
    assertThat(IdType.parse("resident_id")).isEqualTo(IdType.RESIDENT_ID);
    assertThat(IdType.parse("驾驶证")).isNull();
    assertThat(Sex.parse("女性")).isEqualTo(Sex.FEMALE);
    assertThat(Sex.parse("m")).isEqualTo(Sex.MALE);
    assertThat(Sex.parse("中性")).isNull();
  }

  @Test
  void phonesAcceptMobilesAndLandlinesWithAreaCodes() {
    assertThat(PhoneNumbers.normalize("138 0013 8000")).isEqualTo("13800138000");
    assertThat(PhoneNumbers.normalize("+8613800138000")).isEqualTo("13800138000");
    assertThat(PhoneNumbers.normalize("010-62345678")).isEqualTo("010-62345678");
    assertThat(PhoneNumbers.normalize("12345678901")).isNull();
    for (String mobile : new String[] {"+86 138 0013 8000", "86-13800138000", "138-0013-8000", "8613800138000",
        "0086 13800138000", "(+86)138 0013 8000", "+86-138-0013-8000", "138\u30000013\u30008000"}) {
      assertThat(PhoneNumbers.normalize(mobile)).as(mobile).isEqualTo("13800138000");
    }
    for (String bad : new String[] {"1391234567", "+1 555 0100", "021-1234", "86-1380013800", "电话"}) {
      assertThat(PhoneNumbers.normalize(bad)).as(bad).isNull();
    }
    assertThat(PhoneNumbers.normalize("62345678")).isNull();
  }
}
