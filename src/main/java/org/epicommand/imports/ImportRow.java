package org.epicommand.imports;

import java.util.List;
import java.util.Map;

/** One data row of an import file: its line number in the file (header = line 1) and its cells. */
public record ImportRow(int line, List<String> values, Map<String, Integer> columns) {

  /** The trimmed cell of a column, or {@code null} when the cell is empty. */
  public String get(String column) {
    Integer index = columns.get(column.toLowerCase(java.util.Locale.ROOT));
    if (index == null || index >= values.size()) {
      return null;
    }
    String value = values.get(index);
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    return trimmed.isEmpty() ? null : trimmed;
  }
}
