package org.epicommand.lockdown;

import java.time.Instant;
import java.util.UUID;

/**
 * A sealed household's request for a service (medicine, groceries, medical care …): its household and
 * address, its deadline by the need's service level, who handles it and how it ended; {@code priority}
 * when a vulnerable person of the area's register lives in the household (served first).
 */
public record ServiceRequest(UUID id, UUID areaId, String areaName, UUID householdId, String address, Need need,
    String detail, String phone, State state, Instant requestedAt, Instant dueAt, boolean overdue, String assignee,
    Instant assignedAt, Instant closedAt, String closeNote, boolean priority) {

  /** What the household needs. */
  public enum Need { GROCERIES, MEDICINE, MEDICAL, GARBAGE, PET, OTHER }

  /** REQUESTED → ASSIGNED → DELIVERED | REFERRED | CANCELLED. */
  public enum State { REQUESTED, ASSIGNED, DELIVERED, REFERRED, CANCELLED }

  /** A request to record. */
  public record New(UUID householdId, Need need, String detail, String phone) {}

  /** Who takes it up (a username; blank: the caller). */
  public record Assignment(String assignee) {}

  /** How it ended: DELIVERED, REFERRED or CANCELLED, with a note. */
  public record Outcome(State state, String note) {}
}
