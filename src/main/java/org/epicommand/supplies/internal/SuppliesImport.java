package org.epicommand.supplies.internal;

import java.util.List;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportHandler;
import org.epicommand.imports.ImportRow;
import org.epicommand.shared.FieldProblem;

/**
 * What the module's imports share: their kind, columns and authority, and how a batch goes — rows in
 * {@link #order}, the same {@link #key} twice in a file refused, each row {@linkplain #importRow
 * imported} and ending refused with its first problem, stored, or already there (a re-import adds nothing).
 */
abstract class SuppliesImport implements ImportHandler {

  /** {@code keyField}: the column a row repeating an earlier one's {@link #key} is refused on. */
  record Spec(String kind, List<ImportColumn> columns, String authority, String keyField) {}

  private final Spec spec;

  SuppliesImport(Spec spec) {
    this.spec = spec;
  }

  @Override
  public String kind() {
    return spec.kind();
  }

  @Override
  public List<ImportColumn> importColumns() {
    return spec.columns();
  }

  @Override
  public String requiredAuthority() {
    return spec.authority();
  }

  /** What makes a row the same as another of the file (refused the second time, on {@code field}). */
  abstract String key(ImportRow row);

  /** Stores the row when {@code problems} stays empty; false when it stored nothing new. */
  abstract boolean importRow(ImportRow row, List<FieldProblem> problems);

  /** The order rows are taken in (the file's by default). */
  java.util.Comparator<ImportRow> order() {
    return java.util.Comparator.comparingInt(ImportRow::line);
  }

  @Override
  public void importBatch(List<ImportRow> rows, ImportBatch batch) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (ImportRow row : rows.stream().sorted(order()).toList()) {
      if (!seen.add(key(row))) {
        batch.reject(row, spec.keyField(), "supplies.import.twice");
        continue;
      }
      List<FieldProblem> problems = new java.util.ArrayList<>();
      boolean stored = importRow(row, problems);
      if (!problems.isEmpty()) {
        FieldProblem first = problems.get(0);
        batch.reject(row, first.field(), first.code(), first.args().toArray());
      } else if (!stored) {
        batch.alreadyPresent(row);
      }
    }
  }

  /** A date cell (2022-11-11), or null when empty; a problem on {@code field} when it is not one. */
  static java.time.LocalDate date(String text, String field, List<FieldProblem> problems) {
    try {
      return text == null ? null : java.time.LocalDate.parse(text.strip());
    } catch (java.time.format.DateTimeParseException e) {
      problems.add(FieldProblem.of(field, "supplies.import.date"));
      return null;
    }
  }
}
