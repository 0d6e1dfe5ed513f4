package org.epicommand.imports;

import java.util.List;

/**
 * One kind of import ({@code POST /api/v1/imports/{kind}}). The machinery reads the file, finds the
 * header (by the columns' names or their other headers, below any title rows), checks the column
 * count of every row, refuses document numbers that a spreadsheet stored as numbers, and hands the
 * rows over in batches; each batch runs in one transaction together with its error rows and the
 * job's counters, so a crash never leaves half a batch and a restarted job resumes after the last
 * committed batch.
 *
 * <p>Every row of a batch that the handler does not {@linkplain ImportBatch#reject reject} counts as
 * imported; a row that is already stored unchanged counts as imported too (re-imports are
 * idempotent and add nothing).
 *
 * <p>The file is read, and each batch {@linkplain #prepare prepared}, on its own thread while the
 * previous batch's transaction runs; the batches are committed one after the other in file order.
 */
public interface ImportHandler {

  /** The kind as it appears in the URL, e.g. {@code jurisdictions}. */
  String kind();

  /**
   * The columns the file must have, in any order; names are matched case-insensitively. A kind
   * overrides either this or {@link #importColumns()} (which also gives the other headers offices
   * use, and marks document-number columns).
   */
  default List<String> columns() {
    return ImportColumn.names(importColumns());
  }

  /**
   * The columns the file must have with the other headers each may carry (e.g. {@code 姓名} for
   * {@code name}) and which hold document numbers; by default the {@link #columns()} alone.
   * The header is the first of the file's first {@value #HEADER_SEARCH_ROWS} non-blank rows that
   * names every column; rows above it (a title such as "XX社区人员排查表") are skipped.
   */
  default List<ImportColumn> importColumns() {
    return columns().stream().map(ImportColumn::of).toList();
  }

  /** How many non-blank rows at the top of a file are searched for the header. */
  int HEADER_SEARCH_ROWS = 10;

  /** The authority the caller needs, e.g. {@code JURISDICTION_ADMIN}. */
  String requiredAuthority();

  default int batchSize() {
    return 1000;
  }

  void importBatch(List<ImportRow> rows, ImportBatch batch);

  /**
   * Optional work on a batch that writes nothing — row checks, parsing, read-only look-ups — done
   * ahead of the batch's transaction, outside any transaction, on the reading thread (as the user
   * who started the import) while the previous batch is being stored. Rows rejected here are
   * reported with the batch. Whatever it returns is handed to {@link #importBatch(List, Object,
   * ImportBatch)}; the default prepares nothing.
   */
  default Object prepare(List<ImportRow> rows, ImportBatch batch) {
    return null;
  }

  /**
   * Stores a batch inside its transaction, with what {@link #prepare} returned for it; {@code
   * prepared} is {@code null} when the batch was not prepared (a batch that failed is retried row by
   * row without it), so a handler that prepares must then do that work itself. The default ignores
   * it and calls {@link #importBatch(List, ImportBatch)}.
   */
  default void importBatch(List<ImportRow> rows, Object prepared, ImportBatch batch) {
    importBatch(rows, batch);
  }

  /**
   * Optional whole-file work ahead of the batches, for kinds that resolve a file's rows in one set-based
   * statement rather than batch by batch (e.g. millions of documents joined once to the registry). When
   * this returns a stage, the machinery first reads the file once through it — every well-formed row not
   * yet committed, in file order — and {@linkplain FileStage#finish finishes} it, then reads the file
   * again in batches, each prepared by the stage instead of {@link #prepare}; all of it on the reading
   * thread, as the user who started the import, outside any transaction. The stage is closed when the
   * reading ends, however it ends. The default stages nothing.
   */
  default FileStage stage(java.util.UUID importId) {
    return null;
  }

  /** What a handler staged of a whole file, and how it prepares the file's batches from it. */
  interface FileStage extends AutoCloseable {

    /** A well-formed row of the file, in file order. */
    void accept(ImportRow row);

    /** After the last row: the set-based work over all of them. */
    void finish();

    /** As {@link ImportHandler#prepare}, with what was staged. */
    Object prepare(List<ImportRow> rows, ImportBatch batch);

    @Override
    void close();
  }
}
