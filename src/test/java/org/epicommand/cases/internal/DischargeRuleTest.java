package org.epicommand.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.epicommand.cases.CaseTest;
import org.epicommand.cases.TestResult;
import org.junit.jupiter.api.Test;

class DischargeRuleTest {

  static final OffsetDateTime T0 = OffsetDateTime.parse("2022-11-01T08:00:00+08:00");

  static CaseTest test(int hours, TestResult result, Double orf, Double n) {
    BigDecimal o = orf == null ? null : BigDecimal.valueOf(orf);
    BigDecimal ct = n == null ? null : BigDecimal.valueOf(n);
    return new CaseTest("t" + hours, T0.plusHours(hours), result, o, ct, DischargeRule.qualifies(result, o, ct));
  }

  @Test
  void ctOf35OnBothTargetsCountsAsNegativeAndOneTargetBelowDoesNot() {
    assertThat(DischargeRule.qualifies(TestResult.POSITIVE, BigDecimal.valueOf(35), BigDecimal.valueOf(35))).isTrue();
    assertThat(DischargeRule.qualifies(TestResult.NEGATIVE, BigDecimal.valueOf(34.9), BigDecimal.valueOf(38)))
        .isFalse();
    assertThat(DischargeRule.qualifies(TestResult.NEGATIVE, null, null)).isTrue();
    assertThat(DischargeRule.qualifies(TestResult.INVALID, null, null)).isFalse();
    assertThat(DischargeRule.positive(TestResult.POSITIVE, BigDecimal.valueOf(30), BigDecimal.valueOf(31))).isTrue();
    assertThat(DischargeRule.positive(TestResult.POSITIVE, BigDecimal.valueOf(36), BigDecimal.valueOf(37))).isFalse();
  }

  @Test
  void theLastTwoValidTestsMustQualifyAndLieAtLeast24HoursApart() {
    assertThat(DischargeRule.met(List.of(test(0, TestResult.NEGATIVE, null, null)))).isFalse();
    assertThat(DischargeRule.met(List.of(test(0, TestResult.NEGATIVE, null, null),
        test(23, TestResult.NEGATIVE, null, null)))).isFalse();
    assertThat(DischargeRule.met(List.of(test(0, TestResult.NEGATIVE, null, null),
        test(24, TestResult.NEGATIVE, null, null)))).isTrue();
    // an invalid result in between neither breaks nor counts
    assertThat(DischargeRule.met(List.of(test(0, TestResult.NEGATIVE, null, null),
        test(10, TestResult.INVALID, null, null), test(30, TestResult.POSITIVE, 36.0, 35.5)))).isTrue();
    // a positive last test resets the count
    assertThat(DischargeRule.met(List.of(test(0, TestResult.NEGATIVE, null, null),
        test(30, TestResult.NEGATIVE, null, null), test(60, TestResult.POSITIVE, 30.0, 31.0)))).isFalse();
  }
}
