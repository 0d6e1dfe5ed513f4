package org.epicommand.quality.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.epicommand.quality.fuzz.FuzzFile.Expect;
import org.epicommand.quality.fuzz.FuzzFile.Outcome;
import org.epicommand.quality.fuzz.FuzzFile.Rendered;
import org.epicommand.quality.fuzz.FuzzFile.Shape;
import org.epicommand.support.Api;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Compares the answer to an upload with what the rendered file says must happen, and lists every
 * violation (an empty list = the import behaved).
 *
 * <p>For every file: never a 5xx; status DONE, or FAILED with a message only for a header problem;
 * {@code rowsImported + rowsRejected == rowsTotal}; every error on a line after the header and
 * inside the file, with a message; every rejected row has an error and every error line is a
 * rejected row. Where the oracle knows the records: exactly the rejected lines have errors, the
 * valid rows are imported and stored with their text as given (formula prefixes included).
 */
final class ImportOracle {

  private ImportOracle() {}

  static List<String> check(Rendered file, Api.Answer answer, JdbcClient jdbc) {
    List<String> problems = new ArrayList<>();
    if (answer.status() >= 500) {
      problems.add("HTTP " + answer.status() + ": " + answer.body());
      return problems;
    }
    if (file.shape() == Shape.EMPTY_UPLOAD && answer.status() == 400) {
      if (answer.body() == null || answer.body().isBlank()) {
        problems.add("400 without a problem body");
      }
      return problems;
    }
    if (answer.status() != 200) {
      problems.add("HTTP " + answer.status() + " (expected 200): " + answer.body());
      return problems;
    }
    JsonNode json = answer.json();
    String status = text(json, "status");
    String message = text(json, "message");
    long total = json.path("rowsTotal").asLong(-1);
    long imported = json.path("rowsImported").asLong(-1);
    long rejected = json.path("rowsRejected").asLong(-1);
    if (!"DONE".equals(status) && !"FAILED".equals(status)) {
      problems.add("status " + status + " is neither DONE nor FAILED");
    }
    if ("FAILED".equals(status) && (message == null || message.isBlank())) {
      problems.add("FAILED without a message");
    }
    if (total < 0 || imported < 0 || rejected < 0) {
      problems.add("missing or negative counters");
    }
    if (imported + rejected != total) {
      problems.add("rowsImported " + imported + " + rowsRejected " + rejected + " != rowsTotal " + total);
    }
    if (json.path("errorsTruncated").asBoolean(false)) {
      problems.add("errors truncated for a small file");
    }
    List<Integer> errorRows = new ArrayList<>();
    Map<Integer, Set<String>> fields = new java.util.HashMap<>();
    for (JsonNode error : json.path("errors")) {
      int row = error.path("row").asInt(-1);
      errorRows.add(row);
      fields.computeIfAbsent(row, r -> new TreeSet<>()).add(String.valueOf(text(error, "field")));
      if (row <= file.headerLine() || row > file.lines()) {
        problems.add("error on line " + row + ", but the header is line " + file.headerLine() + " and the file has "
            + file.lines() + " lines: " + error);
      }
      String text = text(error, "message");
      if (text == null || text.isBlank()) {
        problems.add("error without a message: " + error);
      }
    }
    Set<Integer> lines = new TreeSet<>(errorRows);
    if (lines.size() != rejected) {
      problems.add(lines.size() + " distinct error lines " + lines + " but rowsRejected " + rejected
          + " (a rejected row without an error, or an error for a row not counted as rejected)");
    }
    switch (file.shape()) {
      case EMPTY_UPLOAD, BAD_HEADER -> {
        if (!"FAILED".equals(status)) {
          problems.add("a " + (file.shape() == Shape.BAD_HEADER ? "header problem" : "zero-byte upload")
              + " ended " + status + " (total " + total + "), expected FAILED with a message");
        }
        if (total != 0 || !lines.isEmpty()) {
          problems.add("a header problem must not count rows: total " + total + ", errors on " + lines);
        }
      }
      case EXACT -> {
        doneWithoutHeaderProblem(status, message, problems);
        exact(file, file.outcomes(), lines, imported, rejected, problems);
        reasons(file.outcomes(), fields, problems);
        stored(file, file.outcomes(), lines, jdbc, true, problems);
      }
      case LOOSE -> {
        doneWithoutHeaderProblem(status, message, problems);
        List<Outcome> known = file.outcomes().stream().filter(o -> o.line() < file.exactBefore()).toList();
        perRecord(known, lines, problems);
        stored(file, known, lines, jdbc, true, problems);
        stored(file, file.outcomes(), lines, jdbc, false, problems);
      }
      default -> throw new IllegalStateException();
    }
    return problems;
  }

