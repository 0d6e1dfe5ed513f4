package org.epicommand.quarantine;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.quarantine.QuarantineOrder.PhaseStatus;
import org.epicommand.quarantine.QuarantineOrder.PhaseView;
import org.epicommand.quarantine.internal.Order;
import org.epicommand.quarantine.internal.OrderStore;
import org.epicommand.quarantine.internal.SiteReadiness;
import org.epicommand.quarantine.internal.SiteStore;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's stay at a site: check-in to a room (one person or one household per room, decided by
 * the database under concurrency) and release from the site, after which the next phase (home
 * monitoring or isolation) goes on by itself.
 */
@Service
public class SiteStays {

  private final OrderStore orders;
  private final SiteStore sites;
  private final QuarantineOrders quarantineOrders;
  private final OrderReleases releases;
  private final SiteStaff staff;
  private final AuditTrail audit;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final int alertPercent;

  SiteStays(OrderStore orders, SiteStore sites, QuarantineOrders quarantineOrders, OrderReleases releases,
      SiteStaff staff, AuditTrail audit, Clock clock, ApplicationEventPublisher events,
      @Value("${epicommand.quarantine.occupancy-alert-percent:80}") int alertPercent) {
    this.events = events;
    this.alertPercent = alertPercent;
    this.staff = staff;
    this.orders = orders;
    this.sites = sites;
    this.quarantineOrders = quarantineOrders;
    this.releases = releases;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Checks a person in to a room: 409 when the room is taken by another household or not usable, or the
   * site is retired; a site manager places persons only at their own sites (another site's room is unknown).
   */
  @Transactional
  public QuarantineOrder checkIn(UUID orderId, UUID roomId) {
    if (roomId == null) {
      throw new ValidationFailure(FieldProblem.of("roomId", "required"));
    }
    Order aggregate = quarantineOrders.openOrder(orderId);
    OrderStore.Row order = aggregate.row();
    boolean activated = aggregate.checkIn();
    QuarantineRoom room = sites.room(roomId).filter(r -> staff.worksAt(UUID.fromString(r.siteId())))
        .orElseThrow(() -> new ValidationFailure(FieldProblem.of("roomId", "quarantine.room.unknown")));
    sites.readiness(UUID.fromString(room.siteId())).ifPresent(SiteReadiness::requireTakesPeople);
    String household = order.householdId() == null ? order.id().toString() : order.householdId().toString();
    boolean wasFree = room.state() == RoomState.FREE;
    SiteStore.Stay stay = sites.occupy(roomId, household, clock.instant())
        .orElseThrow(() -> Conflict.of("quarantine.room.taken"));
    if (wasFree) {
      occupancyAlert(UUID.fromString(room.siteId()));
    }
    orders.placeAt(orderId, UUID.fromString(room.siteId()), stay.id());
    if (activated) {
      orders.updateState(orderId, aggregate.state(), clock.instant(), null);
    }
    audit.record(AuditAction.UPDATE, QuarantineOrders.SUBJECT, orderId.toString(), "checked in to room "
        + room.number());
    return orders.view(orders.find(orderId).orElseThrow(), today());
  }

  /**
   * Releases a person from the site: the centralized phase must be complete (its last day reached)
   * and its last test negative. The room goes to disinfection when the household has left; the
   * order goes on with its next phase, or is released when there is none.
   */
  @Transactional
  public QuarantineOrder releaseFromSite(UUID orderId) {
    Order aggregate = quarantineOrders.openOrder(orderId);
    aggregate.requireAtSite();
    OrderStore.Row order = aggregate.row();
    LocalDate today = today();
    PhaseView phase = orders.phases(orderId).stream()
        .filter(p -> p.status() != PhaseStatus.DONE && p.regime() == Regime.CENTRALIZED).findFirst()
        .orElseThrow(() -> Conflict.of("quarantine.siteRelease.noCentralizedPhase"));
    releases.requireReleasable(order, phase.endDate(), today);
    orders.markPhase(orderId, phase.seq(), PhaseStatus.DONE);
    boolean phasesLeft = orders.phases(orderId).stream().anyMatch(p -> p.status() == PhaseStatus.SCHEDULED
        && !p.endDate().isBefore(today));
    if (phasesLeft) {
      orders.placeAt(orderId, null, null);
      sites.leave(order.roomStayId(), clock.instant());
      audit.record(AuditAction.UPDATE, QuarantineOrders.SUBJECT, orderId.toString(), "released from site");
    } else {
      releases.finish(aggregate, OrderState.RELEASED, null, "released from site and from quarantine");
    }
    return orders.view(orders.find(orderId).orElseThrow(), today);
  }

  /** Publishes {@link SiteOccupancyHigh} when the room just taken brought the site to the alert share. */
  private void occupancyAlert(UUID siteId) {
    sites.occupancy(siteId).ifPresent(now -> {
      SiteStore.Occupancy before = new SiteStore.Occupancy(now.code(), now.name(), now.jurisdictionCode(),
          now.occupied() - 1, now.usable());
      if (before.percent() < alertPercent && now.percent() >= alertPercent) {
        events.publishEvent(new SiteOccupancyHigh(siteId.toString(), now.code(), now.name(), now.jurisdictionCode(),
            now.occupied(), now.usable(), now.percent()));
      }
    });
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
