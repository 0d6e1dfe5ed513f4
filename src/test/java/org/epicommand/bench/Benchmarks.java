package org.epicommand.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.epicommand.EpiCommandApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark harness: builds the synthetic city of {@code -Dbench.persons} residents (default
 * 100,000, the CI variant; 10,000,000 for the figures of docs/performance.md) on a fresh embedded PostgreSQL, runs
 * every benchmark, prints each figure beside its target and its in-run baseline with the ratio,
 * writes {@code target/bench/results.json} (at 1 M residents and more also merges it into the record of
 * docs/performance-10m.json, section by section, see {@link PerformanceReport}), and fails when a ratio
 * falls below its floor or a latency above its ceiling ({@code -Dbench.reportOnly=true}: prints them and
 * passes).
 *
 * <pre>./mvnw -Pbench test-compile exec:java@small-benchmark -Dbench.persons=10000000</pre>
 */
public final class Benchmarks {

  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    int size = Integer.getInteger("bench.persons", 100_000);
    Results results = new Results(size);
    boolean completed = false;
    List<String> arguments = new ArrayList<>(List.of("--epicommand.db.embedded.ephemeral=true",
        "--epicommand.demo.enabled=true", "--server.port=0", "--epicommand.quarantine.mqtt.port=0",
        "--epicommand.db.embedded.server-config.shared_buffers=2GB",
        "--epicommand.db.embedded.server-config.maintenance_work_mem=1GB",
        "--epicommand.db.embedded.server-config.max_wal_size=16GB",
        // the key-group section runs the day's sweep itself, timed; no count of the residents while a section runs
        "--epicommand.keygroup.jobs=false", "--epicommand.vaccination.jobs=false"));
    if (StatementTimings.enabled()) {
      arguments.add("--epicommand.db.embedded.server-config.shared_preload_libraries=pg_stat_statements");
    }
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EpiCommandApplication.class)
        .properties("epicommand.demo.population=0", "logging.level.root=WARN")
        .run(arguments.toArray(String[]::new))) {
      // the persons are every other section's ground; the rest can be picked with -Dbench.only=a,b
      results.section("persons");
      PersonBenchmark.run(context, size, results);
      settle(context);
      if (selected("movement")) {
        results.section("movement");
        MovementBenchmark.run(context, size, results);
        settle(context);
      }
      if (selected("quarantine")) {
        results.section("quarantine");
        QuarantineBenchmark.run(context, results);
        settle(context);
      }
      if (selected("cases")) {
        results.section("cases");
        CaseBenchmark.run(context, size, results);
        settle(context);
      }
      if (selected("command")) {
        results.section("command");
        CommandBenchmark.run(context, results);
        settle(context);
      }
      if (selected("labtest")) {
        results.section("labtest");
        LabtestBenchmark.run(context, results);
        settle(context);
      }
      if (selected("analytics")) {
        results.section("analytics");
        AnalyticsBenchmark.run(context, size, results);
        settle(context);
      }
      if (selected("maps")) {
        results.section("maps");
        MapBenchmark.run(context, size, results);
        settle(context);
      }
      if (selected("screening")) {
        results.section("screening");
        ScreeningBenchmark.run(context, results);
        settle(context);
      }
      if (selected("vaccination")) {
        results.section("vaccination");
        VaccinationBenchmark.run(context, results);
        settle(context);
      }
      if (selected("tracing")) {
        results.section("tracing");
        TracingBenchmark.run(context, size, results);
        settle(context);
      }
      // reopening, supplies, treatment, sentinels, key groups:
      // -Dbench.only=enterprise,supplies,treatment,sentinel,keygroup
      CapabilityBench.runSelected(context, size, results);
      completed = true;
    } finally {
      results.write(Path.of("target", "bench", "results.json"));
      results.print();
      PerformanceReport.write(Path.of("target", "bench", "results.json"), Path.of("target", "bench", "performance.md"));
      if (completed && size >= 1_000_000) {
        // the record of 10 M figures: the sections run replace theirs, the others keep theirs (a run stopped or
        // failed half-way records nothing: its sections would lose figures it never reached)
        PerformanceReport.record(Path.of("target", "bench", "results.json"), PerformanceReport.RECORD,
            PerformanceReport.RECORD_PAGE);
      }
    }
    List<String> violations = results.violations();
    if (!violations.isEmpty()) {
      if (Boolean.getBoolean("bench.reportOnly")) {
        // a noisy machine (CI shares its cores) can push a timing past its floor; a broken benchmark
        // still fails, as the exception above it would
        System.out.println("WARNING: benchmark floors violated (reported only): " + violations);
        return;
      }
      throw new IllegalStateException("benchmark floors violated: " + violations);
    }
  }

  /**
   * Waits (at most two minutes) until the module events a section set off have been handled, so that
   * the next section is measured alone and the context closes with nothing in flight.
   */
  static void settle(ConfigurableApplicationContext context) throws InterruptedException {
    org.springframework.jdbc.core.simple.JdbcClient jdbc =
        context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline
        && jdbc.sql("select count(*) from event_publication where completion_date is null")
        .query(Long.class).single() > 0) {
      Thread.sleep(200);
    }
  }

  /** Whether a section runs: all of them, unless {@code -Dbench.only} names some. */
  static boolean selected(String section) {
    String only = System.getProperty("bench.only", "").strip();
    return only.isEmpty() || java.util.Arrays.asList(only.split("\\s*,\\s*")).contains(section);
  }

  /** Figures with their unit, target, baseline and floor. */
  static final class Results {

    private final Map<String, Object> run = new LinkedHashMap<>();
    private final List<Map<String, Object>> figures = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private String section = "persons";

    Results(int persons) {
      run.put("date", LocalDateTime.now().withNano(0).toString());
      run.put("persons", persons);
      run.put("machine", Runtime.getRuntime().availableProcessors() + " cores, "
          + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB max heap, Java " + System.getProperty("java.version")
          + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + cpu());
      run.put("sections", System.getProperty("bench.only", "all"));
    }

    /** The section whose figures follow (a name of {@code -Dbench.only}). */
    void section(String name) {
      section = name;
    }

    /**
     * A figure; with a baseline, the ratio figure/baseline is checked against {@code floor}. Like the
     * ceilings, floors are set for the 10 M run: the small run, whose timings last a second or less and
     * swing with the machine's load, checks half the floor.
     */
    void figure(String name, String unit, double value, String target, Double baseline, Double givenFloor) {
      Double floor = givenFloor;
      if (floor != null && ((Number) run.get("persons")).intValue() < 1_000_000) {
        floor = floor / 2;
      }
      Map<String, Object> figure = new LinkedHashMap<>();
      figure.put("section", section);
      figure.put("name", name);
      figure.put("unit", unit);
      figure.put("value", round(value));
      figure.put("target", target);
      if (baseline != null) {
        double ratio = value / baseline;
        figure.put("baseline", round(baseline));
        figure.put("ratio", round(ratio));
        figure.put("floor", floor);
        if (floor != null && ratio < floor) {
          violations.add(name + " ratio " + round(ratio) + " < " + floor);
        }
      }
      figures.add(figure);
      // as they come, so that a long run shows its figures before it ends (or is stopped)
      System.out.println("figure " + figure);
    }

    /**
     * A latency ceiling. The targets are set for the 10 M run on an otherwise idle machine; the small
     * run inside {@code ./mvnw verify} allows twice the ceiling, enough to catch a lost index or a
     * query gone quadratic without failing a build on a busy machine's noise.
     */
    void ceiling(String name, double value, double ceiling) {
      double limit = ((Number) run.get("persons")).intValue() >= 1_000_000 ? ceiling : 2 * ceiling;
      if (value >= limit) {
        violations.add(name + " " + round(value) + " >= " + limit);
      }
    }

    List<String> violations() {
      return violations;
    }

    /** The processor's model name where Linux tells it. */
    private static String cpu() {
      try {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
            .findFirst().map(l -> ", " + l.substring(l.indexOf(':') + 1).strip()).orElse("");
      } catch (java.io.IOException | RuntimeException unknown) {
        return "";
      }
    }

    void write(Path file) throws java.io.IOException {
      Files.createDirectories(file.getParent());
      Map<String, Object> json = new LinkedHashMap<>(run);
      json.put("figures", figures);
      json.put("violations", violations);
      Files.writeString(file, JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(json));
    }

    void print() {
      System.out.println();
      System.out.println("=== EpiCommand benchmarks " + run + " ===");
      System.out.println(String.format(Locale.ROOT, "%-32s %14s %-6s %-12s %14s %7s %6s", "figure", "value", "unit",
          "target", "baseline", "ratio", "floor"));
      for (Map<String, Object> f : figures) {
        System.out.println(String.format(Locale.ROOT, "%-32s %14s %-6s %-12s %14s %7s %6s", f.get("name"),
            f.get("value"), f.get("unit"), f.get("target") == null ? "" : f.get("target"),
            f.get("baseline") == null ? "" : f.get("baseline"), f.get("ratio") == null ? "" : f.get("ratio"),
            f.get("floor") == null ? "" : f.get("floor")));
      }
      System.out.println(violations.isEmpty() ? "all floors held" : "VIOLATIONS: " + violations);
    }

    private static double round(double value) {
      return Math.round(value * 100) / 100.0;
    }
  }
}
