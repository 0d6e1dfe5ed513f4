package org.epicommand.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns harness runs into tables: every figure beside its target, its in-run baseline and the ratio, with the
 * run's date, size and machine. After every run the harness writes that run's table to
 * {@code target/bench/performance.md}. A run at 1 million residents or more is also merged into the record of
 * 10 M figures, {@code docs/performance-10m.json}, section by section: the sections run replace their own
 * figures, the sections not run keep theirs (each with the date and machine of the run that measured it), and
 * the record is rendered as {@code docs/performance-10m.md}. A partial run thus never loses the figures of the
 * other sections; history lives in git.
 *
 * <pre>./mvnw -Pbench test-compile exec:java@small-benchmark -Dbench.persons=10000000 -Dbench.only=maps</pre>
 */
public final class PerformanceReport {

  static final Path RECORD = Path.of("docs", "performance-10m.json");
  static final Path RECORD_PAGE = Path.of("docs", "performance-10m.md");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private PerformanceReport() {}

  /** {@code results.json [performance.md]}, or {@code --record results.json}: merges a run into the record. */
  public static void main(String[] args) throws IOException {
    if (args.length > 1 && args[0].equals("--record")) {
      record(Path.of(args[1]), RECORD, RECORD_PAGE);
      return;
    }
    Path in = Path.of(args.length > 0 ? args[0] : "target/bench/results.json");
    Path out = Path.of(args.length > 1 ? args[1] : "target/bench/performance.md");
    write(in, out);
  }

  /** The table of one run. */
  static void write(Path results, Path report) throws IOException {
    JsonNode run = JSON.readTree(Files.readString(results, StandardCharsets.UTF_8));
    StringBuilder md = new StringBuilder();
    md.append("# Performance\n\n");
    md.append("Measured by the benchmark harness (`org.epicommand.bench.Benchmarks`), not by timed unit tests: each ")
        .append("figure beside its target and, where one is measured in the same run, a baseline of the bare ")
        .append("database doing the least work (for imports a bare `COPY`; for pages a static file or `/api/v1/me`). ")
        .append("This page is generated from the run's `results.json` (`PerformanceReport`).\n\n");
    runLines(md, run, run.path("violations"));
    table(md, run.path("figures"));
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, md.toString(), StandardCharsets.UTF_8);
  }

  /**
   * Merges the run {@code results} into {@code record} (the sections it ran replace theirs unless those were
   * measured at more residents, the others stay) and renders the record as {@code page}.
   */
  static void record(Path results, Path record, Path page) throws IOException {
    JsonNode run = JSON.readTree(Files.readString(results, StandardCharsets.UTF_8));
    Map<String, ObjectNode> sections = new LinkedHashMap<>();
    if (Files.exists(record)) {
      for (JsonNode s : JSON.readTree(Files.readString(record, StandardCharsets.UTF_8)).path("sections")) {
        sections.put(s.path("section").asString(), (ObjectNode) s);
      }
    }
    Map<String, ObjectNode> measured = new LinkedHashMap<>();
    for (JsonNode f : run.path("figures")) {
      String name = f.path("section").asString("persons");
      ObjectNode section = measured.computeIfAbsent(name, n -> {
        ObjectNode s = JSON.createObjectNode();
        s.put("section", n);
        s.set("date", run.path("date"));
        s.set("persons", run.path("persons"));
        s.set("machine", run.path("machine"));
        s.putArray("violations");
        s.putArray("figures");
        return s;
      });
      ((ArrayNode) section.path("figures")).add(f);
      for (JsonNode v : run.path("violations")) {
        if (v.asString().startsWith(f.path("name").asString() + " ")) {
          ((ArrayNode) section.path("violations")).add(v);
        }
      }
    }
    // a section recorded at more residents stays: a run at 1 M (the capabilities' volumes) does not replace the
    // persons (or any other) figures a 10 M run measured
    measured.forEach((name, section) -> {
      ObjectNode recorded = sections.get(name);
      if (recorded == null || recorded.path("persons").asLong() <= section.path("persons").asLong()) {
        sections.put(name, section);
      }
    });
    ObjectNode merged = JSON.createObjectNode();
    merged.putArray("sections").addAll(new ArrayList<>(sections.values()));
    Files.createDirectories(record.toAbsolutePath().getParent());
    Files.writeString(record, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(merged) + "\n",
        StandardCharsets.UTF_8);

    StringBuilder md = new StringBuilder();
    md.append("# Performance at 10 million residents: the record\n\n");
    md.append("Generated by `PerformanceReport` from `docs/performance-10m.json`, the latest figure of every ")
        .append("section measured at 1 million residents or more. A run merges its sections into the record; ")
        .append("sections it did not run keep the figures, date and machine of the run that measured them. ")
        .append("How to run, the targets and what the figures mean: [performance.md](performance.md).\n");
    for (ObjectNode s : sections.values()) {
      md.append("\n## ").append(s.path("section").asString()).append("\n\n");
      runLines(md, s, s.path("violations"));
      table(md, s.path("figures"));
    }
    Files.writeString(page, md.toString(), StandardCharsets.UTF_8);
  }

  private static void runLines(StringBuilder md, JsonNode run, JsonNode violations) {
    md.append(String.format(Locale.ROOT, "- **Run:** %s, %,d residents%s%n", run.path("date").asString(),
        run.path("persons").asLong(), run.hasNonNull("sections") ? ", sections " + run.path("sections").asString()
            : ""));
    md.append("- **Machine:** ").append(run.path("machine").asString()).append('\n');
    md.append("- **Floors:** ").append(violations.isEmpty() ? "all held" : "violated: " + violations).append("\n\n");
  }

  private static void table(StringBuilder md, JsonNode figures) {
    md.append("| figure | value | target | baseline | ratio |\n|---|---:|---|---:|---:|\n");
    for (JsonNode f : figures) {
      md.append("| `").append(f.path("name").asString()).append("` | ")
          .append(number(f.path("value").asDouble())).append(' ').append(f.path("unit").asString()).append(" | ")
          .append(f.hasNonNull("target") ? f.path("target").asString() : "").append(" | ")
          .append(f.hasNonNull("baseline") ? number(f.path("baseline").asDouble()) : "").append(" | ")
          .append(f.hasNonNull("ratio") ? number(f.path("ratio").asDouble())
              + (f.hasNonNull("floor") ? " (floor " + number(f.path("floor").asDouble()) + ")" : "") : "")
          .append(" |\n");
    }
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.format(Locale.ROOT, "%,d", (long) value)
        : String.format(Locale.ROOT, "%,.2f", value);
  }
}
