package org.epicommand.screening;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A screening round (e.g. 第二轮大排查) as the caller sees it: its scope, window and state, and the
 * figures inside the caller's jurisdiction — target households and sites (organisations, construction
 * sites, rentals), those with a documented outcome, the coverage over both in percent (one decimal; null
 * before the round starts) and the leaflets delivered (publicity reach).
 */
public record ScreeningRound(UUID id, String name, State state, List<String> scopeCodes, Instant startsAt,
    Instant endsAt, List<Target> targets, int questionnaireVersion, long households, long documented,
    Double coverage, Boolean closedComplete, long sites, long sitesDocumented, long leaflets) {

  /** PLANNED → RUNNING → CLOSED; visits only while RUNNING. */
  public enum State { PLANNED, RUNNING, CLOSED }

  /**
   * What a round screens: households from the registry, organisations and construction sites from the
   * organisation directory (and as found), rentals as found.
   */
  public enum Target { HOUSEHOLDS, ORGANISATIONS, RENTALS, CONSTRUCTION_SITES }

  /** A round to launch. */
  public record New(String name, List<String> scopeCodes, java.time.OffsetDateTime startsAt,
      java.time.OffsetDateTime endsAt, List<Target> targets) {}

  /**
   * Coverage of one division: target households, documented outcomes, coverage % over households and
   * sites, residents and persons seen, target and documented sites, leaflets delivered (publicity reach)
   * and vulnerable members found.
   */
  public record Coverage(String jurisdictionCode, String jurisdictionName, long households, long documented,
      long allSeen, long nobodyHome, Double coverage, long residents, long personsSeen, long sites,
      long sitesDocumented, long leaflets, long vulnerable) {}

  /** A community of the round and the grid worker it is assigned to (null: nobody yet). */
  public record Assignment(String jurisdictionCode, String jurisdictionName, String username, Instant assignedAt) {}

  /**
   * A household of the round: where it is, how many are registered, and its visit so far (null
   * outcome: never visited); {@code revisitDue} for NOBODY_HOME.
   */
  public record Household(UUID householdId, String address, String jurisdictionCode, Integer building, Integer unit,
      int residents, UUID visitId, Visit.Outcome outcome, Instant visitedAt, Instant revisitDueAt, String assignee) {}
}
