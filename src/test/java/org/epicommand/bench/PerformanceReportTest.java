package org.epicommand.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record of 10 M figures: a partial run replaces the figures of the sections it ran and keeps the others,
 * each with the date of the run that measured it; a section measured at more residents is not replaced.
 */
class PerformanceReportTest {

  @TempDir
  Path dir;

  private Path run(String name, String date, String... sectionsAndValues) throws Exception {
    return run(name, date, 10_000_000, sectionsAndValues);
  }

  private Path run(String name, String date, long persons, String... sectionsAndValues) throws Exception {
    StringBuilder figures = new StringBuilder();
    StringBuilder violations = new StringBuilder();
    for (int i = 0; i < sectionsAndValues.length; i += 2) {
      figures.append(i == 0 ? "" : ",").append("{\"section\":\"").append(sectionsAndValues[i])
          .append("\",\"name\":\"").append(sectionsAndValues[i]).append(".p95\",\"unit\":\"ms\",\"value\":")
          .append(sectionsAndValues[i + 1]).append(",\"target\":\"< 300\"}");
      if (Double.parseDouble(sectionsAndValues[i + 1]) >= 300) {
        violations.append(violations.isEmpty() ? "" : ",").append("\"").append(sectionsAndValues[i]).append(".p95 ")
            .append(sectionsAndValues[i + 1]).append(" >= 300\"");
      }
    }
    Path file = dir.resolve(name);
    Files.writeString(file, "{\"date\":\"" + date + "\",\"persons\":" + persons + ",\"machine\":\"2 cores\","
        + "\"sections\":\"x\",\"figures\":[" + figures + "],\"violations\":[" + violations + "]}");
    return file;
  }

  @Test
  void aPartialRunKeepsTheFiguresOfTheSectionsItDidNotRun() throws Exception {
    Path record = dir.resolve("record.json");
    Path page = dir.resolve("record.md");
    PerformanceReport.record(run("a.json", "2026-11-22T10:00", "persons", "5.2", "cases", "10.6", "maps", "400"),
        record, page);
    String first = Files.readString(page);
    assertThat(first.substring(first.indexOf("## maps"))).contains("violated: [\"maps.p95 400 >= 300\"]");
    PerformanceReport.record(run("b.json", "2026-12-06T05:00", "persons", "6.1", "maps", "41"), record, page);

    String md = Files.readString(page);
    assertThat(md).contains("## cases").contains("| `cases.p95` | 10.60 ms").contains("2026-11-22T10:00");
    assertThat(md).contains("| `maps.p95` | 41 ms").doesNotContain("| `maps.p95` | 400 ms");
    assertThat(md).contains("| `persons.p95` | 6.10 ms").doesNotContain("5.20 ms");
    // the first run's maps violation went with its figure
    assertThat(md.substring(md.indexOf("## maps"))).contains("- **Floors:** all held");
    assertThat(md.indexOf("## persons")).isLessThan(md.indexOf("## cases"));
    assertThat(md.indexOf("## cases")).isLessThan(md.indexOf("## maps"));

    // a run at 1 M (a capability's volumes) keeps the persons measured at 10 M and records its own section
    PerformanceReport.record(run("c.json", "2026-12-07T22:00", 1_000_000, "persons", "2.3", "sentinel", "18.5"),
        record, page);
    String after = Files.readString(page);
    assertThat(after).contains("| `persons.p95` | 6.10 ms").doesNotContain("2.30 ms")
        .contains("| `sentinel.p95` | 18.50 ms");
  }
}
