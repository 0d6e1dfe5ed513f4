package org.epicommand.quarantine.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.quarantine.QuarantineRoom;
import org.epicommand.quarantine.QuarantineSite;
import org.epicommand.quarantine.QuarantineSites;
import org.epicommand.quarantine.RoomState;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/quarantine/sites}, rooms and the capacity standard. */
@RestController
@RequestMapping("/api/v1/quarantine")
@Tag(name = "Quarantine")
class SiteApiController {

  /** Either {@code numbers} or a numeric range {@code from}…{@code to} (at most 2,000 rooms). */
  record RoomsRequest(String zone, List<String> numbers, Integer from, Integer to) {

    List<String> expand() {
      if (numbers != null && !numbers.isEmpty()) {
        return numbers;
      }
      if (from == null || to == null || from < 0 || to < from || to - from >= 2_000) {
        throw new ValidationFailure(FieldProblem.of("numbers", "quarantine.room.numbers", 2_000));
      }
      List<String> expanded = new ArrayList<>();
      for (int n = from; n <= to; n++) {
        expanded.add(Integer.toString(n));
      }
      return expanded;
    }
  }

  record RoomStateRequest(RoomState state) {}

  private final QuarantineSites sites;

  SiteApiController(QuarantineSites sites) {
    this.sites = sites;
  }

  @Operation(summary = "Every site with its room counts; active=true: those in service, false: the retired ones")
  @GetMapping("/sites")
  @PreAuthorize("hasAuthority('QUARANTINE_READ')")
  List<QuarantineSite> sites(@RequestParam(required = false) Boolean active) {
    return sites.list(active);
  }

  @Operation(summary = "Creates a site: 400 naming the fields, 409 with existingId when the code is taken")
  @PostMapping("/sites")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  QuarantineSite create(@RequestBody QuarantineSites.NewSite request) {
    return sites.create(request);
  }

  @GetMapping("/sites/{id}")
  @PreAuthorize("hasAuthority('QUARANTINE_READ')")
  QuarantineSite site(@PathVariable UUID id) {
    return sites.site(id);
  }

  @Operation(
      summary = "Corrects a site inside the caller's jurisdiction: name, address, jurisdiction, contact, capacity notes")
  @PutMapping("/sites/{id}")
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  QuarantineSite update(@PathVariable UUID id, @RequestBody QuarantineSites.NewSite request) {
    return sites.update(id, request);
  }

  @Operation(summary = "Retires a site: its history stays, new check-ins, rooms and trips are refused (409)")
  @PostMapping("/sites/{id}/retire")
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  QuarantineSite retire(@PathVariable UUID id) {
    return sites.retire(id);
  }

  @Operation(summary = "Takes a retired site back into service")
  @PostMapping("/sites/{id}/reactivate")
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  QuarantineSite reactivate(@PathVariable UUID id) {
    return sites.reactivate(id);
  }

  @GetMapping("/sites/{id}/rooms")
  @PreAuthorize("hasAuthority('QUARANTINE_READ')")
  List<QuarantineRoom> rooms(@PathVariable UUID id, @RequestParam(required = false) RoomState state) {
    return sites.rooms(id, state);
  }

  @Operation(summary = "Adds rooms to a site: a list of numbers or a range from…to")
  @PostMapping("/sites/{id}/rooms")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  Map<String, Integer> addRooms(@PathVariable UUID id, @RequestBody RoomsRequest request) {
    return Map.of("added", sites.addRooms(id, request.zone(), request.expand()));
  }

  @Operation(summary = "A site manager's move of a room: DISINFECTING → FREE, FREE ⇄ OUT_OF_SERVICE")
  @PostMapping("/rooms/{id}/state")
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  QuarantineRoom roomState(@PathVariable UUID id, @RequestBody RoomStateRequest request) {
    return sites.setRoomState(id, request.state());
  }

  @Operation(summary = "Rooms per district against the standard of 20 rooms per 10,000 residents")
  @GetMapping("/capacity")
  @PreAuthorize("hasAuthority('QUARANTINE_READ')")
  List<QuarantineSites.DistrictCapacity> capacity() {
    return sites.capacity();
  }
}
