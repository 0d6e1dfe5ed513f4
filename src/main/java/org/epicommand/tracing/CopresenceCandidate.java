package org.epicommand.tracing;

import java.time.OffsetDateTime;

/**
 * A person scanned at a venue of the case's trajectory around the case's visit: a candidate
 * contact, PROPOSED until an investigator confirms it (then {@code contactId}) or dismisses it.
 */
public record CopresenceCandidate(String id, String investigationId, String entryId, String personId,
    String personName, String venueCode, OffsetDateTime firstScanAt, OffsetDateTime lastScanAt, int scans,
    State state, String contactId) {

  public enum State { PROPOSED, CONFIRMED, DISMISSED }
}
