package org.epicommand.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.IntFunction;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The product's HTTP API as the benchmarks call it: a demo user's basic credentials, a request that must
 * answer 2xx, and p50/p95 of a series of requests against a ceiling.
 */
final class BenchHttp {

  private final HttpClient client = HttpClient.newHttpClient();
  private final String base;

  BenchHttp(ConfigurableApplicationContext context) {
    this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo1234").getBytes(StandardCharsets.UTF_8));
  }

  /** A GET as {@code user}; the body, or an exception naming the status. */
  String get(String user, String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(user)).GET().build());
  }

  /** A POST of a JSON body as {@code user}; the body, or an exception naming the status. */
  String post(String user, String path, String json) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(user))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  private String send(HttpRequest request) throws Exception {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("request failed: " + response.statusCode() + " " + response.uri() + " "
          + response.body());
    }
    return response.body();
  }

  /**
   * p50 and p95 of {@code runs} GETs as {@code user} after {@code warmUps} (request {@code i} asks for
   * {@code path.apply(i)}); p95 must stay under {@code ceilingMillis}.
   */
  void latency(Benchmarks.Results results, String name, String user, int warmUps, int runs,
      IntFunction<String> path, double ceilingMillis) throws Exception {
    for (int i = 0; i < warmUps; i++) {
      get(user, path.apply(i));
    }
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      get(user, path.apply(i));
      millis.add((System.nanoTime() - t) / 1e6);
    }
    millis.sort(Double::compare);
    double p95 = millis.get((int) Math.ceil(0.95 * runs) - 1);
    results.figure(name + ".p50", "ms", millis.get((int) Math.ceil(0.5 * runs) - 1), null, null, null);
    results.figure(name + ".p95", "ms", p95, "< " + (int) ceilingMillis, null, null);
    results.ceiling(name + ".p95", p95, ceilingMillis);
  }
}
