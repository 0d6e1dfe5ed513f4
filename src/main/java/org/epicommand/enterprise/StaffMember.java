package org.epicommand.enterprise;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.epicommand.person.IdType;

/**
 * A 返岗 staff member on an organisation's ledger, the document and phone masked unless the reader may see
 * them; {@code cleared}: not under an open quarantine order and not blocked from duty by their key group
 * (derived by the platform, never edited). {@code blockedFromDutyAt}: since when their key group blocks them from
 * duty (no negative within {@code blockedDays} days), null when it does not.
 */
public record StaffMember(String id, String organisationId, String name, IdType idType, String idNumber, String phone,
    String post, boolean keyPost, String returnedFrom, LocalDate returnedOn, String travelNote, Health health,
    boolean onDuty, boolean cleared, OffsetDateTime exposedAt, OffsetDateTime updatedAt,
    OffsetDateTime blockedFromDutyAt, Integer blockedDays) {}
