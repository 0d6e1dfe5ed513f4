package org.epicommand.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.command.CommandFixtures.as;
import static org.epicommand.command.CommandFixtures.fields;
import static org.epicommand.command.CommandFixtures.freshUnit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.epicommand.command.CommandFixtures.UnitUser;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A unit's roster for a week or a month in one call: all or nothing, field problems per day, 409 once retired. */
@EpiCommandTest
class DutyRosterApiTest {

  @Autowired
  Api api;
  @Autowired
  Clock clock;

  @Test
  void aWeekIsEnteredInOneCallAndReadBack() {
    UnitUser unit = freshUnit(api, "值班周表单位");
    LocalDate monday = LocalDate.now(clock).plusWeeks(1).with(java.time.DayOfWeek.MONDAY);
    List<Map<String, Object>> week = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      week.add(day(monday.plusDays(i), "带班" + i, "值班" + i, "0571-8800000" + i));
    }
    String path = "/api/v1/command/units/" + unit.unitCode() + "/duty";
    Api.Answer saved = as(api, unit).put(path, Map.of("days", week));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().size()).isEqualTo(7);

    JsonNode read = as(api, unit).get(path + "?from=" + monday + "&to=" + monday.plusDays(6)).json();
    assertThat(read.size()).isEqualTo(7);
    assertThat(read.get(3).get("date").asString()).isEqualTo(monday.plusDays(3).toString());
    assertThat(read.get(3).get("leader").asString()).isEqualTo("带班3");
    assertThat(read.get(3).get("phone").asString()).isEqualTo("0571-88000003");
    // days not given keep theirs; a given day is replaced
    Api.Answer one = api.as("commander").put(path, Map.of("days", List.of(day(monday, "新带班", "新值班", "110"))));
    assertThat(one.status()).as(one.body()).isEqualTo(200);
    JsonNode after = api.as("cdc").get(path + "?from=" + monday + "&to=" + monday.plusDays(6)).json();
    assertThat(after.get(0).get("leader").asString()).isEqualTo("新带班");
    assertThat(after.get(1).get("leader").asString()).isEqualTo("带班1");
    assertThat(api.as("commander").get("/api/v1/command/duty?date=" + monday.plusDays(2)).body())
        .contains(unit.unitCode()).contains("值班2");
  }

  @Test
  void badDaysAreNamedAndNothingIsSaved() {
    UnitUser unit = freshUnit(api, "值班校验单位");
    UnitUser other = freshUnit(api, "他单位值班");
    LocalDate day = LocalDate.now(clock).plusDays(40);
    String path = "/api/v1/command/units/" + unit.unitCode() + "/duty";
    Api.Answer bad = as(api, unit).put(path, Map.of("days", List.of(day(day, "甲", "乙", "110"),
        day(day, "甲", "乙", "abc"), day(day.plusDays(1), "", "乙", "110"))));
    assertThat(fields(bad)).containsExactlyInAnyOrder("days[1].phone", "days[1].date", "days[2].leader");
    assertThat(as(api, unit).get(path + "?from=" + day + "&to=" + day.plusDays(1)).json().size()).isZero();

    List<Map<String, Object>> tooMany = new ArrayList<>();
    for (int i = 0; i < 63; i++) {
      tooMany.add(day(day.plusDays(i), "甲", "乙", "110"));
    }
    assertThat(fields(as(api, unit).put(path, Map.of("days", tooMany)))).containsExactly("days");
    assertThat(fields(as(api, unit).put(path, Map.of("days", List.of())))).containsExactly("days");
    assertThat(fields(as(api, unit).get(path + "?from=" + day + "&to=" + day.plusDays(70)))).containsExactly("to");
    // another unit's member: the unit does not exist for them
    assertThat(as(api, other).put(path, Map.of("days", List.of(day(day, "甲", "乙", "110")))).status())
        .isEqualTo(404);
    assertThat(api.as("lab").put(path, Map.of("days", List.of())).status()).isEqualTo(403);
  }

  @Test
  void aUnitRetiredFromADayTakesNoDutyFromThatDayOn() {
    UnitUser unit = freshUnit(api, "值班撤销单位");
    LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
    assertThat(api.as("commander").post("/api/v1/command/units/" + unit.unitCode() + "/retire",
        Map.of("from", tomorrow.toString())).status()).isEqualTo(200);
    String path = "/api/v1/command/units/" + unit.unitCode() + "/duty";
    assertThat(as(api, unit).put(path, Map.of("days", List.of(day(tomorrow.minusDays(1), "甲", "乙", "110"))))
        .status()).as("still in service today").isEqualTo(200);
    Api.Answer refused = as(api, unit).put(path, Map.of("days", List.of(day(tomorrow.minusDays(1), "甲", "乙", "110"),
        day(tomorrow, "甲", "乙", "110"))));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("currentState").asString()).isEqualTo("RETIRED");
    assertThat(as(api, unit).get(path + "?from=" + tomorrow + "&to=" + tomorrow).json().size()).isZero();
  }

  static Map<String, Object> day(LocalDate date, String leader, String staff, String phone) {
    return Map.of("date", date.toString(), "leader", leader, "staff", staff, "phone", phone);
  }
}
