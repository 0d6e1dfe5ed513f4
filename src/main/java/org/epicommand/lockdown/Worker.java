package org.epicommand.lockdown;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A person of the manpower pool (人力池): where they come from, their unit and skills, when available, and
 * the account they sign in with to see their own shifts and deliveries (a volunteer's; may be null).
 */
public record Worker(UUID id, String name, String phone, Source source, String homeUnit, String skills,
    LocalDate availableFrom, LocalDate availableTo, String jurisdictionCode, State state, String username) {

  /** Where the person comes from. */
  public enum Source {
    CADRE_SINKING, COMMUNITY_WORKER, VOLUNTEER, POLICE, SAMPLER, MEDICAL, SECURITY, DELIVERY, PROPERTY_STAFF
  }

  /** ACTIVE in the pool, or RETIRED (kept, no new shifts). */
  public enum State { ACTIVE, RETIRED }

  /** A person to register in the pool (jurisdiction: default the caller's; username: their account, optional). */
  public record New(String name, String phone, Source source, String homeUnit, String skills,
      LocalDate availableFrom, LocalDate availableTo, String jurisdictionCode, String username) {}
}
