package org.epicommand.enterprise.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.epicommand.enterprise.Health;
import org.epicommand.person.IdType;

/**
 * A stored staff member, as typed by the organisation, with the platform's link, quarantine flag and key-group
 * block from duty ({@code blockedAt}, with the group's blocking days).
 */
public record StaffRow(UUID id, UUID organisationId, String organisationPath, String name, IdType idType,
    String idNumber, String phone, String post, boolean keyPost, String returnedFrom, LocalDate returnedOn,
    String travelNote, Health health, boolean onDuty, UUID personId, boolean underQuarantine,
    OffsetDateTime exposedAt, OffsetDateTime updatedAt, OffsetDateTime blockedAt, Integer blockedDays) {

  /** Cleared: not under an open quarantine order and not blocked from duty by a key group. */
  public boolean cleared() {
    return !underQuarantine && blockedAt == null;
  }
}
