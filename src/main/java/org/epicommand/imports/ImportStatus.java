package org.epicommand.imports;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The state of one import job as {@code GET /api/v1/imports/{importId}} answers it. Result groups
 * (e.g. {@code caseIds}) appear as top-level fields, as docs/api.md shows them. {@code rowsImported} are the
 * accepted rows; of them, {@code rowsAdded} stored something new and {@code rowsAlreadyPresent} found it
 * there already (an identical earlier or concurrent import), so that of several identical imports each
 * reports what it really added. {@code warnings} are stored rows that deserve a word (the row is valid, e.g. a
 * member of a single-tube key group found in a pool); {@code warningCount} counts them all.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportStatus(
    String importId,
    String kind,
    String fileName,
    String status,
    long rowsTotal,
    long rowsImported,
    long rowsAdded,
    long rowsAlreadyPresent,
    long rowsRejected,
    int progress,
    String message,
    OffsetDateTime createdAt,
    OffsetDateTime finishedAt,
    List<RowError> errors,
    Boolean errorsTruncated,
    long warningCount,
    List<RowWarning> warnings,
    Boolean warningsTruncated,
    @JsonIgnore Map<String, Map<String, String>> results) {

  /** Each result group as a field of its own: {@code "caseIds": {"<caseRef>": "<caseId>"}}. */
  @JsonAnyGetter
  public Map<String, Map<String, String>> resultGroups() {
    return results == null ? Map.of() : results;
  }

  /** A rejected row: its line in the file (header = line 1), the field and why. */
  public record RowError(int row, String field, String message) {}

  /**
   * A stored row that deserves a word: its line in the file, the field, the message's key (under {@code warning.}
   * in the message bundles) and the message in the importer's language.
   */
  public record RowWarning(int row, String field, String code, String message) {}

  public boolean finished() {
    return !"RUNNING".equals(status);
  }

  /**
   * The status as pages name it: a file that finished with no row imported and rows rejected is
   * ALL_REJECTED ("全部被拒绝"), never "done".
   */
  public String shownStatus() {
    return "DONE".equals(status) && rowsImported == 0 && rowsRejected > 0 ? "ALL_REJECTED" : status;
  }
}
