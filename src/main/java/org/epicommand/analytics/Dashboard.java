package org.epicommand.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.UserContext;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.quarantine.QuarantineSites;
import org.epicommand.quarantine.QuarantineWorkLists;
import org.epicommand.quarantine.WorkList;
import org.epicommand.shared.RecordNotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The command dashboard (指挥大屏, docs/domain.md §16) read from the event-fed read models: today's new
 * cases split by origin and by whether they were found under control (the "double zero" goal),
 * cumulative counts, 30-day curves by report and onset date, persons under management, rooms
 * against the standard and open quarantine work — for the caller's jurisdiction or one district in it.
 */
@Service
@Transactional(readOnly = true)
public class Dashboard {

  /** Days of the epidemic curve. */
  public static final int CURVE_DAYS = 30;

  public record DistrictOption(String code, String name) {}

  /** Today's new cases. Local confirmed include conversions (无症状转确诊), also given apart. */
  public record Today(long localConfirmed, long localConfirmedUnderControl, long localConfirmedSociety,
      long conversions, long localAsymptomatic, long localAsymptomaticUnderControl, long localAsymptomaticSociety,
      long importedConfirmed, long importedAsymptomatic) {}

  public record Cumulative(long localConfirmed, long localAsymptomatic, long importedConfirmed,
      long importedAsymptomatic) {}

  /** Per day (oldest first): local confirmed, local asymptomatic, imported infections. */
  public record Series(List<Long> localConfirmed, List<Long> localAsymptomatic, List<Long> imported) {}

  public record Curve(List<LocalDate> days, Series byReport, Series byOnset) {}

  /** A district's rooms against the standard; {@code required} and {@code meetsStandard} are null without a population.
   * */
  public record Capacity(String code, String name, Long required, int rooms, int free, int occupied,
      Boolean meetsStandard, int activeRooms, int standbyRooms) {}

  public record DistrictRow(String code, String name, long localToday, long societyToday, long underManagement) {}

  /** "Double zero" (社会面清零): no local case found outside control today. */
  public record DashboardView(LocalDate date, String district, String districtName, List<DistrictOption> districts,
      Today today, boolean societyZero, Cumulative cumulative, Curve curve, Map<String, Long> managementByRegime,
      Map<String, Long> managementByReason, long underManagement, List<Capacity> capacity, Map<WorkList, Long> work,
      List<DistrictRow> byDistrict) {}

  /** How long the rooms-against-standard figures are kept. */
  public static final int CAPACITY_SECONDS = 300;

  private record CachedCapacity(java.time.Instant at, List<QuarantineSites.DistrictCapacity> capacity) {}

  private final Map<String, CachedCapacity> capacityCache = new java.util.concurrent.ConcurrentHashMap<>();

  private record CountRow(String classification, boolean imported, boolean underControl, long cases,
      long conversions) {}

  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final Jurisdictions jurisdictions;
  private final QuarantineSites sites;
  private final QuarantineWorkLists workLists;
  private final Clock clock;

  Dashboard(JdbcClient jdbc, CurrentUser currentUser, Jurisdictions jurisdictions, QuarantineSites sites,
      QuarantineWorkLists workLists, Clock clock) {
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.jurisdictions = jurisdictions;
    this.sites = sites;
    this.workLists = workLists;
    this.clock = clock;
  }

  /**
   * The dashboard for the caller's jurisdiction, or for {@code districtCode} (a district inside it;
   * anything else is 404, as for a record outside the jurisdiction).
   */
  public DashboardView view(String requestedDistrict) {
    return view(requestedDistrict, LocalDate.now(clock));
  }

