package org.epicommand.treatment;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One line of a case's consultation log (会诊记录): the day the expert team consulted, what it found and
 * the plan, under the team assigned to the case at the time.
 */
public record Consultation(String id, String caseId, String teamId, String teamName, LocalDate date, String summary,
    String plan, String recordedBy, OffsetDateTime recordedAt) {

  /** A consultation to record: the date ({@code yyyy-MM-dd}, default today, not in the future), summary, plan. */
  public record New(String date, String summary, String plan) {}
}
