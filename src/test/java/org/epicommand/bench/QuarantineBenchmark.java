package org.epicommand.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.quarantine.HealthChecks;
import org.epicommand.quarantine.NewOrder;
import org.epicommand.quarantine.OrderReason;
import org.epicommand.quarantine.OrderSource;
import org.epicommand.quarantine.QuarantineOrders;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Quarantine: the phone health-check endpoint under load on loopback (target ≥ 3,000 requests/s
 * with p99 < 50 ms), against the same load on a small static file as the in-run
 * baseline (no database, no JSON body: what this client and server can do at all).
 */
final class QuarantineBenchmark {

  static final int LINKS = 2_000;
  static final int CLIENTS = Integer.getInteger("bench.clients", 16);
  static final Duration WARM_UP = Duration.ofSeconds(5);
  static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.loadSeconds", 10));

  private QuarantineBenchmark() {}

  record Load(double perSecond, double p50, double p99, long errors) {}

  static void run(ConfigurableApplicationContext context, Benchmarks.Results results) throws Exception {
    SecurityContextHolder.getContext().setAuthentication(
        context.getBean(ImportPrincipals.class).authenticationOf("commander").orElseThrow());
    List<String> tokens = new ArrayList<>();
    try {
      QuarantineOrders orders = context.getBean(QuarantineOrders.class);
      HealthChecks checks = context.getBean(HealthChecks.class);
      LocalDate anchor = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
      List<UUID> persons = context.getBean(JdbcClient.class).sql("select id from person order by id limit :n")
          .param("n", LINKS).query(UUID.class).list();
      for (UUID person : persons) {
        String orderId = orders.openForPlatform(new NewOrder(person, OrderReason.SECONDARY_CONTACT, anchor, "V9",
            OrderSource.MANUAL, "bench")).id();
        tokens.add(checks.issueLink(UUID.fromString(orderId)));
      }
    } finally {
      SecurityContextHolder.clearContext();
    }
    String base = "http://127.0.0.1:" + context.getBean(Environment.class).getProperty("local.server.port");
    Load baseline;
    Load checks;
    if (Files.isExecutable(WRK)) {
      // wrk (C, event loop) drives far more load than a JVM client sharing the two cores could
      baseline = wrk(base + "/js/app.js", null);
      checks = wrk(base + "/api/v1/public/health-links/", tokens);
      results.figure("quarantine.healthCheck.loadGenerator", "wrk", 1, null, null, null);
    } else {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      baseline = load(client, i -> HttpRequest.newBuilder(URI.create(base + "/js/app.js")).GET().build());
      checks = load(client, i -> HttpRequest.newBuilder(URI.create(base + "/api/v1/public/health-links/"
              + tokens.get((int) (i % tokens.size())) + "/health-checks"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"temperature\": 36." + (i % 10) + "}")).build());
    }
    results.figure("quarantine.healthCheck.throughput", "req/s", checks.perSecond(), ">= 3000",
        baseline.perSecond(), 0.6);
    results.figure("quarantine.healthCheck.p50", "ms", checks.p50(), null, baseline.p50(), null);
    results.figure("quarantine.healthCheck.p99", "ms", checks.p99(), "< 50", baseline.p99(), null);
    results.figure("quarantine.healthCheck.errors", "requests", checks.errors(), "0", null, null);
    results.ceiling("quarantine.healthCheck.errors", checks.errors(), 1);
  }

