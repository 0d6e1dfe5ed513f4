package org.epicommand.cases.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.epicommand.cases.CaseTest;
import org.epicommand.cases.TestResult;

/**
 * The discharge rule (诊疗方案 ed. 9): the last two consecutive tests, sampled at least 24 hours
 * apart, both with ORF1ab and N Ct ≥ 35 or negative. Positive means Ct &lt; 35 (docs/domain.md §7); a value
 * between 35 and 40 counts as negative for discharge but is kept.
 */
public final class DischargeRule {

  static final BigDecimal CT_THRESHOLD = BigDecimal.valueOf(35);
  static final Duration MIN_GAP = Duration.ofHours(24);
  /** Days of home health monitoring after discharge. */
  public static final int HOME_MONITORING_DAYS = 7;

  private DischargeRule() {}

  /** A result that counts towards discharge. With both Ct values given they decide; otherwise the result does. */
  public static boolean qualifies(TestResult result, BigDecimal ctOrf1ab, BigDecimal ctN) {
    if (result == TestResult.INVALID) {
      return false;
    }
    if (ctOrf1ab != null && ctN != null) {
      return ctOrf1ab.compareTo(CT_THRESHOLD) >= 0 && ctN.compareTo(CT_THRESHOLD) >= 0;
    }
    return result == TestResult.NEGATIVE;
  }

  /** A positive result: reported positive and not shown to be ≥ 35 on both targets. */
  public static boolean positive(TestResult result, BigDecimal ctOrf1ab, BigDecimal ctN) {
    return result == TestResult.POSITIVE && !qualifies(result, ctOrf1ab, ctN);
  }

  /** Whether the tests (in sampling order, INVALID ones included) allow discharge now. */
  public static boolean met(List<CaseTest> tests) {
    List<CaseTest> valid = tests.stream().filter(t -> t.result() != TestResult.INVALID).toList();
    if (valid.size() < 2) {
      return false;
    }
    CaseTest last = valid.get(valid.size() - 1);
    CaseTest before = valid.get(valid.size() - 2);
    return last.dischargeQualifying() && before.dischargeQualifying()
        && Duration.between(before.sampledAt(), last.sampledAt()).compareTo(MIN_GAP) >= 0;
  }
}
