package org.epicommand.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A vulnerable person of the special-needs ledger (重点人群台账) of a community: who (a person of the
 * registry, or a member of a household named as a sealed area's staff typed it), what they need, the
 * due date of a pregnancy, the care provider, a phone and a note; {@code areaId} names the sealed area
 * whose staff registered the person, if any. Removing keeps the entry ({@code REMOVED}).
 */
public record SpecialNeed(String id, String personId, String name, String householdId, String address, Need need,
    LocalDate dueDate, String careProvider, String phone, String note, State state, String jurisdictionCode,
    String areaId, Instant createdAt, Instant removedAt) {

  /** What makes the person vulnerable. */
  public enum Need { DIALYSIS, CHEMOTHERAPY, PREGNANCY, CHRONIC_MEDICATION, DISABILITY, ELDERLY_ALONE, MENTAL_HEALTH }

  /** ACTIVE on the ledger, or REMOVED (kept). */
  public enum State { ACTIVE, REMOVED }

  /** A person to put on the ledger: the registry person's id, need, due date (pregnancy), provider, phone, note. */
  public record New(String personId, String need, String dueDate, String careProvider, String phone, String note) {}

  /** A member of a household of a sealed area, named and checked by the area's staff (the lockdown register). */
  public record InHousehold(UUID areaId, UUID householdId, String address, String name, Need need, String note,
      String phone, String jurisdictionCode, String jurisdictionPath, String by) {}
}
