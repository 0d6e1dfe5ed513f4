package org.epicommand.imports;

import java.util.UUID;

/** What a handler may do while it imports a batch. */
public interface ImportBatch {

  UUID importId();

  /** The user who started the import. */
  String username();

  /**
   * Rejects a row: it is reported with its line number and the message (a key under {@code error.}
   * in the message bundles, in the importer's language) and not counted as imported.
   */
  void reject(ImportRow row, String field, String code, Object... args);

  /**
   * Attaches a warning to a row that is still stored (it counts as imported): reported with its line number and the
   * message (a key under {@code warning.} in the message bundles, in the importer's language). One warning per row,
   * field and key: a second one with the same key replaces the first.
   */
  void warn(ImportRow row, String field, String code, Object... args);

  /**
   * Marks an accepted row that stored nothing new, because what it says is already there (an identical
   * earlier or concurrent import): it counts as imported, but not as added ({@code rowsAlreadyPresent}).
   */
  default void alreadyPresent(ImportRow row) {}

  /**
   * Records a result of the import under a group, e.g. group {@code caseIds}, key the file's own
   * reference, value the id the row was stored under. The status answer shows each group as a map.
   */
  void putResult(String group, String key, String value);
}
