package org.epicommand.quarantine.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.quarantine.OrderState;
import org.epicommand.quarantine.QuarantineOrders;
import org.epicommand.quarantine.QuarantineSite;
import org.epicommand.quarantine.QuarantineSites;
import org.epicommand.quarantine.RoomState;
import org.epicommand.quarantine.Transfers;
import org.epicommand.quarantine.Trip;
import org.epicommand.quarantine.TripState;
import org.epicommand.shared.Paging;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Closed-loop transfers: plan a trip from the persons awaiting transfer, then each step with its time. */
@Controller
@RequestMapping("/quarantine/trips")
@PreAuthorize("hasAuthority('QUARANTINE_READ')")
class TripPageController implements QuarantinePages.Page {

  record TripForm(String vehicle, String driver, String escort, UUID destinationSiteId, List<UUID> orderIds) {}

  private static final String MOVE = "hasAnyAuthority('QUARANTINE_WRITE', 'SITE_OPERATE')";
  private static final String TRIPS = "/quarantine/trips";

  private final Transfers transfers;
  private final QuarantineOrders orders;
  private final QuarantineSites sites;
  private final QuarantinePages pages;

  TripPageController(Transfers transfers, QuarantineOrders orders, QuarantineSites sites, QuarantinePages pages) {
    this.transfers = transfers;
    this.orders = orders;
    this.sites = sites;
    this.pages = pages;
  }

  @GetMapping
  String trips(Model model) {
    List<QuarantineSite> all = sites.list();
    List<Trip> recent = transfers.recent();
    Map<String, String> siteNames = new LinkedHashMap<>();
    all.forEach(s -> siteNames.put(s.id(), s.name()));
    // free rooms of the destinations of trips that have arrived, for the check-in step
    Map<String, Object> freeRooms = new LinkedHashMap<>();
    recent.stream().filter(t -> t.state() == TripState.ARRIVED).map(Trip::destinationSiteId).distinct()
        .forEach(siteId -> freeRooms.put(siteId, sites.rooms(UUID.fromString(siteId), RoomState.FREE).stream()
            .limit(300).toList()));
    model.addAttribute("trips", recent);
    model.addAttribute("sites", all.stream().filter(QuarantineSite::active).toList());
    model.addAttribute("siteNames", siteNames);
    model.addAttribute("freeRooms", freeRooms);
    model.addAttribute("waiting", orders.list(null, OrderState.PENDING_TRANSFER, Paging.of(0, 200)).items().stream()
        .filter(o -> !onATrip(recent).contains(o.id())).toList());
    return "quarantine/trips";
  }

  /** Who rides a trip still under way (left-behind passengers of a trip past pick-up may be planned again). */
  private static java.util.Set<String> onATrip(List<Trip> trips) {
    java.util.Set<String> riding = new java.util.HashSet<>();
    for (Trip trip : trips) {
      if (trip.state() == TripState.CHECKED_IN) {
        continue;
      }
      boolean pickedUpDone = trip.state().ordinal() >= TripState.PICKED_UP.ordinal();
      trip.passengers().stream().filter(p -> !pickedUpDone || p.pickedUp()).forEach(p -> riding.add(p.orderId()));
    }
    return riding;
  }

  @PostMapping
  @PreAuthorize(MOVE)
  String plan(TripForm form, RedirectAttributes redirect) {
    return pages.run(redirect, TRIPS, "qp.trip.planned", () -> transfers.plan(new Transfers.NewTrip(form.vehicle(),
        form.driver(), OrderPageController.blankToNull(form.escort()), form.destinationSiteId(), form.orderIds())));
  }

  @PostMapping("/{id}/dispatch")
  @PreAuthorize(MOVE)
  String dispatch(@PathVariable UUID id, RedirectAttributes redirect) {
    return pages.run(redirect, TRIPS, "qp.trip.moved", () -> transfers.advance(id, TripState.DISPATCHED));
  }

  @PostMapping("/{id}/pick-up")
  @PreAuthorize(MOVE)
  String pickUp(@PathVariable UUID id, @RequestParam(required = false) List<UUID> pickedUp,
      RedirectAttributes redirect) {
    return pages.run(redirect, TRIPS, "qp.trip.moved", () -> transfers.pickUp(id, pickedUp));
  }

  @PostMapping("/{id}/arrive")
  @PreAuthorize(MOVE)
  String arrive(@PathVariable UUID id, RedirectAttributes redirect) {
    return pages.run(redirect, TRIPS, "qp.trip.moved", () -> transfers.advance(id, TripState.ARRIVED));
  }

  /** Check-in: one field {@code room.<orderId>} per passenger with the room chosen (empty: not checked in). */
  @PostMapping("/{id}/check-in")
  @PreAuthorize("hasAuthority('SITE_OPERATE')")
  String checkIn(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> fields,
      RedirectAttributes redirect) {
    return pages.run(redirect, TRIPS, "qp.trip.moved", () -> {
      Map<UUID, UUID> rooms = new LinkedHashMap<>();
      fields.forEach((name, values) -> {
        if (name.startsWith("room.") && !values.isEmpty() && !values.get(0).isBlank()) {
          rooms.put(UUID.fromString(name.substring(5)), UUID.fromString(values.get(0)));
        }
      });
      transfers.checkIn(id, rooms);
    });
  }
}
