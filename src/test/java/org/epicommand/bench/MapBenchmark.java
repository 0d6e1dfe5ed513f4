package org.epicommand.bench;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The maps: the per-place rollups loaded for every community of the city (persons under management and cases
 * under treatment now, new local cases on each of the last 30 days), then over HTTP the map data of all the
 * city's communities with their counts as the commander, and the big screen's data in one request as the
 * kiosk, each with p50/p95 (p95 must stay under 300 ms).
 */
final class MapBenchmark {

  private MapBenchmark() {}

  static void run(ConfigurableApplicationContext context, Benchmarks.Results results) throws Exception {
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    long t = System.nanoTime();
    for (String metric : new String[] {"MANAGED", "ACTIVE_CASES"}) {
      jdbc.update("""
          insert into analytics_place_current (metric, place_code, place_path, value)
          select ?, code, path, abs(hashtext(code || ?)) % 60 from jurisdiction where level = 'VILLAGE'
          on conflict (metric, place_code) do update set value = excluded.value""", metric, metric);
    }
    jdbc.update("""
        insert into analytics_place_daily (day, place_code, place_path, local_cases)
        select current_date - d, code, path, abs(hashtext(code || d)) % 4 from jurisdiction, generate_series(0, 29) d
        where level = 'VILLAGE'
        on conflict (day, place_code) do update set local_cases = excluded.local_cases""");
    BenchDatabase.ownerJdbc(context).sql("analyze analytics_place_current").update();
    BenchDatabase.ownerJdbc(context).sql("analyze analytics_place_daily").update();
    Integer communities = jdbc.queryForObject("select count(*) from jurisdiction j join jurisdiction_boundary b"
        + " on b.code = j.code where j.level = 'VILLAGE'", Integer.class);
    results.figure("maps.communitiesWithBoundaries", "communities", communities, null, null, null);
    results.figure("maps.rollupLoad", "s", (System.nanoTime() - t) / 1e9, null, null, null);

    String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    HttpClient client = HttpClient.newHttpClient();
    AnalyticsBenchmark.latency(results, "maps.allCommunities", client, base
        + "/api/v1/maps/areas?level=VILLAGE&days=14",
        basic("commander"));
    AnalyticsBenchmark.latency(results, "maps.bigScreen", client, base + "/api/v1/screen", basic("kiosk"));
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo1234").getBytes(StandardCharsets.UTF_8));
  }
}
