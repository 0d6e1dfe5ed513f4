package org.epicommand.analytics.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.epicommand.analytics.internal.Districts.District;
import org.epicommand.cases.CaseOutcomeChanged;
import org.epicommand.cases.CaseReclassified;
import org.epicommand.cases.CaseReported;
import org.epicommand.cases.DiscoveryRoute;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the daily case counts (analytics_daily_count) from the case flow. Idempotent: a case is
 * counted once (keyed by its id), and a reclassification is applied only while the case still has
 * the classification the event moves it from, so a republished event changes nothing.
 */
@Component
public class CaseCounts {

  static final String REPORT = "REPORT";
  static final String ONSET = "ONSET";

  private record Counted(String districtCode, String districtPath, boolean imported, boolean underControl,
      LocalDate countedOn, LocalDate onsetOn, District place, boolean closed) {}

  private final JdbcClient jdbc;
  private final Districts districts;
  private final PlaceCounts places;
  private final Clock clock;

  CaseCounts(JdbcClient jdbc, Districts districts, PlaceCounts places, Clock clock) {
    this.jdbc = jdbc;
    this.districts = districts;
    this.places = places;
    this.clock = clock;
  }

  /**
   * The day of a line-list case with no date at all: it counts in the cumulative figures (every day
   * up to today) and on no day of a curve or of "today" (docs/domain.md §16, counting rules).
   */
  static final LocalDate UNDATED = LocalDate.of(1970, 1, 1);

  @ApplicationModuleListener
  public void on(CaseReported event) {
    District district = districts.of(event.jurisdictionCode());
    District place = districts.place(event.jurisdictionCode());
    // by report day in the city's zone; a historical line list on its own report days, never today's
    LocalDate reported = event.countedDay(clock.getZone()).orElse(UNDATED);
    LocalDate onset = event.onsetDate() != null ? event.onsetDate() : reported;
    boolean underControl = event.discoveryRoute() == DiscoveryRoute.UNDER_CONTROL;
    int inserted = jdbc.sql("""
        insert into analytics_case (case_id, district_code, district_path, classification, imported, under_control,
          counted_on, onset_on, case_path, place_code, place_path)
        values (:id, :district, :path, :classification, :imported, :underControl, :countedOn, :onsetOn, :placePath,
          :placeCode, :placePath)
        on conflict (case_id) do nothing""")
        .param("id", event.caseId()).param("district", district.code()).param("path", district.path())
        .param("placeCode", place.code()).param("placePath", place.path())
        .param("classification", event.classification().name()).param("imported", event.imported())
        .param("underControl", underControl).param("countedOn", reported).param("onsetOn", onset).update();
    if (inserted == 0) {
      return;
    }
    String classification = event.classification().name();
    add(REPORT, reported, district.code(), district.path(), classification, event.imported(), underControl, 1, 0);
    add(ONSET, onset, district.code(), district.path(), classification, event.imported(), underControl, 1, 0);
    if (PlaceCounts.infection(classification)) {
      places.current(PlaceCounts.ACTIVE_CASES, place, 1);
      if (!event.imported()) {
        places.daily(reported, place, 1);
      }
    }
  }

  @ApplicationModuleListener
  public void on(CaseReclassified event) {
    LocalDate day = event.at().atZoneSameInstant(clock.getZone()).toLocalDate();
    Optional<Counted> moved = jdbc.sql("""
        update analytics_case a set classification = :to, counted_on = :day
        from analytics_case old
        where old.case_id = a.case_id and a.case_id = :id and a.classification = :from
        returning a.district_code, a.district_path, a.imported, a.under_control, old.counted_on as old_counted_on,
          a.onset_on, a.place_code, a.place_path, a.closed""")
        .param("to", event.to().name()).param("day", day).param("id", event.caseId())
        .param("from", event.from().name())
        .query((rs, n) -> new Counted(rs.getString("district_code"), rs.getString("district_path"),
            rs.getBoolean("imported"), rs.getBoolean("under_control"), rs.getObject("old_counted_on", LocalDate.class),
            rs.getObject("onset_on", LocalDate.class), new District(rs.getString("place_code"),
                rs.getString("place_path")),
            rs.getBoolean("closed")))
        .optional();
    if (moved.isEmpty()) {
      return; // already applied, or the case was never counted here
    }
    Counted c = moved.get();
    String from = event.from().name();
    String to = event.to().name();
    int conversion = event.conversion() || event.from().isConversionTo(event.to()) ? 1 : 0;
    add(REPORT, c.countedOn(), c.districtCode(), c.districtPath(), from, c.imported(), c.underControl(), -1, 0);
    add(REPORT, day, c.districtCode(), c.districtPath(), to, c.imported(), c.underControl(), 1, conversion);
    add(ONSET, c.onsetOn(), c.districtCode(), c.districtPath(), from, c.imported(), c.underControl(), -1, 0);
    add(ONSET, c.onsetOn(), c.districtCode(), c.districtPath(), to, c.imported(), c.underControl(), 1, 0);
    if (PlaceCounts.infection(from) && !c.imported()) {
      places.daily(c.countedOn(), c.place(), -1);
    }
    if (PlaceCounts.infection(to) && !c.imported()) {
      places.daily(day, c.place(), 1);
    }
    int change = (PlaceCounts.infection(to) ? 1 : 0) - (PlaceCounts.infection(from) ? 1 : 0);
    if (change != 0 && !c.closed()) {
      places.current(PlaceCounts.ACTIVE_CASES, c.place(), change);
    }
  }

  /** A case discharged or died leaves the cases under treatment; a re-positive comes back. */
  @ApplicationModuleListener
  public void on(CaseOutcomeChanged event) {
    jdbc.sql("""
        update analytics_case set closed = :closed where case_id = :id and closed <> :closed
        returning place_code, place_path, classification""")
        .param("closed", event.closed()).param("id", event.caseId())
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).optional()
        .filter(row -> PlaceCounts.infection(row[2]))
        .ifPresent(row -> places.current(PlaceCounts.ACTIVE_CASES, new District(row[0], row[1]),
            event.closed() ? -1 : 1));
  }

  private void add(String basis, LocalDate day, String district, String path, String classification, boolean imported,
      boolean underControl, int cases, int conversions) {
    jdbc.sql("""
        insert into analytics_daily_count (basis, day, district_code, district_path, classification, imported,
          under_control, cases, conversions)
        values (:basis, :day, :district, :path, :classification, :imported, :underControl, :cases, :conversions)
        on conflict (basis, day, district_code, classification, imported, under_control)
        do update set cases = analytics_daily_count.cases + excluded.cases,
          conversions = analytics_daily_count.conversions + excluded.conversions""")
        .param("basis", basis).param("day", day).param("district", district).param("path", path)
        .param("classification", classification).param("imported", imported).param("underControl", underControl)
        .param("cases", cases).param("conversions", conversions).update();
  }
}
