package org.epicommand.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.epicommand.account.CurrentUser;
import org.epicommand.analytics.Dashboard.DashboardView;
import org.epicommand.command.CommandTasks;
import org.epicommand.labtest.SamplingLoad;
import org.epicommand.movement.DistrictKpi;
import org.epicommand.movement.PushedItems;
import org.epicommand.quarantine.WorkList;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The command hall's big screen (指挥大屏) in one read: the day's key figures of the caller's
 * jurisdiction around the map — new local cases found under control and in society (the "double zero"
 * goal), persons under management, rooms, persons tested today, pushed names landed, overdue work —
 * the map of its districts (small community counts hidden, as on every shared screen) with risk areas
 * and places, and the districts with new cases for the screen's rotating focus. Counts only.
 */
@Service
@Transactional(readOnly = true)
public class BigScreen {

  /** Days of the small curve under the figures. */
  public static final int CURVE_DAYS = 14;

  /** New local cases today: confirmed and asymptomatic, found under control and in society. */
  public record Cases(long local, long underControl, long society, long confirmed, long asymptomatic, long imported,
      boolean societyZero) {}

  /** Quarantine rooms in service inside the jurisdiction. */
  public record Rooms(long total, long free, long occupied) {}

  /** Pushed names (大数据推送): pushed, landed (under management), overdue. */
  public record Pushed(long pushed, long landed, long overdue) {}

  /**
   * Work past its time: quarantine alerts open, persons awaiting transfer, missed health checks, pushed
   * names overdue, command tasks overdue.
   */
  public record Overdue(long total, long openAlerts, long awaitingTransfer, long missedChecks, long pushedNames,
      long tasks) {}

  /** A district in the rotating focus: its new local cases today (in society) and persons under management. */
  public record Focus(String code, String name, long localToday, long societyToday, long underManagement) {}

  /** Local infections per day (oldest first) for the small curve. */
  public record Curve(List<LocalDate> days, List<Long> local) {}

  public record ScreenView(LocalDate date, OffsetDateTime generatedAt, String areaName, Cases cases,
      long underManagement, Map<String, Long> managementByRegime, Rooms rooms, long testedToday, Pushed pushed,
      Overdue overdue, Curve curve, List<Focus> focus, List<Focus> districts, MapLayers.AreaMap map,
      MapOverlays.Overlays overlays) {}

  private final Dashboard dashboard;
  private final MapLayers maps;
  private final MapOverlays overlays;
  private final SamplingLoad sampling;
  private final PushedItems pushedItems;
  private final CommandTasks tasks;
  private final CurrentUser currentUser;
  private final Clock clock;

  BigScreen(Dashboard dashboard, MapLayers maps, MapOverlays overlays, SamplingLoad sampling, PushedItems pushedItems,
      CommandTasks tasks, CurrentUser currentUser, Clock clock) {
    this.dashboard = dashboard;
    this.maps = maps;
    this.overlays = overlays;
    this.sampling = sampling;
    this.pushedItems = pushedItems;
    this.tasks = tasks;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  public ScreenView view() {
    DashboardView d = dashboard.view(null);
    Dashboard.Today t = d.today();
    Cases cases = new Cases(t.localConfirmed() + t.localAsymptomatic(),
        t.localConfirmedUnderControl() + t.localAsymptomaticUnderControl(),
        t.localConfirmedSociety() + t.localAsymptomaticSociety(), t.localConfirmed(), t.localAsymptomatic(),
        t.importedConfirmed() + t.importedAsymptomatic(), d.societyZero());
    Rooms rooms = new Rooms(d.capacity().stream().mapToLong(Dashboard.Capacity::rooms).sum(),
        d.capacity().stream().mapToLong(Dashboard.Capacity::free).sum(),
        d.capacity().stream().mapToLong(Dashboard.Capacity::occupied).sum());
    List<DistrictKpi> kpis = pushedItems.kpis();
    Pushed pushed = new Pushed(kpis.stream().mapToLong(DistrictKpi::pushed).sum(),
        kpis.stream().mapToLong(DistrictKpi::landed).sum(), kpis.stream().mapToLong(DistrictKpi::overdue).sum());
    Map<WorkList, Long> work = d.work();
    long alerts = work.getOrDefault(WorkList.OPEN_ALERTS, 0L);
    long awaiting = work.getOrDefault(WorkList.AWAITING_TRANSFER, 0L);
    long missed = work.getOrDefault(WorkList.MISSED_CHECKS, 0L);
    long overdueTasks = tasks.overdueCount();
    Overdue overdue = new Overdue(alerts + awaiting + missed + pushed.overdue() + overdueTasks, alerts, awaiting,
        missed, pushed.overdue(), overdueTasks);
    int from = d.curve().days().size() - CURVE_DAYS;
    List<Long> local = new java.util.ArrayList<>();
    for (int i = from; i < d.curve().days().size(); i++) {
      local.add(d.curve().byReport().localConfirmed().get(i) + d.curve().byReport().localAsymptomatic().get(i));
    }
    Curve curve = new Curve(d.curve().days().subList(from, d.curve().days().size()), local);
    List<Focus> districts = d.byDistrict().stream()
        .map(r -> new Focus(r.code(), r.name(), r.localToday(), r.societyToday(), r.underManagement())).toList();
    List<Focus> focus = districts.stream().filter(f -> f.localToday() > 0)
        .sorted(Comparator.comparingLong(Focus::societyToday).reversed()
            .thenComparing(Comparator.comparingLong(Focus::localToday).reversed()))
        .toList();
    return new ScreenView(d.date(), OffsetDateTime.now(clock), currentUser.get().jurisdictionName(), cases,
        d.underManagement(), d.managementByRegime(), rooms,
        sampling.personsSampledToday(currentUser.get().scope()), pushed, overdue, curve, focus, districts,
        maps.areas(null, null, 1, true), overlays.of(null));
  }
}
