package org.epicommand.movement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.epicommand.quarantine.RiskLevel;

/** An area with its boundary, its proposals and every change made to it, oldest first. */
public record RiskAreaHistory(RiskArea area, String boundary, LocalDate levelSince, boolean cameFromHigh,
    List<Proposal> proposals, List<Event> events) {

  /** A downgrade proposal: {@code PROPOSED → APPROVED}, or {@code WITHDRAWN} by a new infection. */
  public record Proposal(String id, RiskLevel fromLevel, RiskLevel toLevel, String ruleSet, LocalDate proposedFor,
      String state, String notice, OffsetDateTime proposedAt, OffsetDateTime decidedAt, String decidedBy) {}

  /** One entry of the history: designation, new infection (counted or found under control), proposal, approval. */
  public record Event(OffsetDateTime at, String username, String kind, LocalDate day, RiskLevel fromLevel,
      RiskLevel toLevel, String detail) {}
}
