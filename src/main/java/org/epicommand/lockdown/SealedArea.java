package org.epicommand.lockdown;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A sealed (封控区) or controlled (管控区) area: its division (and, when named, the buildings of it that
 * are sealed), the risk area it stands on, its window and its state, with its counts.
 */
public record SealedArea(UUID id, String name, Kind kind, State state, UUID riskAreaId, String jurisdictionCode,
    String jurisdictionName, List<Integer> buildings, Instant startsAt, Instant endsAt, String note,
    Instant activatedAt, Instant closedAt, String closeReason, long posts, long openRequests, long gaps) {

  /** 封控区 (nobody leaves the home) or 管控区 (nobody leaves the compound). */
  public enum Kind { SEALED, CONTROLLED }

  /** DECLARED → ACTIVE → LIFTED; DECLARED → CANCELLED. */
  public enum State { DECLARED, ACTIVE, LIFTED, CANCELLED }

  /** An area to declare. */
  public record New(String name, Kind kind, String jurisdictionCode, List<Integer> buildings, UUID riskAreaId,
      OffsetDateTime startsAt, OffsetDateTime endsAt, String note) {}

  /** Why an area is lifted or cancelled. */
  public record Closing(String reason) {}
}
