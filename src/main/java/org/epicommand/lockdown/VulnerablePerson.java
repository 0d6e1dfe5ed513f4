package org.epicommand.lockdown;

import java.time.Instant;
import java.util.UUID;

/**
 * A vulnerable person of a sealed area's register (重点人群): who, in which household, what makes them
 * vulnerable, a care note and a phone. Their household's service requests are served first.
 */
public record VulnerablePerson(UUID id, UUID areaId, UUID householdId, String address, String name,
    Category category, String note, String phone, State state, Instant createdAt, Instant removedAt) {

  /** What makes the person vulnerable (the categories of the medical-service ledger). */
  public enum Category {
    ELDERLY_ALONE, DISABILITY, CHRONIC_MEDICATION, PREGNANCY, DIALYSIS, CHEMOTHERAPY, MENTAL_HEALTH
  }

  /** ACTIVE on the register, or REMOVED (kept, no longer gives priority). */
  public enum State { ACTIVE, REMOVED }

  /** A person to put on the register. */
  public record New(UUID householdId, String name, Category category, String note, String phone) {}
}
