package org.epicommand.quarantine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A site (集中隔离点) with its contact, capacity notes, status, zones, how many rooms are in each state and
 * where it lies (WGS-84, both or neither); its kind, owner (requisitioned from) and readiness: how many
 * hours an activation may take, who started and who completed the last one and when it is due.
 */
public record QuarantineSite(String id, String code, String name, String address, String jurisdictionCode,
    String contactName, String contactPhone, String capacityNotes, SiteStatus status, Instant retiredAt,
    List<Zone> zones, Map<RoomState, Integer> rooms, Double lat, Double lon, SiteKind kind, String owner,
    int activationLeadHours, Activation activation) {

  public record Zone(String id, String name, ZoneKind kind) {}

  /** The last activation: started (ACTIVATING) by whom and when, due by then, completed (ACTIVE) by whom and when. */
  public record Activation(Instant startedAt, String startedBy, Instant dueAt, Instant activatedAt,
      String activatedBy, boolean overdue) {}

  /** In service: not retired (it may still be on standby). */
  public boolean active() {
    return retiredAt == null;
  }

  /** Takes people: in service and ACTIVE. */
  public boolean takesPeople() {
    return status == SiteStatus.ACTIVE;
  }

  /** Rooms that can take people once the site is active: all but those out of service. */
  public int usableRooms() {
    return rooms.entrySet().stream().filter(e -> e.getKey() != RoomState.OUT_OF_SERVICE)
        .mapToInt(Map.Entry::getValue).sum();
  }
}
