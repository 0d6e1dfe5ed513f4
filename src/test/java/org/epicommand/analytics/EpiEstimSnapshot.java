package org.epicommand.analytics;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.support.SharedData;

/**
 * EpiEstim's own regression snapshot of {@code estimate_R} ({@code tests/testthat/_snaps/estimate_R.md},
 * in {@code src/test/resources/reference/epiestim/}), read as printed by R: each example's {@code $R} table, column
 * by column, and its printed vectors ({@code $si_distr}, {@code $I}, {@code $I_imported} …). Values
 * stay strings so that a test knows how many digits R printed.
 */
record EpiEstimSnapshot(Map<String, List<String>> columns, Map<String, List<String>> vectors) {

  static final List<String> QUANTILE_COLUMNS = List.of("Quantile.0.025(R)", "Quantile.0.05(R)",
      "Quantile.0.25(R)", "Median(R)", "Quantile.0.75(R)", "Quantile.0.95(R)", "Quantile.0.975(R)");

  static EpiEstimSnapshot example(int number) throws IOException {
    List<String> lines = Files.readAllLines(SharedData.require("epiestim/published_snapshot_estimate_R.md"));
    int start = lines.indexOf("# Example " + number + " matches saved output");
    if (start < 0) {
      throw new IllegalStateException("no Example " + number + " in the snapshot");
    }
    int end = start + 1;
    while (end < lines.size() && !lines.get(end).startsWith("# Example")) {
      end++;
    }
    return parse(lines.subList(start + 1, end));
  }

  List<String> column(String name) {
    List<String> values = columns.get(name);
    if (values == null) {
      throw new IllegalStateException("no column " + name + " in " + columns.keySet());
    }
    return values;
  }

  List<String> vector(String name) {
    List<String> values = vectors.get(name);
    if (values == null) {
      throw new IllegalStateException("no vector " + name + " in " + vectors.keySet());
    }
    return values;
  }

  List<Integer> integers(String vector) {
    return vector(vector).stream().map(Integer::valueOf).toList();
  }

  private static EpiEstimSnapshot parse(List<String> section) {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    Map<String, List<String>> vectors = new LinkedHashMap<>();
    String current = null;
    List<String> header = null;
    for (String raw : section) {
      String line = raw.strip();
      if (line.startsWith("$")) {
        current = line;
        header = null;
        vectors.put(current, new ArrayList<>());
        continue;
      }
      if (line.startsWith("attr(")) {
        current = null; // the object's class attribute, not data
      }
      if (current == null || line.isEmpty()) {
        continue;
      }
      List<String> tokens = Arrays.asList(line.split("\\s+"));
      if (current.equals("$R")) {
        // a data frame printed in chunks of columns: a header line, then one line per row
        if (!tokens.get(0).matches("\\d+")) {
          header = tokens;
          header.forEach(name -> columns.putIfAbsent(name, new ArrayList<>()));
        } else {
          for (int i = 0; i < header.size(); i++) {
            columns.get(header.get(i)).add(tokens.get(i + 1));
          }
        }
      } else if (tokens.get(0).matches("\\[\\d+]")) {
        vectors.get(current).addAll(tokens.subList(1, tokens.size())); // an unnamed vector: [1] 0 1 …
      } else if (!tokens.get(0).matches("t\\d+") && !tokens.get(0).matches("[A-Za-z].*")) {
        vectors.get(current).addAll(tokens); // the values under a named vector's header (t0 t1 …)
      }
    }
    return new EpiEstimSnapshot(columns, vectors);
  }
}
