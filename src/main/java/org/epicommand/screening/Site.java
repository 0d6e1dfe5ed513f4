package org.epicommand.screening;

import java.time.Instant;
import java.util.UUID;

/**
 * A place a round screens besides the households (入单位): an organisation of the directory, a
 * construction site, or a rental (出租屋) — taken from the organisation directory when the round starts,
 * or added by the worker who finds it — with its visit so far (null outcome: never visited).
 */
public record Site(UUID id, UUID roundId, Kind kind, String organisationId, String creditCode, String name,
    String address, String jurisdictionCode, String jurisdictionName, int headcount, String contactName,
    String contactPhone, UUID visitId, SiteVisit.Outcome outcome, Instant visitedAt, Instant revisitDueAt,
    String assignee) {

  /** What the site is; each is screened only when the round targets it. */
  public enum Kind {
    ORGANISATION(ScreeningRound.Target.ORGANISATIONS),
    CONSTRUCTION_SITE(ScreeningRound.Target.CONSTRUCTION_SITES),
    RENTAL(ScreeningRound.Target.RENTALS);

    private final ScreeningRound.Target target;

    Kind(ScreeningRound.Target target) {
      this.target = target;
    }

    /** The round target that covers this kind. */
    public ScreeningRound.Target target() {
      return target;
    }
  }

  /**
   * A rental or a construction site found in the field: its name (e.g. the landlord's 出租屋 or the
   * project), address, division (a community inside the round and the caller's jurisdiction), how many
   * live or work there, and its contact.
   */
  public record New(Kind kind, String name, String address, String jurisdictionCode, Integer headcount,
      String contactName, String contactPhone) {}
}
