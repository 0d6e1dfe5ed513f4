package org.epicommand.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A case was reported (entered into the platform). {@code reportedElsewhere}: the case comes from a
 * line list of another system, which reported (and investigated) it directly. {@code countedOn}: the
 * day the case counts as reported (docs/domain.md §16, counting rules) — the day it was entered, or for
 * a line list of another system the day it was diagnosed there, else its onset day; null for a
 * line-list case with neither date (it counts in the cumulative figures only).
 */
public record CaseReported(String caseId, String personId, String jurisdictionCode, Classification classification,
    LocalDate onsetDate, OffsetDateTime reportedAt, boolean imported, DiscoveryRoute discoveryRoute,
    boolean reportedElsewhere, LocalDate countedOn) {

  /** An event of a case entered here and now: it counts on its report day. */
  public CaseReported(String caseId, String personId, String jurisdictionCode, Classification classification,
      LocalDate onsetDate, OffsetDateTime reportedAt, boolean imported, DiscoveryRoute discoveryRoute,
      boolean reportedElsewhere) {
    this(caseId, personId, jurisdictionCode, classification, onsetDate, reportedAt, imported, discoveryRoute,
        reportedElsewhere, null);
  }

  /**
   * The day the case counts as reported in the city's zone: {@code countedOn}, else (a case entered
   * here, or an event from before the field existed) the day it was entered; empty for a line-list
   * case with no date at all — a historical import never counts as today's.
   */
  public Optional<LocalDate> countedDay(ZoneId zone) {
    if (countedOn != null) {
      return Optional.of(countedOn);
    }
    return reportedElsewhere ? Optional.empty() : Optional.of(reportedAt.atZoneSameInstant(zone).toLocalDate());
  }
}
