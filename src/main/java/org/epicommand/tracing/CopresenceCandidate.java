package org.epicommand.tracing;

import java.time.OffsetDateTime;

/**
 * A person scanned at a venue of the case's trajectory around the case's visit: a candidate
 * contact, PROPOSED until an investigator confirms it (then {@code contactId}) or dismisses it. A
 * person outside the reader's jurisdiction is "辖区外人员" ({@code outsideScope}): no id, name, venue
 * or scan times — those who hold the person's jurisdiction decide on them.
 */
public record CopresenceCandidate(String id, String investigationId, String entryId, String personId,
    String personName, String venueCode, OffsetDateTime firstScanAt, OffsetDateTime lastScanAt, int scans,
    State state, String contactId, boolean outsideScope) {

  public enum State { PROPOSED, CONFIRMED, DISMISSED }

  /** The candidate as a reader outside the person's jurisdiction sees it. */
  CopresenceCandidate outside() {
    return new CopresenceCandidate(id, investigationId, entryId, null, null, null, null, null, scans, state, null,
        true);
  }
}
