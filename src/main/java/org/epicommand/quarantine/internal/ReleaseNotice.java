package org.epicommand.quarantine.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * What a release notice (解除隔离告知书) says, already in words: labels in Chinese, the document number masked.
 *
 * @param reasonLabel the reason of the order as a Chinese label (e.g. 密切接触者)
 * @param phases the phases as carried out, in order
 * @param tests the order's tests with their results as labels (e.g. 阴性)
 */
public record ReleaseNotice(String personName, String maskedIdNumber, String orderId, String reasonLabel,
    String ruleSetName, LocalDate anchorDate, List<Phase> phases, List<TestResult> tests, LocalDate releaseDate,
    String issuingUnit, String cityName) {

  /** One phase: the regime as a label (e.g. 集中隔离医学观察), first and last day inclusive. */
  public record Phase(String regimeLabel, LocalDate start, LocalDate end) {}

  /** One test: its date and its result as a label. */
  public record TestResult(LocalDate date, String resultLabel) {}

  public ReleaseNotice {
    phases = phases == null ? List.of() : List.copyOf(phases);
    tests = tests == null ? List.of() : List.copyOf(tests);
  }
}
