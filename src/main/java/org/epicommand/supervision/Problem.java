package org.epicommand.supervision;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A problem item. {@code overdue}: the deadline has passed (by the city's day) and it is not yet
 * verified or closed. {@code photos} and {@code history} are filled in the detail only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String id, String visitId, ProblemCategory category, Severity severity, String description,
    String unitCode, String unitName, LocalDate deadline, ProblemState state, boolean overdue, boolean fixedOnSpot,
    int rejections, String foundBy, OffsetDateTime foundAt, OffsetDateTime verifiedAt, OffsetDateTime closedAt,
    List<Photo> photos, List<HistoryEntry> history) {

  /** A photo's metadata; the bytes come from {@code /api/v1/problems/{id}/photos/{photoId}}. */
  public record Photo(String id, PhotoKind kind, String contentType, long sizeBytes, String uploadedBy,
      OffsetDateTime uploadedAt) {}

  /** One step of the lifecycle: who moved it from which state to which, and why. */
  public record HistoryEntry(String action, ProblemState fromState, ProblemState toState, String username,
      String note, OffsetDateTime at) {}

  public Problem withDetail(List<Photo> photos, List<HistoryEntry> history) {
    return new Problem(id, visitId, category, severity, description, unitCode, unitName, deadline, state, overdue,
        fixedOnSpot, rejections, foundBy, foundAt, verifiedAt, closedAt, photos, history);
  }
}
