package org.epicommand.quarantine;

import java.util.List;
import java.util.Map;

/** A site (集中隔离点) with its zones and how many rooms are in each state. */
public record QuarantineSite(String id, String code, String name, String address, String jurisdictionCode,
    List<Zone> zones, Map<RoomState, Integer> rooms) {

  public record Zone(String id, String name, ZoneKind kind) {}
}
