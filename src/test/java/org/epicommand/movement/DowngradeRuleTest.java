package org.epicommand.movement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.epicommand.quarantine.RiskLevel;
import org.epicommand.quarantine.RuleSet;
import org.junit.jupiter.api.Test;

/**
 * Downgrade proposals exactly on their day (docs/domain.md §8), across month and year boundaries, with the
 * levels and days of the rule set (the seeded values are checked against the API in RuleSetEditionTest).
 */
class DowngradeRuleTest {

  static final List<RiskLevel> THREE = List.of(RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.LOW);
  static final List<RiskLevel> TWO = List.of(RiskLevel.HIGH, RiskLevel.LOW);
  static final DowngradeRule ED9 = new DowngradeRule("V9", THREE, new RuleSet.DowngradeDays(7, 7, 3, null));
  static final DowngradeRule TWENTY = new DowngradeRule("TWENTY_MEASURES", TWO,
      new RuleSet.DowngradeDays(null, null, null, 5));

  @Test
  void edition9HighComesDownToMediumOnTheSeventhQuietDayAcrossTheYearEnd() {
    LocalDate since = LocalDate.of(2022, 12, 20);
    LocalDate lastCase = LocalDate.of(2022, 12, 27);
    // day 0 = 27 Dec; day 6 = 2 Jan: no; day 7 = 3 Jan: yes
    assertThat(ED9.proposal(RiskLevel.HIGH, false, since, lastCase, LocalDate.of(2023, 1, 2))).isEmpty();
    assertThat(ED9.proposal(RiskLevel.HIGH, false, since, lastCase, LocalDate.of(2023, 1, 3)))
        .contains(RiskLevel.MEDIUM);
  }

  @Test
  void edition9MediumComesDownToLowAfterSevenDaysAcrossAMonthEnd() {
    LocalDate since = LocalDate.of(2022, 7, 28);
    // no new case since designation: day 0 = 28 Jul; day 6 = 3 Aug; day 7 = 4 Aug
    assertThat(ED9.proposal(RiskLevel.MEDIUM, false, since, null, LocalDate.of(2022, 8, 3))).isEmpty();
    assertThat(ED9.proposal(RiskLevel.MEDIUM, false, since, null, LocalDate.of(2022, 8, 4))).contains(RiskLevel.LOW);
  }

  @Test
  void edition9MediumThatCameDownFromHighNeedsOnlyThreeDays() {
    LocalDate since = LocalDate.of(2022, 2, 27); // 2022 is not a leap year: day 3 is 2 March
    assertThat(ED9.proposal(RiskLevel.MEDIUM, true, since, LocalDate.of(2022, 2, 10), LocalDate.of(2022, 3, 1)))
        .isEmpty();
    assertThat(ED9.proposal(RiskLevel.MEDIUM, true, since, LocalDate.of(2022, 2, 10), LocalDate.of(2022, 3, 2)))
        .contains(RiskLevel.LOW);
    // the same area not come down from HIGH still needs 7 days
    assertThat(ED9.proposal(RiskLevel.MEDIUM, false, since, null, LocalDate.of(2022, 3, 2))).isEmpty();
    assertThat(ED9.proposal(RiskLevel.MEDIUM, false, since, null, LocalDate.of(2022, 3, 6))).contains(RiskLevel.LOW);
  }

  @Test
  void aNewInfectionAfterTheLevelStartedRestartsTheCount() {
    LocalDate since = LocalDate.of(2022, 8, 1);
    LocalDate lastCase = LocalDate.of(2022, 8, 30);
    assertThat(ED9.proposal(RiskLevel.HIGH, false, since, lastCase, LocalDate.of(2022, 9, 5))).isEmpty();
    assertThat(ED9.proposal(RiskLevel.HIGH, false, since, lastCase, LocalDate.of(2022, 9, 6)))
        .contains(RiskLevel.MEDIUM);
  }

  @Test
  void twentyMeasuresHighComesDownToLowOnTheFifthQuietDay() {
    LocalDate since = LocalDate.of(2022, 11, 20);
    LocalDate lastCase = LocalDate.of(2022, 11, 28);
    // day 4 = 2 Dec: no; day 5 = 3 Dec: yes
    assertThat(TWENTY.proposal(RiskLevel.HIGH, false, since, lastCase, LocalDate.of(2022, 12, 2))).isEmpty();
    assertThat(TWENTY.proposal(RiskLevel.HIGH, false, since, lastCase, LocalDate.of(2022, 12, 3)))
        .contains(RiskLevel.LOW);
    assertThat(TWENTY.proposal(RiskLevel.HIGH, false, LocalDate.of(2022, 12, 29), null, LocalDate.of(2023, 1, 2)))
        .isEmpty();
    assertThat(TWENTY.proposal(RiskLevel.HIGH, false, LocalDate.of(2022, 12, 29), null, LocalDate.of(2023, 1, 3)))
        .contains(RiskLevel.LOW);
  }

  @Test
  void lowStaysLowAndAMediumAreaLeftFromAnEarlierEditionComesDownAtOnceUnderTwoLevels() {
    assertThat(ED9.proposal(RiskLevel.LOW, false, LocalDate.of(2022, 1, 1), null, LocalDate.of(2022, 6, 1))).isEmpty();
    assertThat(TWENTY.proposal(RiskLevel.LOW, false, LocalDate.of(2022, 1, 1), null, LocalDate.of(2022, 6, 1)))
        .isEmpty();
    LocalDate since = LocalDate.of(2022, 11, 10);
    assertThat(TWENTY.proposal(RiskLevel.MEDIUM, false, since, since, since)).contains(RiskLevel.LOW);
  }

  @Test
  void aCustomEditionUsesItsOwnDays() {
    // three levels with 10 / 6 / 2 days
    DowngradeRule custom = new DowngradeRule("CITY_2023", THREE, new RuleSet.DowngradeDays(10, 6, 2, null));
    LocalDate since = LocalDate.of(2023, 1, 1);
    assertThat(custom.proposal(RiskLevel.HIGH, false, since, null, LocalDate.of(2023, 1, 10))).isEmpty();
    assertThat(custom.proposal(RiskLevel.HIGH, false, since, null, LocalDate.of(2023, 1, 11)))
        .contains(RiskLevel.MEDIUM);
    assertThat(custom.proposal(RiskLevel.MEDIUM, false, since, null, LocalDate.of(2023, 1, 6))).isEmpty();
    assertThat(custom.proposal(RiskLevel.MEDIUM, false, since, null, LocalDate.of(2023, 1, 7))).contains(RiskLevel.LOW);
    assertThat(custom.proposal(RiskLevel.MEDIUM, true, since, null, LocalDate.of(2023, 1, 2))).isEmpty();
    assertThat(custom.proposal(RiskLevel.MEDIUM, true, since, null, LocalDate.of(2023, 1, 3))).contains(RiskLevel.LOW);
    // two levels with 3 days
    DowngradeRule shortTwo = new DowngradeRule("CITY_FAST", TWO, new RuleSet.DowngradeDays(null, null, null, 3));
    assertThat(shortTwo.proposal(RiskLevel.HIGH, false, since, null, LocalDate.of(2023, 1, 3))).isEmpty();
    assertThat(shortTwo.proposal(RiskLevel.HIGH, false, since, null, LocalDate.of(2023, 1, 4))).contains(RiskLevel.LOW);
  }
}
