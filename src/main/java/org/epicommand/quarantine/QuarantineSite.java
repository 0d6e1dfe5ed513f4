package org.epicommand.quarantine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A site (集中隔离点) with its contact, capacity notes, status, zones, how many rooms are in each state and
 * where it lies (WGS-84, both or neither).
 */
public record QuarantineSite(String id, String code, String name, String address, String jurisdictionCode,
    String contactName, String contactPhone, String capacityNotes, SiteStatus status, Instant retiredAt,
    List<Zone> zones, Map<RoomState, Integer> rooms, Double lat, Double lon) {

  public record Zone(String id, String name, ZoneKind kind) {}

  public boolean active() {
    return status == SiteStatus.ACTIVE;
  }
}