  private static void doneWithoutHeaderProblem(String status, String message, List<String> problems) {
    if (!"DONE".equals(status)) {
      problems.add("the header is fine but the import ended " + status + ": " + message);
    }
  }

  private static void exact(Rendered file, List<Outcome> outcomes, Set<Integer> errorLines, long imported,
      long rejected, List<String> problems) {
    perRecord(outcomes, errorLines, problems);
    long expectedImported = 0;
    long expectedRejected = 0;
    for (Outcome o : outcomes) {
      boolean hasError = errorLines.contains(o.line());
      switch (o.expect()) {
        case IMPORTED -> expectedImported++;
        case REJECTED -> expectedRejected++;
        case IMPORTED_OR_REJECTED -> {
          if (hasError) {
            expectedRejected++;
          } else {
            expectedImported++;
          }
        }
        case SKIPPED_OR_REJECTED -> expectedRejected += hasError ? 1 : 0;
        case SKIPPED -> {}
      }
    }
    if (imported != expectedImported) {
      problems.add("rowsImported " + imported + ", expected " + expectedImported);
    }
    if (rejected != expectedRejected) {
      problems.add("rowsRejected " + rejected + ", expected " + expectedRejected);
    }
    Set<Integer> allowed = outcomes.stream().filter(o -> o.expect() != Expect.IMPORTED && o.expect() != Expect.SKIPPED)
        .map(Outcome::line).collect(Collectors.toSet());
    Set<Integer> unexpected = new TreeSet<>(errorLines);
    unexpected.removeAll(allowed);
    if (!unexpected.isEmpty()) {
      problems.add("errors on lines " + unexpected + " where no record that may be rejected starts");
    }
  }

  /**
   * A rejection whose cause the file knows names that field: the reason a user can act on, not a
   * row that merely failed to store.
   */
  private static void reasons(List<Outcome> outcomes, Map<Integer, Set<String>> fields, List<String> problems) {
    for (Outcome o : outcomes) {
      Set<String> named = fields.getOrDefault(o.line(), Set.of());
      if (o.field() != null && !named.isEmpty() && !named.contains(o.field())) {
        problems.add("line " + o.line() + " (" + o.what() + ") must be rejected on field " + o.field()
            + ", but its errors name " + named);
      }
    }
  }

  /** Each known record: a rejected one has an error on its line, a valid one has none. */
  private static void perRecord(List<Outcome> outcomes, Set<Integer> errorLines, List<String> problems) {
    for (Outcome o : outcomes) {
      boolean hasError = errorLines.contains(o.line());
      if (o.expect() == Expect.REJECTED && !hasError) {
        problems.add("line " + o.line() + " (" + o.what() + ") must be rejected, but has no error");
      }
      if (o.expect() == Expect.IMPORTED && hasError) {
        problems.add("line " + o.line() + " is valid (" + o.what() + ") but was rejected");
      }
    }
  }

  /**
   * Valid rows are stored with their text exactly as given. {@code required}: each must be there
   * (unless it may be and was rejected); otherwise only rows that are there are compared (no garbling).
   */
  private static void stored(Rendered file, List<Outcome> outcomes, Set<Integer> errorLines, JdbcClient jdbc,
      boolean required, List<String> problems) {
    List<Outcome> valid = outcomes.stream()
        .filter(o -> o.expect() == Expect.IMPORTED || o.expect() == Expect.IMPORTED_OR_REJECTED).toList();
    if (valid.isEmpty()) {
      return;
    }
    Map<String, Map<String, String>> stored = file.file().kind().stored(jdbc, valid.stream().map(Outcome::key)
        .toList());
    for (Outcome o : valid) {
      Map<String, String> found = stored.get(o.key());
      boolean rejected = errorLines.contains(o.line());
      if (found == null) {
        if (required && !rejected) {
          problems.add("line " + o.line() + " (" + o.key() + ") counts as imported but is not stored");
        }
        continue;
      }
      if (rejected && o.expect() == Expect.IMPORTED_OR_REJECTED && required) {
        problems.add("line " + o.line() + " (" + o.key() + ") was rejected but is stored");
      }
      if (!Objects.equals(found, o.text())) {
        problems.add("line " + o.line() + " (" + o.key() + ") stored as " + escape(found) + ", expected "
            + escape(o.text()));
      }
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  static String escape(Object value) {
    return String.valueOf(value).replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
  }
}
