package org.epicommand.lockdown;

import java.time.LocalDate;
import java.util.UUID;

/** A person of the manpower pool (人力池): where they come from, their unit and skills, when available. */
public record Worker(UUID id, String name, String phone, Source source, String homeUnit, String skills,
    LocalDate availableFrom, LocalDate availableTo, String jurisdictionCode, State state) {

  /** Where the person comes from. */
  public enum Source {
    CADRE_SINKING, COMMUNITY_WORKER, VOLUNTEER, POLICE, SAMPLER, MEDICAL, SECURITY, DELIVERY, PROPERTY_STAFF
  }

  /** ACTIVE in the pool, or RETIRED (kept, no new shifts). */
  public enum State { ACTIVE, RETIRED }

  /** A person to register in the pool (jurisdiction: default the caller's). */
  public record New(String name, String phone, Source source, String homeUnit, String skills,
      LocalDate availableFrom, LocalDate availableTo, String jurisdictionCode) {}
}
