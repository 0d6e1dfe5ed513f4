package org.epicommand.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a harness run ({@code target/bench/results.json}) into the table of {@code docs/performance.md}:
 * every figure beside its target, its in-run baseline and the ratio, with the run's date, size and
 * machine. The harness writes {@code target/bench/performance.md} after every run; after a full run at
 * 10 million residents it replaces {@code docs/performance.md} (history lives in git):
 *
 * <pre>./mvnw -Pbench test-compile exec:java@small-benchmark -Dbench.persons=10000000
 * cp target/bench/performance.md docs/performance.md</pre>
 */
public final class PerformanceReport {

  private PerformanceReport() {}

  public static void main(String[] args) throws IOException {
    Path in = Path.of(args.length > 0 ? args[0] : "target/bench/results.json");
    Path out = Path.of(args.length > 1 ? args[1] : "target/bench/performance.md");
    write(in, out);
  }

  static void write(Path results, Path report) throws IOException {
    JsonNode run = JsonMapper.builder().build().readTree(Files.readString(results, StandardCharsets.UTF_8));
    StringBuilder md = new StringBuilder();
    md.append("# Performance\n\n");
    md.append("Measured by the benchmark harness (`org.epicommand.bench.Benchmarks`), not by timed unit tests: each ")
        .append("figure beside its target and, where one is measured in the same run, a baseline of the bare ")
        .append("database doing the least work (for imports a bare `COPY`; for pages a static file or `/api/v1/me`). ")
        .append("This page is generated from the run's `results.json` (`PerformanceReport`); earlier runs are in ")
        .append("its git history.\n\n");
    md.append(String.format(Locale.ROOT, "- **Run:** %s, %,d residents%s%n", run.path("date").asString(),
        run.path("persons").asLong(), run.hasNonNull("sections") ? ", sections " + run.path("sections").asString()
            : ""));
    md.append("- **Machine:** ").append(run.path("machine").asString()).append('\n');
    md.append("- **Floors:** ").append(run.path("violations").isEmpty() ? "all held"
        : "violated: " + run.path("violations")).append("\n\n");
    md.append("| figure | value | target | baseline | ratio |\n|---|---:|---|---:|---:|\n");
    for (JsonNode f : run.path("figures")) {
      md.append("| `").append(f.path("name").asString()).append("` | ")
          .append(number(f.path("value").asDouble())).append(' ').append(f.path("unit").asString()).append(" | ")
          .append(f.hasNonNull("target") ? f.path("target").asString() : "").append(" | ")
          .append(f.hasNonNull("baseline") ? number(f.path("baseline").asDouble()) : "").append(" | ")
          .append(f.hasNonNull("ratio") ? number(f.path("ratio").asDouble())
              + (f.hasNonNull("floor") ? " (floor " + number(f.path("floor").asDouble()) + ")" : "") : "")
          .append(" |\n");
    }
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, md.toString(), StandardCharsets.UTF_8);
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.format(Locale.ROOT, "%,d", (long) value)
        : String.format(Locale.ROOT, "%,.2f", value);
  }
}
