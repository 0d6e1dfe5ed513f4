package org.epicommand.imports;

import java.util.List;

/**
 * One kind of import ({@code POST /api/v1/imports/{kind}}). The machinery reads the file, checks the
 * header and the column count of every row, and hands the rows over in batches; each batch runs in
 * one transaction together with its error rows and the job's counters, so a crash never leaves
 * half a batch and a restarted job resumes after the last committed batch.
 *
 * <p>Every row of a batch that the handler does not {@linkplain ImportBatch#reject reject} counts as
 * imported; a row that is already stored unchanged counts as imported too (re-imports are
 * idempotent and add nothing).
 */
public interface ImportHandler {

  /** The kind as it appears in the URL, e.g. {@code jurisdictions}. */
  String kind();

  /** The columns the file must have, in any order; names are matched case-insensitively. */
  List<String> columns();

  /** The authority the caller needs, e.g. {@code JURISDICTION_ADMIN}. */
  String requiredAuthority();

  default int batchSize() {
    return 1000;
  }

  void importBatch(List<ImportRow> rows, ImportBatch batch);
}
