package org.epicommand.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-read timestamps of a scan file agree with java.time on every shape, valid or not. */
class ScanTimesTest {

  static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

  @Test
  void readsTheCommonShapesLikeJavaTime() {
    assertThat(ScanTimes.parse("2022-11-01T10:00:00Z", CITY)).isEqualTo(Instant.parse("2022-11-01T10:00:00Z"));
    assertThat(ScanTimes.parse("2022-11-01T10:00:00+08:00", CITY)).isEqualTo(Instant.parse("2022-11-01T02:00:00Z"));
    assertThat(ScanTimes.parse("2022-11-01T10:00:00.25-03:30", CITY))
        .isEqualTo(Instant.parse("2022-11-01T13:30:00.250Z"));
    assertThat(ScanTimes.parse("2022-11-01 10:00", CITY)).isEqualTo(Instant.parse("2022-11-01T02:00:00Z"));
    assertThat(ScanTimes.parse("2022-11-01 10:00:07", CITY)).isEqualTo(Instant.parse("2022-11-01T02:00:07Z"));
    assertThat(ScanTimes.parse("2022-02-30T10:00:00+08:00", CITY)).isNull();
    assertThat(ScanTimes.parse("2022-13-01 10:00", CITY)).isNull();
    assertThat(ScanTimes.parse("昨天上午", CITY)).isNull();
  }

  @Test
  void agreesWithJavaTimeOnEdgeCases() {
    List<String> texts = List.of("2022-11-01T10:00:00Z", "2022-11-01T10:00Z", "2022-11-01T10:00", "2022-11-01 10:00Z",
        "2022-11-01T10:00:00.123456789Z", "2022-11-01T10:00:00.1234567891Z", "2022-11-01T10:00:00.Z",
        "2022-11-01T24:00:00Z", "2022-11-01T23:59:60Z", "2022-11-01T10:00:00+18:00", "2022-11-01T10:00:00+19:00",
        "2022-11-01T10:00:00+8:00", "2022-11-01T10:00:00+08:00:00", "2022-11-01T10:00:00 ", " 2022-11-01T10:00:00Z",
        "2022-11-01T10:00:00-00:30", "2024-02-29 00:00", "2023-02-29 00:00", "2022-11-01 10:00:00.5",
        "2022-11-01T10:00:00+08:00[Asia/Shanghai]", "2022-11-01T1０:00:00Z", "2022-11-01", "1667260800", "",
        "2022-11-01T10:00:00z", "2022-11-01T10:00:00+0800");
    for (String text : texts) {
      // cells arrive with the spaces a spreadsheet leaves around them; they are not part of the time
      assertThat(ScanTimes.parse(text, CITY)).as(text).isEqualTo(javaTime(text.strip()));
    }
  }

  private static Instant javaTime(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        String local = text.replace(' ', 'T');
        return LocalDateTime.parse(local.length() == 16 ? local + ":00" : local).atZone(CITY).toInstant();
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }
}
