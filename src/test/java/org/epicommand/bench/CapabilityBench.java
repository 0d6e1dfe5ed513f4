package org.epicommand.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.organisation.CreditCode;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the benchmarks of the capabilities added since 1.0.0 (reopening, supplies, treatment, sentinels, key groups)
 * share:
 * their volumes, the page and API timings beside an in-run baseline, the session and the city's divisions.
 *
 * <p>Their targets are stated for a city, not per resident (100,000 organisations, 300 items × 200 warehouses,
 * 200 hospitals, 5,000 pharmacies), so the specification's volumes are used as they are from 1,000,000 residents
 * on ({@code -Dbench.specVolumes=true|false} overrides); below that they are scaled down — a volume to a
 * hundredth, each side of a two-sided one (items × warehouses) to a tenth — so that the small run stays short.
 */
final class CapabilityBench {

  static final String PASSWORD = "demo1234";

  private CapabilityBench() {}

  /** Runs the sections of these capabilities that {@code -Dbench.only} selects, each followed by a settle. */
  static void runSelected(ConfigurableApplicationContext context, int persons, Benchmarks.Results results)
      throws Exception {
    if (Benchmarks.selected("enterprise")) {
      results.section("enterprise");
      EnterpriseBenchmark.run(context, persons, results);
      Benchmarks.settle(context);
    }
    if (Benchmarks.selected("supplies")) {
      results.section("supplies");
      SuppliesBenchmark.run(context, persons, results);
      Benchmarks.settle(context);
    }
    if (Benchmarks.selected("treatment")) {
      results.section("treatment");
      TreatmentBenchmark.run(context, persons, results);
      Benchmarks.settle(context);
    }
    if (Benchmarks.selected("sentinel")) {
      results.section("sentinel");
      SentinelBenchmark.run(context, persons, results);
      Benchmarks.settle(context);
    }
    if (Benchmarks.selected("keygroup")) {
      results.section("keygroup");
      KeyGroupBenchmark.run(context, persons, results);
      Benchmarks.settle(context);
    }
  }

  /** Whether the run uses the specification's volumes. */
  static boolean specVolumes(int persons) {
    return Boolean.parseBoolean(System.getProperty("bench.specVolumes", String.valueOf(persons >= 1_000_000)));
  }

  /** A volume of the specification, or a hundredth of it on a small run. */
  static int volume(int spec, int persons) {
    return specVolumes(persons) ? spec : Math.max(1, spec / 100);
  }

  /** One side of a two-sided volume, or a tenth of it on a small run. */
  static int side(int spec, int persons) {
    return specVolumes(persons) ? spec : Math.max(1, spec / 10);
  }

  /** A valid unified social credit code of the city's region: {@code 91990100}, a letter, eight digits. */
  static String creditCode(char letter, int n) {
    String first17 = "91990100" + letter + String.format("%08d", n);
    return first17 + CreditCode.checkCharacter(first17);
  }

  /** The communities (VILLAGE) of the city, by district (COUNTY) code, both in code order. */
  static Map<String, List<String>> communitiesByDistrict(JdbcClient jdbc) {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    jdbc.sql("""
        select d.code, v.code from jurisdiction d join jurisdiction v on v.level = 'VILLAGE'
          and v.path like d.path || '%' where d.level = 'COUNTY' order by d.code, v.code""")
        .query((rs, n) -> out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)))
        .list();
    return out;
  }

  /** Runs the work as the user (its facades check the same permissions as over HTTP). */
  static <T> T as(ConfigurableApplicationContext context, String username, Callable<T> work) throws Exception {
    SecurityContextHolder.getContext().setAuthentication(
        context.getBean(ImportPrincipals.class).authenticationOf(username).orElseThrow());
    try {
      return work.call();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  static String base(ConfigurableApplicationContext context) {
    return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * p50 and p95 of 30 GETs after 5 warm-ups beside the same for {@code baselineUrl} ({@code /api/v1/me} for an
   * API, a static file for a page) as the same user; p95 must stay under {@code ceiling} ms. {@code expect}, when
   * given, must be in every answer (proves the figure measured a full board).
   */
  static void latency(Benchmarks.Results results, String name, HttpClient client, String url, String baselineUrl,
      String auth, String expect, double ceiling) throws Exception {
    latency(results, name, client, url, baselineUrl, auth, expect, ceiling, 30);
  }

  /** As above with {@code n} measured requests (for a page too slow to ask 30 times). */
  static void latency(Benchmarks.Results results, String name, HttpClient client, String url, String baselineUrl,
      String auth, String expect, double ceiling, int n) throws Exception {
    latency(results, name, client, List.of(url), baselineUrl, auth, expect, ceiling, n);
  }

  /** As above, the {@code n} requests going round {@code urls} in turn (a list asked of each district). */
  static void latency(Benchmarks.Results results, String name, HttpClient client, List<String> urls,
      String baselineUrl, String auth, String expect, double ceiling, int n) throws Exception {
    double[] baseline = timings(client, List.of(baselineUrl), auth, null, 30);
    double[] measured = timings(client, urls, auth, expect, n);
    results.figure(name + ".p50", "ms", measured[0], null, baseline[0], null);
    results.figure(name + ".p95", "ms", measured[1], "< " + (int) ceiling, baseline[1], null);
    results.ceiling(name + ".p95", measured[1], ceiling);
  }

  private static double[] timings(HttpClient client, List<String> urls, String auth, String expect, int n)
      throws Exception {
    List<HttpRequest> requests = urls.stream().map(url -> HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", auth).GET().build()).toList();
    for (int i = 0; i < Math.max(Math.min(5, n), requests.size()); i++) {
      check(client.send(requests.get(i % requests.size()), HttpResponse.BodyHandlers.ofString()), expect);
    }
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      HttpRequest request = requests.get(i % requests.size());
      long t = System.nanoTime();
      check(client.send(request, HttpResponse.BodyHandlers.ofString()), expect);
      millis.add((System.nanoTime() - t) / 1e6);
    }
    millis.sort(Double::compare);
    return new double[] {millis.get((n - 1) / 2), millis.get((int) Math.ceil(n * 0.95) - 1)};
  }

  private static void check(HttpResponse<String> response, String expect) {
    if (response.statusCode() != 200 || expect != null && !response.body().contains(expect)) {
      throw new IllegalStateException("request failed: " + response.statusCode() + " " + response.uri() + " "
          + response.body().substring(0, Math.min(300, response.body().length())));
    }
  }

  static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
