package org.epicommand.bench;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The maps: N = persons / 10 cases (1 M at 10 M) loaded into the read model, each in a community of the city, and
 * the per-place rollups counted from them (cases under treatment now, new local cases per day; persons under
 * management drawn at random), then over HTTP the map data of all the
 * city's communities with their counts as the commander, and the big screen's data in one request as the
 * kiosk, each with p50/p95 (p95 must stay under 300 ms).
 */
final class MapBenchmark {

  private MapBenchmark() {}

  static void run(ConfigurableApplicationContext context, int persons, Benchmarks.Results results) throws Exception {
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    int cases = Math.max(1_000, persons / 10);
    long t = System.nanoTime();
    // N = persons / 10 cases (1 M at 10 M) in the read model, each in a community, reported over the last 120 days;
    // the place rollups are then counted from them as the event listeners would have kept them
    jdbc.update("""
        insert into analytics_case (case_id, district_code, district_path, classification, imported, under_control,
          counted_on, onset_on, place_code, place_path, closed)
        select 'map-' || g, d.code, d.path,
          case when g % 10 < 6 then 'CONFIRMED' when g % 10 < 9 then 'ASYMPTOMATIC' else 'SUSPECTED' end,
          g % 17 = 0, g % 3 <> 0, current_date - (g % 120), current_date - (g % 120) - (g % 5), v.code, v.path,
          g % 120 > 20
        from generate_series(1, ?) g
        join (select code, path, row_number() over (order by code) - 1 as n, count(*) over () as total
              from jurisdiction where level = 'VILLAGE') v on v.n = g % v.total
        join jurisdiction d on d.level = 'COUNTY' and v.path like d.path || '%'
        on conflict (case_id) do nothing""", cases);
    jdbc.update("""
        insert into analytics_place_current (metric, place_code, place_path, value)
        select 'ACTIVE_CASES', place_code, place_path, count(*) from analytics_case
        where classification in ('CONFIRMED', 'ASYMPTOMATIC') and not closed and place_code is not null
        group by place_code, place_path
        on conflict (metric, place_code) do update set value = excluded.value""");
    jdbc.update("""
        insert into analytics_place_current (metric, place_code, place_path, value)
        select 'MANAGED', code, path, abs(hashtext(code || 'MANAGED')) % 60 from jurisdiction where level = 'VILLAGE'
        on conflict (metric, place_code) do update set value = excluded.value""");
    jdbc.update("""
        insert into analytics_place_daily (day, place_code, place_path, local_cases)
        select counted_on, place_code, place_path, count(*) from analytics_case
        where not imported and classification in ('CONFIRMED', 'ASYMPTOMATIC') and place_code is not null
        group by counted_on, place_code, place_path
        on conflict (day, place_code) do update set local_cases = excluded.local_cases""");
    BenchDatabase.ownerJdbc(context).sql("analyze analytics_case").update();
    BenchDatabase.ownerJdbc(context).sql("analyze analytics_place_current").update();
    BenchDatabase.ownerJdbc(context).sql("analyze analytics_place_daily").update();
    results.figure("maps.casesLoaded", "cases", cases, null, null, null);
    Integer communities = jdbc.queryForObject("select count(*) from jurisdiction j join jurisdiction_boundary b"
        + " on b.code = j.code where j.level = 'VILLAGE'", Integer.class);
    results.figure("maps.communitiesWithBoundaries", "communities", communities, null, null, null);
    results.figure("maps.rollupLoad", "s", (System.nanoTime() - t) / 1e9, null, null, null);

    BenchHttp http = new BenchHttp(context);
    http.latency(results, "maps.allCommunities", "commander", 5, 30, i -> "/api/v1/maps/areas?level=VILLAGE&days=14",
        300);
    http.latency(results, "maps.bigScreen", "kiosk", 5, 30, i -> "/api/v1/screen", 300);
  }
}
