package org.epicommand.imports.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportHandler;
import org.epicommand.shared.DocumentNumbers;

/**
 * Finds the header of an import file: the first row that names every column of the kind, by its
 * canonical name or one of its other headers ({@link ImportColumn}). Used both while an XLSX
 * workbook is converted and when the file is read, so both agree on where the header is.
 */
final class HeaderSearch {

  /**
   * A header found: each canonical column (lower case) by its cell, then every other header cell as
   * written (lower case); the row's width; which cells hold document numbers.
   */
  record Header(Map<String, Integer> columns, int width, String[] documentNumbers) {

    /** The canonical name of the document-number column in this cell, or {@code null}. */
    String documentNumber(int cell) {
      return cell < documentNumbers.length ? documentNumbers[cell] : null;
    }

    /** The column of the first document number in a row that a spreadsheet stored as a number, or {@code null}. */
    String storedAsNumber(List<String> cells) {
      for (int i = 0; i < cells.size() && i < documentNumbers.length; i++) {
        if (documentNumbers[i] != null && DocumentNumbers.storedAsNumber(cells.get(i))) {
          return documentNumbers[i];
        }
      }
      return null;
    }
  }

  /**
   * Reading up to the header: the header, or why there is none — a malformed first record (its
   * error code), the columns missing from the record that comes closest, or an empty file (neither).
   */
  record Found(Header header, String malformed, List<String> missing) {}

  /** The header search of an import kind; a kind whose headers are ambiguous, or that declares no columns, fails. */
  static HeaderSearch of(ImportHandler handler) {
    List<ImportColumn> columns;
    try {
      columns = handler.importColumns();
    } catch (StackOverflowError e) {
      // importColumns() and columns() default to each other: a kind must override one of them
      throw new IllegalStateException("import kind " + handler.kind()
          + " declares no columns: override importColumns()");
    }
    try {
      return new HeaderSearch(columns);
    } catch (IllegalStateException e) {
      throw new IllegalStateException("import kind " + handler.kind() + ": " + e.getMessage(), e);
    }
  }

  private final List<ImportColumn> columns;
  /** Every accepted header, normalised, to the canonical column it names. */
  private final Map<String, ImportColumn> byHeader = new HashMap<>();

  HeaderSearch(List<ImportColumn> columns) {
    this.columns = List.copyOf(columns);
    for (ImportColumn column : columns) {
      accept(normalise(column.name()), column);
      column.aliases().forEach(alias -> accept(normalise(alias), column));
    }
  }

  private void accept(String header, ImportColumn column) {
    ImportColumn earlier = byHeader.putIfAbsent(header, column);
    if (earlier != null && earlier != column) {
      throw new IllegalStateException("the header '" + header + "' would name both " + earlier.name() + " and "
          + column.name());
    }
  }

  /** Lower case without spaces, a leading or trailing {@code *} (a "required" mark) and full-width parentheses. */
  static String normalise(String header) {
    StringBuilder out = new StringBuilder(header.length());
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF') {
        continue;
      }
      out.append(switch (c) {
        case '（' -> '(';
        case '）' -> ')';
        case '＊' -> '*';
        default -> c;
      });
    }
    int start = 0;
    int end = out.length();
    while (start < end && out.charAt(start) == '*') {
      start++;
    }
    while (end > start && out.charAt(end - 1) == '*') {
      end--;
    }
    return out.substring(start, end).toLowerCase(Locale.ROOT);
  }

  /** The header these cells make, or {@code null} when a column is missing. */
  Header match(List<String> cells) {
    Map<String, Integer> found = found(cells);
    if (columns.stream().anyMatch(c -> !c.optional() && !found.containsKey(c.name().toLowerCase(Locale.ROOT)))) {
      return null;
    }
    String[] documentNumbers = new String[cells.size()];
    for (ImportColumn column : columns) {
      if (column.documentNumber() && found.containsKey(column.name().toLowerCase(Locale.ROOT))) {
        documentNumbers[found.get(column.name().toLowerCase(Locale.ROOT))] = column.name();
      }
    }
    // any other column stays readable under its own header, as written (a kind may read optional columns)
    for (int i = 0; i < cells.size(); i++) {
      found.putIfAbsent(cells.get(i).strip().toLowerCase(Locale.ROOT), i);
    }
    return new Header(found, cells.size(), documentNumbers);
  }

  /** The columns these cells do not name, each with its first other header, e.g. {@code idNumber（证件号码）}. */
  List<String> missing(List<String> cells) {
    Map<String, Integer> found = found(cells);
    List<String> missing = new ArrayList<>();
    for (ImportColumn column : columns) {
      if (!column.optional() && !found.containsKey(column.name().toLowerCase(Locale.ROOT))) {
        missing.add(column.aliases().isEmpty() ? column.name() : column.name() + "（" + column.aliases().get(0) + "）");
      }
    }
    return missing;
  }

  /** The canonical names, comma-separated. */
  String expected() {
    return String.join(",", ImportColumn.names(columns));
  }

  private Map<String, Integer> found(List<String> cells) {
    Map<String, Integer> found = new LinkedHashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      ImportColumn column = cell == null ? null : byHeader.get(normalise(cell));
      if (column != null) {
        found.putIfAbsent(column.name().toLowerCase(Locale.ROOT), i);
      }
    }
    return found;
  }

  /**
   * Reads up to the header: the first of the first {@value ImportHandler#HEADER_SEARCH_ROWS} non-blank
   * records that names every column; the records above it (titles) are skipped.
   */
  Found read(CsvRecordReader reader) throws IOException {
    CsvRecordReader.Record first = null;
    List<String> closest = null;
    for (int i = 0; i < ImportHandler.HEADER_SEARCH_ROWS; i++) {
      CsvRecordReader.Record record = reader.next();
      if (record == null) {
        break;
      }
      first = first == null ? record : first;
      if (record.error() != null) {
        continue;
      }
      Header header = match(record.fields());
      if (header != null) {
        return new Found(header, null, null);
      }
      List<String> missing = missing(record.fields());
      if (closest == null || missing.size() < closest.size()) {
        closest = missing;
      }
    }
    return new Found(null, first == null ? null : first.error(), first == null || first.error() != null ? null
        : closest);
  }

  /** Whether a row is blank as the CSV reader sees it (no cell, or one empty cell): such rows are skipped. */
  static boolean blank(List<String> cells) {
    return cells.isEmpty() || (cells.size() == 1 && cells.get(0).isEmpty());
  }
}
