package org.epicommand.labtest;

import java.time.Instant;
import java.util.List;

/**
 * Members of groups that require single tubes found in pools by a stored batch of the {@code tubes} import (the
 * tubes are valid and stored): once per batch, again when the same rows are imported again.
 */
public record SingleTubeMembersPooled(List<Pooled> members) {

  /** One member in one pool, of one group. */
  public record Pooled(String personId, String groupCode, String barcode, Instant collectedAt) {}
}
