package org.epicommand.lockdown;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An outing pass of a sealed household (出入证): its number, purpose, validity and outings left. */
public record OutingPass(UUID id, String number, UUID areaId, String areaName, UUID householdId, String address,
    Purpose purpose, LocalDate validFrom, LocalDate validTo, int outings, int used, State state, Instant issuedAt) {

  /** Why a member may go out. */
  public enum Purpose { MEDICAL, SHOPPING, WORK, OTHER }

  /** ACTIVE, or REVOKED (also when the area is lifted). */
  public enum State { ACTIVE, REVOKED }

  /** A pass to issue. */
  public record New(UUID householdId, Purpose purpose, LocalDate validFrom, LocalDate validTo, Integer outings) {}

  /** What a post's check answers: VALID, EXPIRED or INVALID (unknown, revoked, used up, not yet valid). */
  public enum Status { VALID, EXPIRED, INVALID }

  /** The answer of a check at a post, with the pass when one was found. */
  public record Check(Status status, String reason, OutingPass pass) {}
}