  /**
   * The dashboard as of the end of {@code today} (the situation report of a past day): new cases of that day,
   * cumulative counts up to it and the curve ending on it. Persons under management, rooms and open work are
   * kept only as they are now.
   */
  public DashboardView view(String requestedDistrict, LocalDate today) {
    String districtCode = requestedDistrict;
    UserContext user = currentUser.get();
    List<Jurisdiction> districts = jurisdictions.descendantsAt(user.scope(), JurisdictionLevel.COUNTY);
    JurisdictionScope scope = user.scope();
    String districtName = null;
    if (districtCode != null && !districtCode.isBlank()) {
      Jurisdiction district = districts.stream().filter(d -> d.code().equals(requestedDistrict)).findFirst()
          .orElseThrow(() -> new RecordNotFound("JURISDICTION"));
      scope = district.scope();
      districtName = district.name();
    } else {
      districtCode = null;
      // a district user's dashboard is their district's: name it
      districtName = districts.size() == 1 && districts.get(0).path().equals(scope.path()) ? districts.get(0).name()
          : null;
    }
    Today todayCounts = today(counts("REPORT", today, today, scope));
    Cumulative cumulative = cumulative(counts("REPORT", null, today, scope));
    LocalDate first = today.minusDays(CURVE_DAYS - 1L);
    List<LocalDate> days = first.datesUntil(today.plusDays(1)).toList();
    Curve curve = new Curve(days, series("REPORT", first, today, scope), series("ONSET", first, today, scope));

    Map<String, Long> byRegime = new LinkedHashMap<>();
    Map<String, Long> byReason = new LinkedHashMap<>();
    long underManagement = 0;
    for (var row : scope.bind(jdbc.sql("select reason, regime, sum(persons) from analytics_management_count where "
        + scope.predicate("district_path") + " group by reason, regime order by regime, reason"))
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), Long.toString(rs.getLong(3))}).list()) {
      long persons = Long.parseLong(row[2]);
      byReason.merge(row[0], persons, Long::sum);
      byRegime.merge(row[1], persons, Long::sum);
      underManagement += persons;
    }

    String only = districtCode;
    List<Capacity> capacity = capacity(user.scope()).stream().filter(c -> only == null || c.jurisdictionCode()
        .equals(only))
        .map(c -> new Capacity(c.jurisdictionCode(), c.name(), c.required(), c.rooms(), c.free(), c.occupied(),
            c.meetsStandard(), c.activeRooms(), c.standbyRooms()))
        .toList();
    Map<WorkList, Long> work = new EnumMap<>(workLists.counts());

    List<DistrictRow> byDistrict = byDistrict(districts, today, scope);
    List<DistrictOption> options = districts.stream().map(d -> new DistrictOption(d.code(), d.name())).toList();
    return new DashboardView(today, districtCode, districtName, options, todayCounts,
        todayCounts.localConfirmedSociety() + todayCounts.localAsymptomaticSociety() == 0, cumulative, curve,
        byRegime, byReason, underManagement, capacity, work, byDistrict);
  }

  /**
   * Local and imported infections (confirmed and asymptomatic) per day from {@code from} to {@code to}
   * by onset date (the report day when no onset is known) inside {@code scope}: {@code [total, imported]}.
   */
  public List<List<Long>> incidenceByOnset(LocalDate from, LocalDate to, JurisdictionScope scope) {
    int length = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
    List<Long> total = new ArrayList<>(java.util.Collections.nCopies(length, 0L));
    List<Long> imported = new ArrayList<>(java.util.Collections.nCopies(length, 0L));
    scope.bind(jdbc.sql("select day, imported, sum(cases) from analytics_daily_count where basis = 'ONSET'"
        + " and day between :from and :to and classification in ('CONFIRMED', 'ASYMPTOMATIC') and "
        + scope.predicate("district_path") + " group by day, imported"))
        .param("from", from).param("to", to)
        .query((rs, n) -> {
          int index = (int) (rs.getObject(1, LocalDate.class).toEpochDay() - from.toEpochDay());
          long cases = rs.getLong(3);
          total.set(index, total.get(index) + cases);
          if (rs.getBoolean(2)) {
            imported.set(index, imported.get(index) + cases);
          }
          return index;
        }).list();
    return List.of(total, imported);
  }

  /**
   * Quarantine rooms of the sites in a district, or of every district of the caller's jurisdiction
   * when {@code areaCode} is not one of them (the city): what a projection of rooms needed is set against.
   */
  public long rooms(String areaCode) {
    List<QuarantineSites.DistrictCapacity> all = capacity(currentUser.get().scope());
    boolean district = all.stream().anyMatch(c -> c.jurisdictionCode().equals(areaCode));
    return all.stream().filter(c -> !district || c.jurisdictionCode().equals(areaCode))
        .mapToLong(QuarantineSites.DistrictCapacity::rooms).sum();
  }

  /**
   * Rooms against the standard, kept for {@link #CAPACITY_SECONDS} per caller scope: the standard
   * counts every resident of each district, which at city scale is too slow for every refresh, and
   * neither residents nor rooms change much within minutes.
   */
  private List<QuarantineSites.DistrictCapacity> capacity(JurisdictionScope scope) {
    java.time.Instant now = clock.instant();
    CachedCapacity cached = capacityCache.get(scope.path());
    if (cached == null || cached.at().plusSeconds(CAPACITY_SECONDS).isBefore(now)) {
      cached = new CachedCapacity(now, sites.capacity());
      capacityCache.put(scope.path(), cached);
    }
    return cached.capacity();
  }

  private List<CountRow> counts(String basis, LocalDate from, LocalDate to, JurisdictionScope scope) {
    String days = from == null ? " and day <= :to" : " and day between :from and :to";
    var statement = scope.bind(jdbc.sql("select classification, imported, under_control, sum(cases), sum(conversions)"
        + " from analytics_daily_count where basis = :basis" + days + " and " + scope.predicate("district_path")
        + " group by classification, imported, under_control")).param("basis", basis);
    statement = statement.param("to", to);
    if (from != null) {
      statement = statement.param("from", from);
    }
    return statement.query((rs, n) -> new CountRow(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3),
        rs.getLong(4), rs.getLong(5))).list();
  }

  private static Today today(List<CountRow> rows) {
    long[] v = new long[9];
    for (CountRow r : rows) {
      boolean confirmed = "CONFIRMED".equals(r.classification());
      boolean asymptomatic = "ASYMPTOMATIC".equals(r.classification());
      if (r.imported()) {
        v[7] += confirmed ? r.cases() : 0;
        v[8] += asymptomatic ? r.cases() : 0;
      } else if (confirmed) {
        v[0] += r.cases();
        v[r.underControl() ? 1 : 2] += r.cases();
        v[3] += r.conversions();
      } else if (asymptomatic) {
        v[4] += r.cases();
        v[r.underControl() ? 5 : 6] += r.cases();
      }
    }
    return new Today(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
  }

  private static Cumulative cumulative(List<CountRow> rows) {
    Today t = today(rows);
    return new Cumulative(t.localConfirmed(), t.localAsymptomatic(), t.importedConfirmed(), t.importedAsymptomatic());
  }

  private Series series(String basis, LocalDate first, LocalDate last, JurisdictionScope scope) {
    int length = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
    long[][] values = new long[3][length];
    scope.bind(jdbc.sql("select day, classification, imported, sum(cases) from analytics_daily_count"
        + " where basis = :basis and day between :from and :to and classification in ('CONFIRMED', 'ASYMPTOMATIC')"
        + " and " + scope.predicate("district_path") + " group by day, classification, imported"))
        .param("basis", basis).param("from", first).param("to", last)
        .query((rs, n) -> {
          int index = (int) (rs.getObject(1, LocalDate.class).toEpochDay() - first.toEpochDay());
          int series = rs.getBoolean(3) ? 2 : "CONFIRMED".equals(rs.getString(2)) ? 0 : 1;
          values[series][index] += rs.getLong(4);
          return index;
        }).list();
    return new Series(boxed(values[0]), boxed(values[1]), boxed(values[2]));
  }

  private List<DistrictRow> byDistrict(List<Jurisdiction> districts, LocalDate today, JurisdictionScope scope) {
    Map<String, long[]> values = new LinkedHashMap<>();
    scope.bind(jdbc.sql("select district_code, under_control, sum(cases) from analytics_daily_count"
        + " where basis = 'REPORT' and day = :today and not imported and classification in ('CONFIRMED', 'ASYMPTOMATIC')"
        + " and " + scope.predicate("district_path") + " group by district_code, under_control"))
        .param("today", today).query((rs, n) -> {
          long[] v = values.computeIfAbsent(rs.getString(1), k -> new long[3]);
          v[0] += rs.getLong(3);
          v[1] += rs.getBoolean(2) ? 0 : rs.getLong(3);
          return v;
        }).list();
    scope.bind(jdbc.sql("select district_code, sum(persons) from analytics_management_count where "
        + scope.predicate("district_path") + " group by district_code"))
        .query((rs, n) -> values.computeIfAbsent(rs.getString(1), k -> new long[3])[2] = rs.getLong(2)).list();
    return districts.stream().filter(d -> scope.contains(d.path())).map(d -> {
      long[] v = values.getOrDefault(d.code(), new long[3]);
      return new DistrictRow(d.code(), d.name(), v[0], v[1], v[2]);
    }).toList();
  }

  private static List<Long> boxed(long[] values) {
    List<Long> list = new ArrayList<>(values.length);
    for (long v : values) {
      list.add(v);
    }
    return list;
  }
}
