package org.epicommand.imports;

import java.util.List;

/**
 * A column of an import kind: its canonical name (what {@link ImportRow#get} takes, and the header
 * of the kind's documented CSV) and the other headers offices give it, e.g. {@code 姓名} for
 * {@code name}. Headers are matched ignoring case, spaces, a leading or trailing {@code *} and
 * full-width parentheses; every header names one column of its kind.
 *
 * <p>A {@linkplain #documentNumber() document-number column} (an ID, passport or permit number)
 * holds text that a spreadsheet must not treat as a number: a cell that Excel stored as a number
 * (an XLSX numeric cell, or {@code 4.10101E+17} and digits lost to 15-digit precision in a CSV) is
 * refused by the machinery with {@code error.idNumber.storedAsNumber} before the handler sees the
 * row, so the number is never stored.
 */
public record ImportColumn(String name, List<String> aliases, boolean documentNumber, boolean optional) {

  public ImportColumn {
    aliases = List.copyOf(aliases);
  }

  /** A column and its other headers. */
  public static ImportColumn of(String name, String... aliases) {
    return new ImportColumn(name, List.of(aliases), false, false);
  }

  /** A document-number column and its other headers. */
  public static ImportColumn documentNumber(String name, String... aliases) {
    return new ImportColumn(name, List.of(aliases), true, false);
  }

  /**
   * A column a file may leave out (its cells then read as empty), e.g. the population of the
   * divisions import; where present it is found under any of its headers.
   */
  public static ImportColumn optional(String name, String... aliases) {
    return new ImportColumn(name, List.of(aliases), false, true);
  }

  /** The canonical names of the columns, in their order. */
  public static List<String> names(List<ImportColumn> columns) {
    return columns.stream().map(ImportColumn::name).toList();
  }
}
