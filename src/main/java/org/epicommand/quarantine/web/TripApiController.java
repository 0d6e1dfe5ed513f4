package org.epicommand.quarantine.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.quarantine.Transfers;
import org.epicommand.quarantine.Trip;
import org.epicommand.quarantine.TripState;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/quarantine/trips}: closed-loop transfers. */
@RestController
@RequestMapping("/api/v1/quarantine/trips")
@Tag(name = "Quarantine")
class TripApiController {

  record PickUpRequest(List<UUID> pickedUp) {}

  record CheckInRequest(Map<UUID, UUID> rooms) {}

  private final Transfers transfers;

  TripApiController(Transfers transfers) {
    this.transfers = transfers;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyAuthority('QUARANTINE_WRITE', 'SITE_OPERATE')")
  Trip plan(@RequestBody Transfers.NewTrip request) {
    return transfers.plan(request);
  }

  @GetMapping
  @PreAuthorize("hasAuthority('QUARANTINE_READ')")
  List<Trip> recent() {
    return transfers.recent();
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('QUARANTINE_READ')")
  Trip get(@PathVariable UUID id) {
    return transfers.get(id);
  }

  @PostMapping("/{id}/dispatch")
  @PreAuthorize("hasAnyAuthority('QUARANTINE_WRITE', 'SITE_OPERATE')")
  Trip dispatch(@PathVariable UUID id) {
    return transfers.advance(id, TripState.DISPATCHED);
  }

  @Operation(summary = "Who was picked up; the trip moves to PICKED_UP")
  @PostMapping("/{id}/pick-up")
  @PreAuthorize("hasAnyAuthority('QUARANTINE_WRITE', 'SITE_OPERATE')")
  Trip pickUp(@PathVariable UUID id, @RequestBody PickUpRequest request) {
    return transfers.pickUp(id, request.pickedUp());
  }

  @PostMapping("/{id}/arrive")
  @PreAuthorize("hasAnyAuthority('QUARANTINE_WRITE', 'SITE_OPERATE')")
  Trip arrive(@PathVariable UUID id) {
    return transfers.advance(id, TripState.ARRIVED);
  }

  @Operation(summary = "Checks passengers in to rooms ({orderId: roomId}); anyone picked up and missing is an alert")
  @PostMapping("/{id}/check-in")
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  Trip checkIn(@PathVariable UUID id, @RequestBody CheckInRequest request) {
    return transfers.checkIn(id, request.rooms());
  }
}
