package org.epicommand.soak;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.epicommand.person.ResidentIdNumber;

/**
 * Load and soak: the main API reads (who am I, person search by name and ID tail, list pages,
 * division tree) and writes (person registration) at a fixed rate for {@code soak.minutes}
 * (default 10) against a running platform. Passes with zero failed requests; reports
 * p50/p95/p99; and compares the heap live after a full GC (Micrometer's {@code jvm_gc_live_data_size_bytes},
 * right after a GC forced with jcmd when the platform runs on the same machine) at minute 2 and at
 * the end: it must not have grown by more than 20 %.
 */
public class ApiSoakSimulation extends Simulation {

  private static final String BASE = System.getProperty("soak.baseUrl", "http://127.0.0.1:8080");
  private static final int MINUTES = Integer.getInteger("soak.minutes", 10);
  private static final double RATE = Double.parseDouble(System.getProperty("soak.rate", "30"));
  private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
  private static final AtomicLong HEAP_AT_TWO = new AtomicLong();
  private static final AtomicLong HEAP_AT_END = new AtomicLong();
  private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000);

  private final HttpProtocolBuilder protocol = http.baseUrl(BASE).acceptHeader("application/json")
      .acceptLanguageHeader("zh-CN").shareConnections();

  private static Iterator<Map<String, Object>> searches() {
    return Stream.generate(() -> {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      String q = random.nextBoolean() ? SURNAMES[random.nextInt(SURNAMES.length)]
          : String.format("%04d", random.nextInt(10_000));
      return Map.<String, Object>of("q", q, "page", random.nextInt(5));
    }).iterator();
  }

  /** A new person each time: valid, unique resident ID numbers in the district's first community. */
  private static Iterator<Map<String, Object>> newPersons() {
    return Stream.generate(() -> {
      long n = SEQUENCE.incrementAndGet();
      LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(n % 25_000);
      String first17 = "450103" + birth.toString().replace("-", "") + String.format("%03d", (n / 25_000) % 1000);
      String body = "{\"name\":\"压测" + n + "\",\"idType\":\"RESIDENT_ID\",\"idNumber\":\"" + first17
          + ResidentIdNumber.checkCharacter(first17) + "\",\"phone\":\"139" + String.format("%08d", n % 100_000_000)
          + "\",\"address\":\"压测路" + (n % 500) + "号\",\"jurisdictionCode\":\"990101001001\"}";
      return Map.<String, Object>of("body", body);
    }).iterator();
  }

  private final ScenarioBuilder reads = scenario("reads").feed(searches())
      .exec(http("me").get("/api/v1/me").basicAuth("district", "demo1234").check(status().is(200)))
      .exec(http("search").get("/api/v1/persons").queryParam("q", "#{q}").basicAuth("district", "demo1234")
          .check(status().is(200)))
      .exec(http("list").get("/api/v1/persons").queryParam("page", "#{page}").basicAuth("community", "demo1234")
          .check(status().is(200)))
      .exec(http("divisions").get("/api/v1/jurisdictions?parent=990100").basicAuth("commander", "demo1234")
          .check(status().is(200)));

  private final ScenarioBuilder writes = scenario("writes").feed(newPersons())
      .exec(http("register").post("/api/v1/persons").basicAuth("district", "demo1234")
          .header("Content-Type", "application/json").body(StringBody("#{body}"))
          .check(status().in(201, 409)));

  /**
   * Forces a full GC in the platform's JVM (same machine: {@code jcmd <main class> GC.run}) so that
   * the live-data figure read next is a real post-GC floor; without jcmd the last GC's figure is used.
   */
  private static void forceFullGc() {
    try {
      Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
      Process process = new ProcessBuilder(jcmd.toString(), "org.epicommand.EpiCommandApplication", "GC.run")
          .redirectErrorStream(true).start();
      process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
      Thread.sleep(1000);
    } catch (java.io.IOException e) {
      System.out.println("no jcmd: the heap figures are those of the last GC the platform ran itself");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Forces a full GC, then reads the live data size from the platform's metrics. */
  private static void sampleLiveHeap(AtomicLong target) {
    forceFullGc();
    try {
      java.net.http.HttpResponse<String> metrics = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(BASE + "/actuator/prometheus"))
              .header("Accept", "text/plain").header("Authorization", "Basic " + java.util.Base64.getEncoder()
                  .encodeToString("admin:demo1234".getBytes(java.nio.charset.StandardCharsets.UTF_8))).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      java.util.regex.Matcher live = java.util.regex.Pattern
          .compile("(?m)^jvm_gc_live_data_size_bytes(?:\\{[^}]*\\})? ([0-9.Ee+]+)").matcher(metrics.body());
      if (live.find()) {
        target.set((long) Double.parseDouble(live.group(1)));
      }
    } catch (java.io.IOException e) {
      System.out.println("could not read the platform's metrics: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Heap samples run beside the load (never on Gatling's own threads, which must not block). */
  private final java.util.concurrent.ScheduledExecutorService sampler =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor();

  @Override
  public void before() {
    long total = MINUTES * 60L;
    long early = Math.min(120, total / 2);
    sampler.schedule(() -> sampleLiveHeap(HEAP_AT_TWO), early, java.util.concurrent.TimeUnit.SECONDS);
    sampler.schedule(() -> sampleLiveHeap(HEAP_AT_END), Math.max(early + 1, total - 10),
        java.util.concurrent.TimeUnit.SECONDS);
  }

  {
    setUp(reads.injectOpen(constantUsersPerSec(RATE).during(Duration.ofMinutes(MINUTES))),
        writes.injectOpen(constantUsersPerSec(Math.max(1, RATE / 10)).during(Duration.ofMinutes(MINUTES))))
        .protocols(protocol)
        .assertions(global().failedRequests().count().is(0L));
  }

  @Override
  public void after() {
    sampler.shutdownNow();
    long early = HEAP_AT_TWO.get();
    long late = HEAP_AT_END.get();
    System.out.printf("heap live after full GC: minute 2 = %,d bytes, end = %,d bytes%n", early, late);
    if (early > 0 && late > early * 1.2) {
      throw new IllegalStateException("the heap grew by more than 20 % between minute 2 and the end");
    }
  }
}
