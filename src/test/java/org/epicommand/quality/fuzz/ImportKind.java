package org.epicommand.quality.fuzz;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One import kind as the fuzzer sees it: its header, how to make a valid row, how to break one
 * value of a row so that the kind's own rules reject it, and how to read back what a valid row
 * stored. Everything CSV-level (column counts, quoting, encodings, line ends, huge cells, formula
 * prefixes, blank lines...) is shared and lives in {@link Mutators}.
 *
 * <p>To fuzz a new kind, write one small class like {@link PersonsKind} and add it to {@link #ALL}.
 * Valid rows must be unique: take a fresh {@link RenderState#nextKey() key} for every row.
 */
interface ImportKind {

  /** The kinds fuzzed: the platform's core imports and the organisation directory. */
  List<ImportKind> ALL = List.of(new JurisdictionsKind(), new PersonsKind(), new CasesKind(),
      new PushedListKind(), new TubesKind(), new ResultsKind(), new VenueScansKind(), new VenuesKind(),
      new OrganisationsKind());

  /** The kind as it appears in the URL. */
  String kind();

  /** The demo user (password demo1234) allowed to import this kind. */
  String user();

  /** The header, in the canonical order. */
  List<String> columns();

  /**
   * The free-text columns: formula prefixes ({@code = + - @}), quotes, commas and line breaks in
   * them are data, stored as given.
   */
  List<String> textColumns();

  /** The longest valid value of a text column. */
  int maxLength(String textColumn);

  /** Valid rows; each takes a fresh key when rendered, so that it is unique across the whole run. */
  Gen<? extends ValidRecipe> validRows();

  /** Ways to make exactly one value of a valid row invalid by the kind's rules (the row stays well-formed CSV). */
  Gen<? extends Invalidation> invalidations();

  /** A row that repeats an earlier valid row of the same file (rejected as a duplicate within the file). */
  default Map<String, String> duplicateOf(Map<String, String> earlier) {
    // the same row again (same name too, so that whichever of the two lands, the stored text is right)
    return new java.util.LinkedHashMap<>(earlier);
  }

  /**
   * Columns other than the key whose value no two rows may share (a division's 12-digit code): a
   * fresh row repeating an earlier row's value there must be rejected on its own line, the rest of
   * the file imported.
   */
  default List<String> uniqueColumns() {
    return List.of();
  }

  /** The column whose (trimmed) value identifies a stored row. */
  String keyColumn();

  /** The stored text columns of the rows with these keys, by key (a blank value as ""). */
  Map<String, Map<String, String>> stored(JdbcClient jdbc, Collection<String> keys);

  /** Set-up once per JVM before the first file, e.g. a parent for the generated rows. */
  default void prepare(FuzzApplication app) {}

  default String keyOf(Map<String, String> cells) {
    return cells.getOrDefault(keyColumn(), "").strip().toUpperCase(Locale.ROOT);
  }

  /** The values the text columns of a valid row must be stored with. */
  default Map<String, String> expectedText(Map<String, String> cells) {
    Map<String, String> expected = new java.util.LinkedHashMap<>();
    for (String column : textColumns()) {
      String value = cells.getOrDefault(column, "");
      expected.put(column, value.isBlank() ? "" : value.strip());
    }
    return expected;
  }

  /** Makes the cells of one valid row, by canonical column name. */
  interface ValidRecipe {
    Map<String, String> cells(RenderState state);
  }

  /** Breaks one value of a valid row in place. */
  interface Invalidation {
    void apply(Map<String, String> cells);
  }
}
