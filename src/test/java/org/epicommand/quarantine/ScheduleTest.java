package org.epicommand.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.quarantine.Regime.CENTRALIZED;
import static org.epicommand.quarantine.Regime.HOME_ISOLATION;
import static org.epicommand.quarantine.Regime.HOME_MONITORING;
import static org.epicommand.quarantine.Regime.SELF_MONITORING;

import java.time.LocalDate;
import java.util.List;
import org.epicommand.quarantine.internal.RuleSetStore;
import org.junit.jupiter.api.Test;

/**
 * The day-counting rule of docs/domain.md §6 on every row of the rule-set table and the arrival rules,
 * with the seeded rules written out here again as the protocol states them (the migration must
 * agree: {@code RuleSetApiTest} compares them).
 */
class ScheduleTest {

  static final LocalDate LONG_AGO = LocalDate.of(2000, 1, 1);

  static RuleSet.Rule rule(String phases, List<Integer> tests, List<Integer> dual, boolean releaseOnNegative) {
    return new RuleSet.Rule(RuleSetStore.parsePhases(phases), tests, dual, releaseOnNegative);
  }

  static Schedule schedule(RuleSet.Rule rule, String anchor) {
    return Schedule.of(rule, LocalDate.parse(anchor), LONG_AGO);
  }

  static List<String> dates(Schedule s) {
    return s.tests().stream().map(t -> t.date().toString()).toList();
  }

  @Test
  void edition8CloseContactIsFourteenDaysCentralizedAndSevenHomeMonitoringWithDualReagentOnDay14() {
    Schedule s = schedule(rule("CENTRALIZED:14,HOME_MONITORING:7", List.of(1, 4, 7, 14, 16, 21), List.of(14), false),
        "2021-12-20");
    assertThat(s.phases()).containsExactly(
        new Schedule.Phase(CENTRALIZED, LocalDate.of(2021, 12, 21), LocalDate.of(2022, 1, 3), false),
        new Schedule.Phase(HOME_MONITORING, LocalDate.of(2022, 1, 4), LocalDate.of(2022, 1, 10), false));
    assertThat(dates(s)).containsExactly("2021-12-21", "2021-12-24", "2021-12-27", "2022-01-03", "2022-01-05",
        "2022-01-10");
    assertThat(s.tests()).filteredOn(Schedule.Test::dualReagent).extracting(Schedule.Test::day).containsExactly(14);
    assertThat(s.plannedEndDate()).isEqualTo("2022-01-10");
  }

  @Test
  void edition8SecondaryContactIsSevenDaysCentralized() {
    Schedule s = schedule(rule("CENTRALIZED:7", List.of(1, 4, 7), List.of(), false), "2021-06-28");
    assertThat(s.phases()).containsExactly(
        new Schedule.Phase(CENTRALIZED, LocalDate.of(2021, 6, 29), LocalDate.of(2021, 7, 5), false));
    assertThat(dates(s)).containsExactly("2021-06-29", "2021-07-02", "2021-07-05");
  }

  @Test
  void edition9CloseContactIsSevenPlusThreeAcrossAMonthBoundary() {
    Schedule s = schedule(rule("CENTRALIZED:7,HOME_MONITORING:3", List.of(1, 2, 3, 5, 7, 10), List.of(), false),
        "2022-07-28");
    assertThat(s.phases()).containsExactly(
        new Schedule.Phase(CENTRALIZED, LocalDate.of(2022, 7, 29), LocalDate.of(2022, 8, 4), false),
        new Schedule.Phase(HOME_MONITORING, LocalDate.of(2022, 8, 5), LocalDate.of(2022, 8, 7), false));
    assertThat(dates(s)).containsExactly("2022-07-29", "2022-07-30", "2022-07-31", "2022-08-02", "2022-08-04",
        "2022-08-07");
    assertThat(s.plannedEndDate()).isEqualTo("2022-08-07");
  }

  @Test
  void edition9SecondaryContactIsSevenDaysHomeIsolationAcrossAYearBoundary() {
    Schedule s = schedule(rule("HOME_ISOLATION:7", List.of(1, 4, 7), List.of(), false), "2022-12-29");
    assertThat(s.phases()).containsExactly(
        new Schedule.Phase(HOME_ISOLATION, LocalDate.of(2022, 12, 30), LocalDate.of(2023, 1, 5), false));
    assertThat(dates(s)).containsExactly("2022-12-30", "2023-01-02", "2023-01-05");
  }

