package org.epicommand.screening;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A reported gathering (报备): kind, organiser, place, date, expected attendees and measures, the
 * policy rule that applied when it was reported, its state and follow-up notes.
 */
public record Gathering(UUID id, Kind kind, String organiserName, UUID organiserPersonId, String organiserPhone,
    String place, String jurisdictionCode, String jurisdictionName, LocalDate heldOn, int attendees, String measures,
    State state, Rule rule, String decisionNote, Integer actualAttendees, Instant reportedAt,
    String reportedBy, List<FollowUp> followUps) {

  public enum Kind { WEDDING, FUNERAL, BANQUET, BIRTHDAY, TEMPLE_FAIR, MARKET_DAY, PERFORMANCE, RELIGIOUS, OTHER }

  /**
   * REPORTED → APPROVED | ADVISED_TO_POSTPONE | REJECTED; APPROVED → HELD; HELD, ADVISED_TO_POSTPONE,
   * REJECTED and VIOLATION (held without report) → CLOSED.
   */
  public enum State { REPORTED, APPROVED, ADVISED_TO_POSTPONE, REJECTED, HELD, VIOLATION, CLOSED }

  /** What the policy says of a kind: ALLOWED, REPORT_REQUIRED above N attendees, APPROVAL_REQUIRED, BANNED. */
  public enum Rule { ALLOWED, REPORT_REQUIRED, APPROVAL_REQUIRED, BANNED }

  /**
   * A gathering to report. {@code unreported}: found by a visit or a tip-off after the fact — stored
   * as a VIOLATION (its date may lie in the past).
   */
  public record New(Kind kind, String organiserName, UUID organiserPersonId, String organiserPhone, String place,
      String jurisdictionCode, LocalDate heldOn, Integer attendees, String measures, Boolean unreported) {}

  /** A decision or a follow-up note; {@code actualAttendees} when it was held. */
  public record Note(String note, Integer actualAttendees) {}

  public record FollowUp(Instant at, String by, String note) {}

  /** A policy entry: for a kind in a division (and below) from a day, until a day or open. */
  public record Policy(UUID id, String jurisdictionCode, String jurisdictionName, Kind kind, Rule rule,
      Integer reportAbove, LocalDate validFrom, LocalDate validTo, String note) {}

  public record NewPolicy(String jurisdictionCode, Kind kind, Rule rule, Integer reportAbove, LocalDate validFrom,
      LocalDate validTo, String note) {}

  /** A rural market (集市) of a township: its schedule and status. */
  public record MarketDay(UUID id, String jurisdictionCode, String jurisdictionName, String name, String schedule,
      MarketStatus status, String hours, String note, Instant updatedAt) {}

  public enum MarketStatus { OPEN, REDUCED_HOURS, SUSPENDED }

  public record NewMarketDay(String jurisdictionCode, String name, String schedule, MarketStatus status, String hours,
      String note) {}
}
