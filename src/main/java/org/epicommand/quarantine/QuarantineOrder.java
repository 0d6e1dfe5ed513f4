package org.epicommand.quarantine;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A quarantine order as the API and pages show it (docs/api.md, Contract → Quarantine): its phases and
 * test dates by the day-counting rule, computed with the rule set it names.
 */
public record QuarantineOrder(String id, String personId, String personName, String jurisdictionCode,
    String ruleSet, OrderReason reason, LocalDate anchorDate, List<PhaseView> phases, List<LocalDate> testDates,
    List<TestView> tests, LocalDate plannedEndDate, OrderState state, Regime currentRegime, String siteId,
    String source, OffsetDateTime createdAt) {

  /** {@code status}: SKIPPED (already past when the order was made), SCHEDULED, DONE. */
  public record PhaseView(int seq, Regime regime, LocalDate startDate, LocalDate endDate, PhaseStatus status) {}

  public record TestView(String id, int day, LocalDate date, boolean dualReagent, boolean extra, TestStatus status,
      String note) {}

  public enum PhaseStatus { SKIPPED, SCHEDULED, DONE }

  /** CANCELLED: still waiting when the order ended (its note says so): it will not be taken. */
  public enum TestStatus {
    SKIPPED, SCHEDULED, NEGATIVE, POSITIVE, CANCELLED;

    public boolean hasResult() {
      return this == NEGATIVE || this == POSITIVE;
    }
  }
}