  static final Path WRK = Path.of("/usr/bin/wrk");
  static final Pattern WRK_RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  static final Pattern WRK_PERCENTILE = Pattern.compile("\\s(50|99)%\\s+([0-9.]+)(us|ms|s)");
  static final Pattern WRK_ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)|Socket errors: connect (\\d+), "
      + "read (\\d+), write (\\d+), timeout (\\d+)");

  /**
   * wrk with {@link #CLIENTS} connections on 2 threads, a warm-up, then the measured run; with
   * tokens, each request posts a health check through the next personal link.
   */
  static Load wrk(String url, List<String> tokens) throws Exception {
    Path script = Files.createTempFile("wrk", ".lua");
    if (tokens != null) {
      String path = URI.create(url).getPath();
      Files.writeString(script, "local tokens = {" + tokens.stream().map(t -> "\"" + t + "\"")
          .collect(java.util.stream.Collectors.joining(",")) + "}\n"
          + "local i = math.random(#tokens)\n"
          + "request = function()\n  i = i % #tokens + 1\n"
          + "  return wrk.format(\"POST\", \"" + path + "\" .. tokens[i] .. \"/health-checks\", "
          + "{[\"Content-Type\"] = \"application/json\"}, '{\"temperature\": 36.6}')\nend\n");
    } else {
      Files.writeString(script, "");
    }
    String origin = url.substring(0, url.indexOf('/', "http://".length()));
    String target = tokens == null ? url : origin + "/";
    runWrk(target, script, WARM_UP);
    String out = runWrk(target, script, MEASURE);
    Files.deleteIfExists(script);
    Matcher rate = WRK_RATE.matcher(out);
    if (!rate.find()) {
      throw new IllegalStateException("wrk said: " + out);
    }
    double p50 = 0;
    double p99 = 0;
    Matcher percentile = WRK_PERCENTILE.matcher(out);
    while (percentile.find()) {
      double value = Double.parseDouble(percentile.group(2))
          * switch (percentile.group(3)) { case "us" -> 0.001; case "s" -> 1000; default -> 1; };
      if (percentile.group(1).equals("50")) {
        p50 = value;
      } else {
        p99 = value;
      }
    }
    long errors = 0;
    Matcher failed = WRK_ERRORS.matcher(out);
    while (failed.find()) {
      for (int g = 1; g <= failed.groupCount(); g++) {
        errors += failed.group(g) == null ? 0 : Long.parseLong(failed.group(g));
      }
    }
    return new Load(Double.parseDouble(rate.group(1)), p50, p99, errors);
  }

  private static String runWrk(String url, Path script, Duration duration) throws Exception {
    Process wrk = new ProcessBuilder(WRK.toString(), "-t2", "-c" + CLIENTS, "-d" + duration.toSeconds() + "s",
        "--latency", "-s", script.toString(), url).redirectErrorStream(true).start();
    String out = new String(wrk.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    wrk.waitFor();
    return out;
  }

  interface Requests {
    HttpRequest request(long i);
  }

  /** {@link #CLIENTS} closed-loop clients for the warm-up, then for the measured period. */
  static Load load(HttpClient client, Requests requests) throws Exception {
    run(client, requests, WARM_UP, null);
    long[][] latencies = new long[CLIENTS][];
    AtomicLong errors = new AtomicLong();
    long started = System.nanoTime();
    int[] counts = run(client, requests, MEASURE, new Object[] {latencies, errors});
    double seconds = (System.nanoTime() - started) / 1e9;
    long total = Arrays.stream(counts).sum();
    long[] all = new long[(int) total];
    int at = 0;
    for (int c = 0; c < CLIENTS; c++) {
      System.arraycopy(latencies[c], 0, all, at, counts[c]);
      at += counts[c];
    }
    Arrays.sort(all);
    return new Load(total / seconds, all[(int) (total * 0.50)] / 1e6, all[(int) (total * 0.99)] / 1e6, errors.get());
  }

  private static int[] run(HttpClient client, Requests requests, Duration duration, Object[] sink) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    long end = System.nanoTime() + duration.toNanos();
    AtomicLong sequence = new AtomicLong();
    List<Future<Integer>> futures = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int clientIndex = c;
      futures.add(pool.submit(() -> {
        long[] mine = new long[1 << 20];
        int n = 0;
        while (System.nanoTime() < end && n < mine.length) {
          long t0 = System.nanoTime();
          HttpResponse<Void> response = client.send(requests.request(sequence.getAndIncrement()),
              HttpResponse.BodyHandlers.discarding());
          mine[n++] = System.nanoTime() - t0;
          if (response.statusCode() >= 300 && sink != null) {
            ((AtomicLong) sink[1]).incrementAndGet();
          }
        }
        if (sink != null) {
          ((long[][]) sink[0])[clientIndex] = mine;
        }
        return n;
      }));
    }
    int[] counts = new int[CLIENTS];
    for (int c = 0; c < CLIENTS; c++) {
      counts[c] = futures.get(c).get();
    }
    pool.shutdown();
    return counts;
  }
}
