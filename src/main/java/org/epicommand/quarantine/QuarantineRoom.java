package org.epicommand.quarantine;

import java.util.List;

/** A room and who is in it now. */
public record QuarantineRoom(String id, String siteId, String zone, String number, RoomState state,
    List<Occupant> occupants) {

  /**
   * A person in the room: their order and name when the reader works on that order, else only
   * "辖区外人员" ({@code outsideScope}) — the room is taken, by whom is not the reader's to know.
   */
  public record Occupant(String orderId, String personName, boolean outsideScope) {}
}
