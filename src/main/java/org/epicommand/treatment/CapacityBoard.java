package org.epicommand.treatment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.epicommand.account.CurrentUser;
import org.epicommand.analytics.CapacityGap;
import org.epicommand.analytics.Projections;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.quarantine.QuarantineSites;
import org.epicommand.shared.ValidationFailure;
import org.epicommand.treatment.internal.TreatmentProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Beds against need: live occupancy of the hospitals the caller sees (hospitals at or above the alert
 * share flagged), and the capacity gap — the SEIR projection's peak of beds needed (rounded up) minus
 * the beds in service of ACTIVE hospitals minus the beds of standby (or activating) hospitals that can
 * be activated within the projection's horizon; a hospital stood down counts once it is back on
 * standby. Positive: beds are missing; the day the gap opens is the first projected day on which the
 * beds needed exceed the beds active by then (standby beds count from the day their activation lead
 * time has passed).
 */
@Service
public class CapacityBoard {

  /**
   * Beds now: in service and occupied in ACTIVE hospitals (of them the ICU beds), in service in the others; the busy
   * hospitals.
   */
  public record Totals(int hospitals, int activeBeds, int occupiedBeds, int standbyBeds, int percent,
      int alertPercent, List<Hospital> busy, List<EquipmentLine> equipment, List<EquipmentShortage> shortages,
      int icuBeds, int icuOccupied) {}

  /** Projected need against beds, day by day (tomorrow first). */
  public record Gap(String district, String areaName, Projections.Parameters parameters, int days, double peakBeds,
      int peakBedsDay, int activeBeds, int standbyBeds, int standbyActivatable, long gap, LocalDate gapOpensOn,
      List<LocalDate> dates, List<Double> projectedBeds, List<Integer> availableBeds, Rooms rooms) {}

  /**
   * Quarantine rooms the same way: the projection's peak of rooms needed (rounded up) minus the usable rooms of
   * ACTIVE sites minus those of standby sites activatable within the horizon; {@code available} day by day.
   */
  public record Rooms(double peakRooms, int activeRooms, int standbyRooms, int standbyActivatable, long gap,
      LocalDate gapOpensOn, List<Double> projectedRooms, List<Integer> availableRooms) {}

  private final Hospitals hospitals;
  private final Projections projections;
  private final TreatmentProperties properties;
  private final QuarantineSites sites;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;

  CapacityBoard(Hospitals hospitals, Projections projections, TreatmentProperties properties,
      QuarantineSites sites, Jurisdictions jurisdictions, CurrentUser currentUser) {
    this.sites = sites;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.hospitals = hospitals;
    this.projections = projections;
    this.properties = properties;
  }

  @Transactional(readOnly = true)
  public Totals totals(String jurisdiction) {
    return totals(hospitals.all(jurisdiction));
  }

  private Totals totals(List<Hospital> all) {
    int active = 0;
    int occupied = 0;
    int standby = 0;
    int icu = 0;
    int icuOccupied = 0;
    for (Hospital h : all) {
      if (h.status() == HospitalStatus.ACTIVE) {
        active += h.usableBeds();
        occupied += h.occupiedBeds();
        for (BedLine line : h.beds()) {
          if (line.type() == BedType.ICU) {
            icu += line.usable();
            icuOccupied += line.occupied();
          }
        }
      } else if (h.status().reserve()) {
        standby += h.usableBeds();
      }
    }
    int alert = properties.occupancyAlertPercent();
    List<Hospital> busy = all.stream().filter(h -> h.status() == HospitalStatus.ACTIVE)
        .filter(h -> h.beds().stream().anyMatch(b -> b.usable() > 0 && b.percent() >= alert)).toList();
    List<Hospital> running = all.stream().filter(h -> h.status() == HospitalStatus.ACTIVE).toList();
    return new Totals(all.size(), active, occupied, standby, active == 0 ? 0 : Math.round(100f * occupied / active),
        alert, busy, EquipmentRules.sum(running), EquipmentRules.shortages(running, alert), icu, icuOccupied);
  }

  /** The gap for a projection (its parameters as the projection page takes them; its district scopes the beds). */
  @Transactional(readOnly = true)
  public Gap gap(Projections.Request request) {
    Projections.Projection p = projections.project(request);
    return gap(p, hospitals.all(p.district()));
  }

