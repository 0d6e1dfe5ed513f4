package org.epicommand.labtest.internal;

import java.time.Instant;
import java.util.UUID;

/** A stored sampling site or lab: its code, data, where it lies, whether retired, and the import line that last wrote
 * it. */
public record PlaceRow(PlaceKind kind, long id, String code, PlaceData data, String jurisdictionPath, Instant retiredAt,
    UUID sourceImportId, Integer sourceLine) {

  public boolean retired() {
    return retiredAt != null;
  }
}
