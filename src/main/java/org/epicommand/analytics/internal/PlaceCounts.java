package org.epicommand.analytics.internal;

import java.time.LocalDate;
import org.epicommand.analytics.internal.Districts.District;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The per-place rollups of the maps, changed by the case and order listeners in their transactions:
 * counts that stand now ({@code ACTIVE_CASES}, {@code MANAGED}) and new local infections per report day.
 */
@Component
class PlaceCounts {

  static final String ACTIVE_CASES = "ACTIVE_CASES";
  static final String MANAGED = "MANAGED";

  private final JdbcClient jdbc;

  PlaceCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void current(String metric, District place, int delta) {
    jdbc.sql("""
        insert into analytics_place_current (metric, place_code, place_path, value) values (:metric, :code, :path,
          :delta)
        on conflict (metric, place_code) do update set value = analytics_place_current.value + excluded.value""")
        .param("metric", metric).param("code", place.code()).param("path", place.path()).param("delta", delta).update();
  }

  void daily(LocalDate day, District place, int delta) {
    jdbc.sql("""
        insert into analytics_place_daily (day, place_code, place_path, local_cases) values (:day, :code, :path, :delta)
        on conflict (day, place_code) do update set local_cases = analytics_place_daily.local_cases +
          excluded.local_cases""")
        .param("day", day).param("code", place.code()).param("path", place.path()).param("delta", delta).update();
  }

  /** Confirmed and asymptomatic infections are counted on the maps; suspected and excluded cases are not. */
  static boolean infection(String classification) {
    return "CONFIRMED".equals(classification) || "ASYMPTOMATIC".equals(classification);
  }
}
