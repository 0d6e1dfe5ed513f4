package org.epicommand.quarantine;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.quarantine.internal.AlertBook;
import org.epicommand.quarantine.internal.OrderStore;
import org.epicommand.quarantine.internal.QuarantineProperties;
import org.epicommand.quarantine.internal.TransferTrip;
import org.epicommand.quarantine.internal.TripStore;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.RecordNotFound;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closed-loop transfers (转运): a trip takes persons awaiting transfer to a site. Each state has its
 * time; at check-in everyone picked up must arrive in a room — anyone missing is an alert.
 */
@Service
public class Transfers {

  public record NewTrip(String vehicle, String driver, String escort, UUID destinationSiteId, List<UUID> orderIds) {}

  private final TripStore trips;
  private final OrderStore orders;
  private final QuarantineSites sites;
  private final SiteStays stays;
  private final AlertBook alerts;
  private final CurrentUser currentUser;
  private final SiteStaff staff;
  private final AuditTrail audit;
  private final QuarantineProperties properties;
  private final Clock clock;

  Transfers(TripStore trips, OrderStore orders, QuarantineSites sites, SiteStays stays, AlertBook alerts,
      CurrentUser currentUser, SiteStaff staff, AuditTrail audit, QuarantineProperties properties, Clock clock) {
    this.staff = staff;
    this.trips = trips;
    this.orders = orders;
    this.sites = sites;
    this.stays = stays;
    this.alerts = alerts;
    this.currentUser = currentUser;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional
  public Trip plan(NewTrip request) {
    UserContext user = currentUser.get();
    List<FieldProblem> problems = new ArrayList<>();
    require(problems, "vehicle", request.vehicle(), 30);
    require(problems, "driver", request.driver(), 50);
    if (request.escort() != null && request.escort().length() > 50) {
      problems.add(FieldProblem.of("escort", "tooLong", 50));
    }
    if (!sites.exists(request.destinationSiteId()) || !staff.worksAt(request.destinationSiteId())) {
      problems.add(FieldProblem.of("destinationSiteId", "quarantine.site.unknown"));
    }
    List<UUID> orderIds = request.orderIds() == null ? List.of() : request.orderIds().stream().distinct().toList();
    if (orderIds.isEmpty() || orderIds.size() > 60) {
      problems.add(FieldProblem.of("orderIds", "quarantine.trip.passengers", 60));
    }
    for (UUID orderId : orderIds) {
      boolean waiting = orders.find(orderId, staff.reach()).map(o -> o.state() == OrderState.PENDING_TRANSFER)
          .orElse(false) && !trips.onUnfinishedTrip(orderId);
      if (!waiting) {
        problems.add(FieldProblem.of("orderIds", "quarantine.trip.notWaiting", orderId));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    sites.requireTakesPeople(request.destinationSiteId());
    UUID id = UUID.randomUUID();
    trips.insert(id, request.vehicle().strip(), request.driver().strip(), request.escort(),
        request.destinationSiteId(), user.scope().path(), user.username(), clock.instant(), orderIds);
    audit.record(AuditAction.CREATE, "QUARANTINE_TRIP", id.toString(), orderIds.size() + " passengers");
    return get(id);
  }

  public Trip get(UUID id) {
    return trips.find(id, staff.reach(), false).orElseThrow(() -> new RecordNotFound("QUARANTINE_TRIP"));
  }

  public List<Trip> recent() {
    return trips.recent(staff.reach(), 50).stream().map(this::get).toList();
  }

  /** DISPATCHED, or ARRIVED: the next state with its time. */
  @Transactional
  public Trip advance(UUID id, TripState target) {
    TransferTrip trip = lock(id);
    trip.advance(target);
    trips.advance(id, trip.state(), clock.instant());
    return get(id);
  }

  /** Marks who was picked up (the others stay awaiting transfer) and moves the trip to PICKED_UP. */
  @Transactional
  public Trip pickUp(UUID id, List<UUID> pickedUp) {
    TransferTrip trip = lock(id);
    for (UUID orderId : trip.pickUp(pickedUp)) {
      trips.markPickedUp(id, orderId);
    }
    trips.advance(id, trip.state(), clock.instant());
    return get(id);
  }

  /**
   * Checks the trip in at its site: each listed passenger into a room; everyone picked up but not
   * checked in is flagged MISSING_AT_CHECK_IN. A room conflict fails the whole check-in (409).
   */
  @Transactional
  public Trip checkIn(UUID id, Map<UUID, UUID> roomsByOrder) {
    TransferTrip aggregate = lock(id);
    aggregate.checkIn();
    Trip trip = aggregate.trip();
    Map<UUID, UUID> rooms = roomsByOrder == null ? Map.of() : roomsByOrder;
    Instant now = clock.instant();
    for (Trip.Passenger passenger : trip.passengers()) {
      UUID orderId = UUID.fromString(passenger.orderId());
      if (passenger.pickedUp() && rooms.containsKey(orderId)) {
        stays.checkIn(orderId, rooms.get(orderId));
        trips.markCheckedIn(id, orderId, now);
      } else if (passenger.pickedUp()) {
        orders.find(orderId).ifPresent(order -> alerts.raise(order, AlertKind.MISSING_AT_CHECK_IN, id.toString(),
            trip.vehicle(), now));
      }
    }
    trips.advance(id, aggregate.state(), now);
    audit.record(AuditAction.UPDATE, "QUARANTINE_TRIP", id.toString(), "checked in");
    return get(id);
  }

  /** Raises the awaiting-transfer alerts (> 12 h; still waiting 5 days after last exposure). */
  @Transactional
  public int raiseAwaitingTransfer(Instant now) {
    LocalDate today = now.atZone(clock.getZone()).toLocalDate();
    return trips.raiseAwaiting(now.minus(properties.awaitingTransferAlert()), now)
        + trips.raiseAwaitingLong(today.minusDays(properties.awaitingTransferDaysAfterExposure()), now);
  }

  private TransferTrip lock(UUID id) {
    return TransferTrip.of(trips.find(id, staff.reach(), true)
        .orElseThrow(() -> new RecordNotFound("QUARANTINE_TRIP")));
  }

  private static void require(List<FieldProblem> problems, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      problems.add(FieldProblem.of(field, "required"));
    } else if (value.length() > max) {
      problems.add(FieldProblem.of(field, "tooLong", max));
    }
  }
}