  private Gap gap(Projections.Projection p, List<Hospital> all) {
    int days = p.dates().size();
    int active = all.stream().filter(h -> h.status() == HospitalStatus.ACTIVE).mapToInt(Hospital::usableBeds).sum();
    List<Hospital> standby = all.stream().filter(h -> h.status().reserve()).toList();
    int standbyBeds = standby.stream().mapToInt(Hospital::usableBeds).sum();
    int activatable = standby.stream().filter(h -> h.activationLeadHours() <= days * 24L)
        .mapToInt(Hospital::usableBeds).sum();
    List<Integer> available = new ArrayList<>();
    LocalDate opens = null;
    for (int d = 1; d <= days; d++) {
      long hours = d * 24L;
      int ready = active + standby.stream().filter(h -> h.activationLeadHours() <= hours)
          .mapToInt(Hospital::usableBeds).sum();
      available.add(ready);
      if (opens == null && p.hospitalBeds().get(d - 1) > ready) {
        opens = p.dates().get(d - 1);
      }
    }
    int peakDay = 0;
    for (int d = 1; d < days; d++) {
      peakDay = p.hospitalBeds().get(d) > p.hospitalBeds().get(peakDay) ? d : peakDay;
    }
    long gap = (long) Math.ceil(p.peakBeds() - 1e-9) - active - activatable;
    return new Gap(p.district(), p.areaName(), p.parameters(), days, p.peakBeds(), peakDay + 1, active, standbyBeds,
        activatable, gap, opens, p.dates(), p.hospitalBeds(), available, rooms(p));
  }

  /** The rooms of the projection's area against its rooms needed. */
  private Rooms rooms(Projections.Projection p) {
    String path = jurisdictions.narrow(currentUser.get().scope(), p.district()).path();
    QuarantineSites.RoomReadiness ready = sites.roomReadiness(path);
    int days = p.dates().size();
    int standby = ready.standby().stream().mapToInt(QuarantineSites.StandbyRooms::rooms).sum();
    int activatable = ready.standby().stream().filter(s -> s.leadHours() <= days * 24L)
        .mapToInt(QuarantineSites.StandbyRooms::rooms).sum();
    List<Integer> available = new ArrayList<>();
    LocalDate opens = null;
    for (int d = 1; d <= days; d++) {
      long hours = d * 24L;
      int rooms = ready.active() + ready.standby().stream().filter(s -> s.leadHours() <= hours)
          .mapToInt(QuarantineSites.StandbyRooms::rooms).sum();
      available.add(rooms);
      if (opens == null && p.quarantineRooms().get(d - 1) > rooms) {
        opens = p.dates().get(d - 1);
      }
    }
    long gap = (long) Math.ceil(p.peakRooms() - 1e-9) - ready.active() - activatable;
    return new Rooms(p.peakRooms(), ready.active(), standby, activatable, gap, opens, p.quarantineRooms(), available);
  }

  /** The projection the dashboard and the situation report use: the caller's area, R 1.5 unless Rt is asked for. */
  public static Projections.Request defaults(Projections.Request asked) {
    return asked.r() == null && !Boolean.TRUE.equals(asked.useRt()) ? asked.withR(1.5) : asked;
  }

  /** The gap under {@link #defaults}, for the situation report and the dashboard tile; null when not projectable. */
  @Transactional(readOnly = true)
  public CapacityGap summary() {
    Projections.Projection p;
    try {
      p = projections.project(defaults(new Projections.Request(null, null, null, null, null, null, null, null, null,
          null, null, null, null, null, null, null, null)));
    } catch (ValidationFailure e) {
      return null;
    }
    List<Hospital> all = hospitals.all(p.district());
    Gap g = gap(p, all);
    Totals now = totals(all);
    return new CapacityGap(g.areaName(), g.days(), g.parameters().r(), (long) Math.ceil(g.peakBeds() - 1e-9),
        g.activeBeds(), g.standbyActivatable(), g.gap(), g.gapOpensOn(), (long) Math.ceil(g.rooms().peakRooms() - 1e-9),
        g.rooms().activeRooms(), g.rooms().standbyActivatable(), g.rooms().gap(), g.rooms().gapOpensOn(),
        now.occupiedBeds(), now.percent(), now.icuBeds(), now.icuOccupied());
  }
}
