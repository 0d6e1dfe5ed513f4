package org.epicommand.bench;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.epicommand.account.Role;
import org.epicommand.account.UserAdministration;
import org.epicommand.imports.ImportPrincipals;
import org.epicommand.imports.internal.ImportJobs;
import org.epicommand.sentinel.NewPharmacy;
import org.epicommand.sentinel.Pharmacies;
import org.epicommand.sentinel.PharmacyClerks;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sentinels: 5,000 pharmacies (a hundredth on small runs, see {@link CapabilityBench}) registered in the
 * organisation directory through the {@code organisations} import and as sentinels through the facade, a day of
 * 200 registrations at each as a volume fixture, then {@link #CLERKS} clerks at their counters posting real-name
 * purchases of residents of the registry ({@code POST /api/v1/sentinel/purchases}: the document checked, the buyer
 * found in the registry, the rule in force applied, the registration and its audit event written) from as many
 * threads at once: {@code -Dbench.sentinel.posts} of them (default 4,000; 400 on small runs) after a quarter as
 * many unmeasured, beside {@code /api/v1/me} read by the same clerks in the same way (p99 < 100 ms). Before the
 * posts, the sentinel board of the city (API and page, the commander) over the day and 20 such days before it.
 */
final class SentinelBenchmark {

  static final int CLERKS = 8;
  static final int PER_DAY = 200;

  private SentinelBenchmark() {}

  static void run(ConfigurableApplicationContext context, int persons, Benchmarks.Results results) throws Exception {
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    int pharmacies = Math.max(CLERKS, CapabilityBench.volume(5_000, persons));
    int posts = Integer.getInteger("bench.sentinel.posts", CapabilityBench.specVolumes(persons) ? 4_000 : 400);
    Map<String, List<String>> byDistrict = CapabilityBench.communitiesByDistrict(jdbc);
    List<String> communities = byDistrict.values().stream().flatMap(List::stream).toList();

    Path file = Files.createDirectories(Path.of("target", "bench")).resolve("pharmacies.csv");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("creditCode,name,kind,jurisdictionCode,headcount\n");
      for (int p = 0; p < pharmacies; p++) {
        out.write(CapabilityBench.creditCode('P', p) + ",基准药房" + p + ",药店," + communities.get(p % communities.size())
            + ",6\n");
      }
    }
    long t = System.nanoTime();
    LabtestBenchmark.importFile(context.getBean(ImportJobs.class),
        context.getBean(ImportPrincipals.class).authenticationOf("commander").orElseThrow(), "organisations", file);
    UserAdministration users = context.getBean(UserAdministration.class);
    CapabilityBench.as(context, "commander", () -> {
      Pharmacies sentinels = context.getBean(Pharmacies.class);
      for (int p = 0; p < pharmacies; p++) {
        sentinels.register(new NewPharmacy(CapabilityBench.creditCode('P', p), String.format("晋CB%07d", 100_000 + p),
            p % 3 == 0 ? "基准连锁" : null));
      }
      PharmacyClerks clerks = context.getBean(PharmacyClerks.class);
      for (int c = 0; c < CLERKS; c++) {
        if (users.findByUsername(clerk(c)).isEmpty()) {
          users.createDemoAccount(clerk(c), "基准店员" + c, CapabilityBench.PASSWORD, Role.PHARMACY_CLERK,
              communities.get(c % communities.size()));
        }
        clerks.bind(CapabilityBench.creditCode('P', c), clerk(c));
      }
      return null;
    });
    results.figure("sentinel.pharmaciesRegistered", "s", CapabilityBench.seconds(t), pharmacies
        + " pharmacies (directory import, then the sentinel facade)", null, null);

    // the day so far: 200 registrations at every pharmacy, buyers taken from the registry in turn
    t = System.nanoTime();
    int day = jdbc.sql("""
        with buyers as (select id, name, coalesce(phone, '13900000000') as phone, jurisdiction_path,
                          row_number() over () - 1 as n from (select * from person limit 200000) p),
             shops as (select credit_code, jurisdiction_path, row_number() over (order by credit_code) - 1 as k
                       from sentinel_pharmacy where credit_code like '91990100P%')
        insert into sentinel_purchase (id, pharmacy_code, pharmacy_path, purchased_at, person_id, buyer_name, masked_id,
          phone, buyer_path, approval_number, drug_class, quantity, temperature, mode, test_due_at, recorded_by,
          recorded_at)
        select gen_random_uuid(), s.credit_code, s.jurisdiction_path, now() - (g * 3) * interval '1 minute', b.id,
          b.name, '110***********123X', b.phone, b.jurisdiction_path, '国药准字H10900089', 'ANTIPYRETIC_ANALGESIC', 1,
          36.5, 'REAL_NAME_TEST_72H', now() + interval '72 hours' - (g * 3) * interval '1 minute', 'bench',
          now() - (g * 3) * interval '1 minute'
        from shops s cross join generate_series(0, :perDay - 1) g
        join buyers b on b.n = (s.k * :perDay + g) % (select count(*) from buyers)""")
        .param("perDay", PER_DAY).update();
    BenchDatabase.ownerJdbc(context).sql("analyze sentinel_purchase").update();
    results.figure("sentinel.dayLoaded", "registrations", day, null, null, null);
    results.figure("sentinel.dayLoad", "s", CapabilityBench.seconds(t), null, null, null);

    // the board's counts for three weeks of such days (as the registrations would have kept them), then the city's
    // board: its districts × 21 days × classes, whatever the registrations
    t = System.nanoTime();
    int counted = jdbc.sql("""
        insert into sentinel_purchase_count (scope_code, day, drug_class, part_code, shard, registrations, packs)
        select p.segments[i], p.day - g, p.drug_class,
               case when i = cardinality(p.segments) - 1 then '' else p.segments[i + 1] end, 0, sum(p.n), sum(p.q)
        from (select string_to_array(trim(both '/' from min(pharmacy_path)), '/') as segments,
                     (purchased_at at time zone 'Asia/Shanghai')::date as day, drug_class, count(*) as n,
                     sum(quantity) as q
              from sentinel_purchase where pharmacy_code like '91990100P%'
              group by pharmacy_code, 2, drug_class) p
          cross join lateral generate_series(1, cardinality(p.segments) - 1) i
          cross join generate_series(1, 20) g
        group by 1, 2, 3, 4
        on conflict (scope_code, day, drug_class, part_code, shard) do update
          set registrations = sentinel_purchase_count.registrations + excluded.registrations,
              packs = sentinel_purchase_count.packs + excluded.packs""").update();
    BenchDatabase.ownerJdbc(context).sql("analyze sentinel_purchase_count").update();
    results.figure("sentinel.boardCountsLoaded", "rows", counted, "20 days before today", null, null);
    results.figure("sentinel.boardCountsLoad", "s", CapabilityBench.seconds(t), null, null, null);
    String boardBase = CapabilityBench.base(context);
    HttpClient boardClient = HttpClient.newHttpClient();
    CapabilityBench.latency(results, "sentinel.boardApi", boardClient, boardBase + "/api/v1/sentinel/board",
        boardBase + "/api/v1/me", CapabilityBench.basic("commander"), "\"alerts\"", 300);
    CapabilityBench.latency(results, "sentinel.boardPage", boardClient, boardBase + "/sentinel/board",
        boardBase + "/js/app.js", CapabilityBench.basic("commander"), "board-chart", 300);

    // the buyers at the counters: residents of the registry, each once, with what they tell the clerk
    List<String> bodies = jdbc.sql("""
        select id_number, name, coalesce(phone, '13900000000'), jurisdiction_code from person
        where id_type = 'RESIDENT_ID' order by id desc limit :n""").param("n", posts + posts / 4)
        .query((rs, n) -> "{\"idType\":\"RESIDENT_ID\",\"idNumber\":\"" + rs.getString(1) + "\",\"name\":\""
            + rs.getString(2) + "\",\"phone\":\"" + rs.getString(3) + "\",\"jurisdictionCode\":\"" + rs.getString(4)
            + "\",\"approvalNumber\":\"" + PRODUCTS[n % PRODUCTS.length] + "\",\"quantity\":" + (1 + n % 3)
            + ",\"temperature\":36." + n % 10 + "}").list();
    String base = CapabilityBench.base(context);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    AtomicInteger next = new AtomicInteger();
    IntFunction<HttpRequest> post = c -> HttpRequest.newBuilder(URI.create(base + "/api/v1/sentinel/purchases"))
        .header("Authorization", CapabilityBench.basic(clerk(c))).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(bodies.get(next.getAndIncrement() % bodies.size()))).build();
    IntFunction<HttpRequest> me = c -> HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
        .header("Authorization", CapabilityBench.basic(clerk(c))).GET().build();
    load(client, me, posts / 4);
    double[] baseline = load(client, me, posts);
    load(client, post, posts / 4);
    double[] measured = load(client, post, posts);
    String load = posts + " posts, " + CLERKS + " clerks at once";
    results.figure("sentinel.purchasePost.p50", "ms", measured[0], load, baseline[0], null);
    results.figure("sentinel.purchasePost.p95", "ms", measured[1], null, baseline[1], null);
    results.figure("sentinel.purchasePost.p99", "ms", measured[2], "< 100", baseline[2], null);
    results.figure("sentinel.purchasePost.throughput", "posts/s", measured[3], null, baseline[3], null);
    results.ceiling("sentinel.purchasePost.p99", measured[2], 100);
  }

  /** Products of classes the city sells: antipyretics (real name, test within 72 h), antivirals, cough, TCM. */
  private static final String[] PRODUCTS = {"国药准字H10900089", "国药准字H20013062", "国药准字H20065414",
      "国药准字H44021565", "国药准字Z20040063"};

  private static String clerk(int c) {
    return "bench-clerk-" + c;
  }

  /**
   * {@code n} requests, {@link #CLERKS} closed-loop clients each making its clerk's: p50, p95, p99 (ms) and
   * requests per second; any answer other than 200/201 fails the section with its body.
   */
  private static double[] load(HttpClient client, IntFunction<HttpRequest> request, int n) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLERKS);
    AtomicInteger done = new AtomicInteger();
    AtomicReference<String> failure = new AtomicReference<>();
    long[] millis = new long[n];
    long started = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < CLERKS; c++) {
        int clerk = c;
        futures.add(pool.submit(() -> {
          for (int i = done.getAndIncrement(); i < n && failure.get() == null; i = done.getAndIncrement()) {
            long t = System.nanoTime();
            HttpResponse<String> response = client.send(request.apply(clerk), HttpResponse.BodyHandlers.ofString());
            millis[i] = System.nanoTime() - t;
            if (response.statusCode() != 200 && response.statusCode() != 201) {
              failure.compareAndSet(null, response.statusCode() + " " + response.body());
            }
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    double seconds = CapabilityBench.seconds(started);
    if (failure.get() != null) {
      throw new IllegalStateException("sentinel request failed: " + failure.get());
    }
    Arrays.sort(millis);
    return new double[] {millis[n / 2] / 1e6, millis[(int) (n * 0.95)] / 1e6, millis[(int) (n * 0.99)] / 1e6,
        n / seconds};
  }
}