  @Test
  void edition9ArrivalsByRiskOfOrigin() {
    Schedule high = schedule(rule("CENTRALIZED:7", List.of(1, 2, 3, 5, 7), List.of(), false), "2022-02-25");
    assertThat(high.phases()).containsExactly(
        new Schedule.Phase(CENTRALIZED, LocalDate.of(2022, 2, 26), LocalDate.of(2022, 3, 4), false));
    assertThat(dates(high)).containsExactly("2022-02-26", "2022-02-27", "2022-02-28", "2022-03-02", "2022-03-04");
    Schedule medium = schedule(rule("HOME_ISOLATION:7", List.of(1, 4, 7), List.of(), false), "2024-02-25");
    // 2024 is a leap year: day 4 is 29 February
    assertThat(dates(medium)).containsExactly("2024-02-26", "2024-02-29", "2024-03-03");
    Schedule low = schedule(rule("SELF_MONITORING:3", List.of(1, 3), List.of(), false), "2022-08-30");
    assertThat(low.phases()).containsExactly(
        new Schedule.Phase(SELF_MONITORING, LocalDate.of(2022, 8, 31), LocalDate.of(2022, 9, 2), false));
    assertThat(dates(low)).containsExactly("2022-08-31", "2022-09-02");
  }

  @Test
  void twentyMeasuresCloseContactIsFivePlusThreeHomeIsolation() {
    Schedule s = schedule(rule("CENTRALIZED:5,HOME_ISOLATION:3", List.of(1, 2, 3, 5, 6, 8), List.of(), false),
        "2022-11-28");
    assertThat(s.phases()).containsExactly(
        new Schedule.Phase(CENTRALIZED, LocalDate.of(2022, 11, 29), LocalDate.of(2022, 12, 3), false),
        new Schedule.Phase(HOME_ISOLATION, LocalDate.of(2022, 12, 4), LocalDate.of(2022, 12, 6), false));
    assertThat(dates(s)).containsExactly("2022-11-29", "2022-11-30", "2022-12-01", "2022-12-03", "2022-12-04",
        "2022-12-06");
  }

  @Test
  void twentyMeasuresLeavingAHighRiskAreaIsSevenDaysHomeIsolation() {
    Schedule s = schedule(rule("HOME_ISOLATION:7", List.of(1, 3, 5, 7), List.of(), false), "2022-11-27");
    assertThat(s.phases()).containsExactly(
        new Schedule.Phase(HOME_ISOLATION, LocalDate.of(2022, 11, 28), LocalDate.of(2022, 12, 4), false));
    assertThat(dates(s)).containsExactly("2022-11-28", "2022-11-30", "2022-12-02", "2022-12-04");
  }

  @Test
  void tenMeasuresCloseContactIsFiveDaysHomeIsolationWithOneTestOnDayFive() {
    Schedule s = schedule(rule("HOME_ISOLATION:5", List.of(5), List.of(), true), "2022-12-31");
    assertThat(s.phases()).containsExactly(
        new Schedule.Phase(HOME_ISOLATION, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 5), false));
    assertThat(dates(s)).containsExactly("2023-01-05");
  }

  @Test
  void whatLiesInThePastWhenTheOrderIsMadeIsSkippedNeverShifted() {
    RuleSet.Rule v9 = rule("CENTRALIZED:7,HOME_MONITORING:3", List.of(1, 2, 3, 5, 7, 10), List.of(), false);
    // made on day 8 (anchor 2022-07-01, today 2022-07-09): the centralized phase is over
    Schedule s = Schedule.of(v9, LocalDate.of(2022, 7, 1), LocalDate.of(2022, 7, 9));
    assertThat(s.phases()).extracting(Schedule.Phase::skipped).containsExactly(true, false);
    assertThat(s.phases().get(1).startDate()).isEqualTo("2022-07-09");
    assertThat(s.tests()).extracting(Schedule.Test::skipped).containsExactly(true, true, true, true, true, false);
    assertThat(dates(s)).containsExactly("2022-07-02", "2022-07-03", "2022-07-04", "2022-07-06", "2022-07-08",
        "2022-07-11");
    // a test falling today is not in the past
    Schedule sameDay = Schedule.of(v9, LocalDate.of(2022, 7, 1), LocalDate.of(2022, 7, 2));
    assertThat(sameDay.tests().get(0).skipped()).isFalse();
    assertThat(sameDay.phases().get(0).skipped()).isFalse();
  }
}
