package org.epicommand.jurisdiction;

import java.util.List;
import org.epicommand.imports.ImportStatus;

/**
 * The outcome of a boundary import, in the words of every import: rows (features) read, stored
 * (including those already stored unchanged), rejected, and each rejected row with its number, the
 * field and why.
 */
public record BoundaryImportResult(int rowsTotal, int rowsImported, int rowsUnchanged, int rowsRejected,
    List<ImportStatus.RowError> errors) {}
