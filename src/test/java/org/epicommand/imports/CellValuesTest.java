package org.epicommand.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CellValuesTest {

  private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

  @Test
  void datesAsOfficesWriteThem() {
    LocalDate march7 = LocalDate.of(1990, 3, 7);
    for (String text : new String[] {"1990-03-07", "1990-3-7", "1990/3/7", "1990/03/07", "1990.3.7", "1990年3月7日",
        "1990年03月07日", "1990年3月7", "19900307", " 1990/3/7 "}) {
      assertThat(CellValues.date(text)).as(text).isEqualTo(march7);
    }
  }

  @Test
  void impossibleAmbiguousAndTimedDatesAreNotRead() {
    for (String text : new String[] {"1990-02-30", "1990/13/1", "19901332", "7/3/1990", "07-03-1990", "1990-3/7",
        "1990-03-07T08:00", "1990年", "明天", "", "199003071"}) {
      assertThat(CellValues.date(text)).as(text).isNull();
    }
    assertThat(CellValues.date(null)).isNull();
  }

  @Test
  void dateTimesAsOfficesAndExcelWriteThem() {
    LocalDateTime at = LocalDateTime.of(2022, 11, 11, 8, 5);
    for (String text : new String[] {"2022/11/11 8:05", "2022-11-11 08:05", "2022-11-11T08:05", "2022-11-11T08:05:00",
        "2022.11.11 8:05", "2022年11月11日 8:05", "2022年11月11日8时05分", "2022年11月11日 08时05分00秒",
        "20221111 08:05", "2022/11/11 8：05"}) {
      assertThat(CellValues.dateTime(text)).as(text).isEqualTo(at);
    }
    assertThat(CellValues.dateTime("2022-11-11 08:05:30.25")).isEqualTo(at.withSecond(30).withNano(250_000_000));
    for (String text : new String[] {"2022-11-11", "2022-11-31 08:00", "2022-11-11 24:00", "2022-11-11 8:60",
        "202211110805", "11/11/2022 8:05", "2022-11-11 8"}) {
      assertThat(CellValues.dateTime(text)).as(text).isNull();
    }
  }

  @Test
  void instantsWithAnOffsetOrInTheCitysZone() {
    Instant expected = Instant.parse("2022-11-11T00:05:00Z");
    assertThat(CellValues.instant("2022/11/11 8:05", CITY)).isEqualTo(expected);
    assertThat(CellValues.instant("2022-11-11T08:05:00+08:00", CITY)).isEqualTo(expected);
    assertThat(CellValues.instant("2022-11-11T00:05:00Z", CITY)).isEqualTo(expected);
    assertThat(CellValues.instant("2022-02-30T10:00:00+08:00", CITY)).isNull();
    assertThat(CellValues.instant("20221120", CITY)).isNull();
    assertThat(CellValues.instant("yesterday", CITY)).isNull();
  }
}
