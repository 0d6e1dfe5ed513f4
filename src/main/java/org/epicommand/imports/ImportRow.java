package org.epicommand.imports;

import java.util.List;
import java.util.Map;

/**
 * One data row of an import file: its line number in the file (the first line = 1, whether it is the
 * header or a title above it) and its cells; {@code columns} maps each canonical column name, in
 * lower case, to its cell, whichever of its accepted headers the file used.
 */
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
