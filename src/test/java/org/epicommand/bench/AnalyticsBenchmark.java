package org.epicommand.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The command dashboard: N = persons / 10 cases loaded into the read model (one analytics_case row
 * each and their daily counts by report and onset date over the last 120 days, spread over the
 * districts, classifications, origins and routes), then the dashboard JSON and page over HTTP as the
 * commander (city-wide) and for one district, with p50/p95 (p95 must stay under 300 ms).
 */
final class AnalyticsBenchmark {

  private AnalyticsBenchmark() {}

  static void run(ConfigurableApplicationContext context, int persons, Benchmarks.Results results) throws Exception {
    int cases = Math.max(1_000, persons / 10);
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    long t = System.nanoTime();
    jdbc.update("""
        insert into analytics_case (case_id, district_code, district_path, classification, imported, under_control,
          counted_on, onset_on)
        select 'bench-' || g, d.code, d.path,
          case when g % 10 < 6 then 'CONFIRMED' when g % 10 < 9 then 'ASYMPTOMATIC' else 'SUSPECTED' end,
          g % 17 = 0, g % 3 <> 0, current_date - (g % 120), current_date - (g % 120) - (g % 5)
        from generate_series(1, ?) g
        join (select code, path, row_number() over (order by code) - 1 as n, count(*) over () as total
              from jurisdiction where level = 'COUNTY') d on d.n = g % d.total""", cases);
    for (String basis : List.of("REPORT", "ONSET")) {
      String day = basis.equals("REPORT") ? "counted_on" : "onset_on";
      jdbc.update("insert into analytics_daily_count (basis, day, district_code, district_path, classification,"
          + " imported, under_control, cases) select '" + basis + "', " + day + ", district_code, district_path,"
          + " classification, imported, under_control, count(*) from analytics_case where case_id like 'bench-%'"
          + " group by " + day + ", district_code, district_path, classification, imported, under_control"
          + " on conflict (basis, day, district_code, classification, imported, under_control)"
          + " do update set cases = analytics_daily_count.cases + excluded.cases");
    }
    BenchDatabase.ownerJdbc(context).sql("analyze analytics_case").update();
    BenchDatabase.ownerJdbc(context).sql("analyze analytics_daily_count").update();
    results.figure("analytics.casesLoaded", "cases", cases, null, null, null);
    results.figure("analytics.casesLoad", "s", (System.nanoTime() - t) / 1e9, null, null, null);
    String district = jdbc.queryForObject("select min(code) from jurisdiction where level = 'COUNTY'", String.class);

    String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    HttpClient client = HttpClient.newHttpClient();
    String auth = "Basic " + Base64.getEncoder().encodeToString("commander:demo1234".getBytes(StandardCharsets.UTF_8));
    latency(results, "analytics.dashboardApi", client, base + "/api/v1/analytics/dashboard", auth);
    latency(results, "analytics.dashboardApi.district", client,
        base + "/api/v1/analytics/dashboard?district=" + district, auth);
    latency(results, "analytics.dashboardPage", client, base + "/analytics/dashboard", auth);
  }

  /** p50 and p95 of 30 requests after 5 warm-ups; p95 must stay under 300 ms. */
  static void latency(Benchmarks.Results results, String name, HttpClient client, String url, String auth)
      throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).GET().build();
    for (int i = 0; i < 5; i++) {
      check(client.send(request, HttpResponse.BodyHandlers.ofString()));
    }
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      long t = System.nanoTime();
      check(client.send(request, HttpResponse.BodyHandlers.ofString()));
      millis.add((System.nanoTime() - t) / 1e6);
    }
    millis.sort(Double::compare);
    results.figure(name + ".p50", "ms", millis.get(14), null, null, null);
    results.figure(name + ".p95", "ms", millis.get(28), "< 300", null, null);
    results.ceiling(name + ".p95", millis.get(28), 300);
  }

  private static void check(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException("request failed: " + response.statusCode() + " " + response.uri());
    }
  }
}
