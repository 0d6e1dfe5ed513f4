package org.epicommand.enterprise;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.epicommand.person.IdType;

/**
 * A 返岗 staff member on an organisation's ledger, the document and phone masked unless the reader may see
 * them; {@code cleared}: not under an open quarantine order (derived by the platform, never edited).
 */
public record StaffMember(String id, String organisationId, String name, IdType idType, String idNumber, String phone,
    String post, boolean keyPost, String returnedFrom, LocalDate returnedOn, String travelNote, Health health,
    boolean onDuty, boolean cleared, OffsetDateTime exposedAt, OffsetDateTime updatedAt) {}
