package org.epicommand.sentinel.internal;

import java.time.OffsetDateTime;
import org.epicommand.sentinel.ClinicDeadline;

/**
 * The deadline a clinic visit waits on (sentinel.md, clinic visit rules): without a tube and without a report
 * to the township it must be sampled or reported within the report window of the visit; with a tube its result
 * is due within the result window of the sampling; a result, a report or the end of 留观 (the patient sent home,
 * admitted, transferred or referred up) ends the clinic's part.
 */
public final class VisitDeadlines {

  /** The deadline, its due time and whether {@code now} is past it; {@code NONE} when nothing is awaited. */
  public record Due(ClinicDeadline deadline, OffsetDateTime dueAt, boolean overdue) {
    static final Due NONE = new Due(null, null, false);
  }

  private final SentinelProperties properties;

  public VisitDeadlines(SentinelProperties properties) {
    this.properties = properties;
  }

  public Due of(OffsetDateTime visitedAt, OffsetDateTime sampledAt, OffsetDateTime reportedAt, String result,
      OffsetDateTime now) {
    return of(visitedAt, sampledAt, reportedAt, null, result, now);
  }

  /** As {@link #of(OffsetDateTime, OffsetDateTime, OffsetDateTime, String, OffsetDateTime)}; an ended observation
   * awaits nothing more. */
  public Due of(OffsetDateTime visitedAt, OffsetDateTime sampledAt, OffsetDateTime reportedAt,
      OffsetDateTime observationEndedAt, String result, OffsetDateTime now) {
    if (result != null || observationEndedAt != null) {
      return Due.NONE;
    }
    if (sampledAt != null) {
      OffsetDateTime due = sampledAt.plus(properties.clinicResultWindow());
      return new Due(ClinicDeadline.RESULT, due, now.isAfter(due));
    }
    if (reportedAt != null) {
      return Due.NONE;
    }
    OffsetDateTime due = visitedAt.plus(properties.clinicReportWindow());
    return new Due(ClinicDeadline.SAMPLE_OR_REPORT, due, now.isAfter(due));
  }

  /** SQL predicate on {@code sentinel_clinic_visit v}, overdue: two positional parameters, the
   * {@linkplain #resultCut result cut-off} then the {@linkplain #reportCut report cut-off}. */
  public static final String OVERDUE = """
      v.result is null and v.observation_ended_at is null and ((v.sampled_at is not null and v.sampled_at < ?)
        or (v.sampled_at is null and v.reported_at is null and v.visited_at < ?))""";

  public OffsetDateTime reportCut(OffsetDateTime now) {
    return now.minus(properties.clinicReportWindow());
  }

  public OffsetDateTime resultCut(OffsetDateTime now) {
    return now.minus(properties.clinicResultWindow());
  }
}
