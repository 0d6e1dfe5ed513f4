package org.epicommand.quarantine;

import java.time.OffsetDateTime;
import java.util.List;

/** A transfer trip with its passengers. */
public record Trip(String id, String vehicle, String driver, String escort, String destinationSiteId,
    TripState state, OffsetDateTime plannedAt, OffsetDateTime dispatchedAt, OffsetDateTime pickedUpAt,
    OffsetDateTime arrivedAt, OffsetDateTime checkedInAt, List<Passenger> passengers) {

  public record Passenger(String orderId, String personName, boolean pickedUp, OffsetDateTime checkedInAt) {}
}
