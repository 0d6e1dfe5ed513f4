package org.epicommand.lockdown;

import java.time.Instant;
import java.util.UUID;

/** A post of a sealed area (卡口/值守点) and the shifts that staff it. */
public record Post(UUID id, UUID areaId, Kind kind, String name, State state, int personsPerShift, Instant createdAt,
    Instant endedAt) {

  /** What the post does. */
  public enum Kind { GATE, BUILDING, SAMPLING, DELIVERY, MEDICAL_LIAISON, DISINFECTION }

  /** ACTIVE until ended (also when the area is lifted). */
  public enum State { ACTIVE, ENDED }

  /** A post to open. */
  public record New(Kind kind, String name) {}

  /** A shift of a worker of the pool at a post. */
  public record Shift(UUID id, UUID postId, String postName, UUID workerId, String workerName, String workerPhone,
      Instant startsAt, Instant endsAt, ShiftState state, Instant checkedInAt) {}

  /** ASSIGNED (checked in or not), CANCELLED, or ENDED with the area. */
  public enum ShiftState { ASSIGNED, CANCELLED, ENDED }

  /** A shift to assign. */
  public record NewShift(UUID workerId, java.time.OffsetDateTime startsAt, java.time.OffsetDateTime endsAt) {}

  /** A shift window of the next 24 h at a post staffed below the standard: who is missing how many. */
  public record Gap(UUID postId, String postName, Kind kind, Instant from, Instant to, int required, int assigned) {

    public int missing() {
      return Math.max(0, required - assigned);
    }
  }
}
