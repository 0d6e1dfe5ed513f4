package org.epicommand.quarantine;

import java.util.List;

/** A room and who is in it now. */
public record QuarantineRoom(String id, String siteId, String zone, String number, RoomState state,
    List<Occupant> occupants) {

  public record Occupant(String orderId, String personName) {}
}
