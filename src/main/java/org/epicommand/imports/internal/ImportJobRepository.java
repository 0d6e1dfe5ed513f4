package org.epicommand.imports.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.imports.ImportStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The import_job, import_error, import_warning and import_result tables. */
@Repository
class ImportJobRepository {

  static final int MAX_ERRORS_SHOWN = 1000;

  record Job(UUID id, String kind, String status, String fileName, String spoolPath, String charset,
      String username, String locale, long rowsProcessed, long fileSize) {}

  /** A warning on its way into import_warning, with the message's arguments as text. */
  record Warning(ImportStatus.RowWarning warning, List<String> args) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  ImportJobRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  void create(Job job, Instant now) {
    jdbc.sql("""
        insert into import_job (id, kind, status, file_name, spool_path, charset, username, locale, file_size,
          created_at)
        values (:id, :kind, 'RUNNING', :fileName, :spoolPath, :charset, :username, :locale, :fileSize, :now)
        """)
        .param("id", job.id()).param("kind", job.kind()).param("fileName", job.fileName())
        .param("spoolPath", job.spoolPath()).param("charset", job.charset()).param("username", job.username())
        .param("locale", job.locale()).param("fileSize", job.fileSize()).param("now", Timestamp.from(now))
        .update();
  }

  Optional<Job> find(UUID id) {
    return jdbc.sql("""
        select id, kind, status, file_name, spool_path, charset, username, locale, rows_processed, file_size
        from import_job where id = :id
        """).param("id", id).query((rs, n) -> new Job(rs.getObject("id", UUID.class), rs.getString("kind"),
            rs.getString("status"), rs.getString("file_name"), rs.getString("spool_path"), rs.getString("charset"),
            rs.getString("username"), rs.getString("locale"), rs.getLong("rows_processed"), rs.getLong("file_size")))
        .optional();
  }

  List<UUID> running() {
    return jdbc.sql("select id from import_job where status = 'RUNNING' order by created_at")
        .query(UUID.class).list();
  }

  void recordBatch(UUID id, long processed, long imported, long present, long rejected, long bytesRead,
      List<ImportStatus.RowError> errors, List<Warning> warnings, Map<String, Map<String, String>> results) {
    if (!errors.isEmpty()) {
      batch.batchUpdate("insert into import_error (import_id, row, field, message) values (?, ?, ?, ?)",
          errors.stream().map(e -> new Object[] {id, e.row(), e.field(), e.message()}).toList());
    }
    if (!warnings.isEmpty()) {
      // a batch is stored once (a resumed job goes on after the last committed one): the key only guards
      batch.batchUpdate("""
          insert into import_warning (import_id, row, field, code, args, message) values (?, ?, ?, ?, ?::text[], ?)
          on conflict do nothing
          """, warnings.stream().map(w -> new Object[] {id, w.warning().row(),
              w.warning().field() == null ? "" : w.warning().field(), w.warning().code(),
              w.args().toArray(String[]::new), w.warning().message()}).toList());
    }
    results.forEach((group, entries) -> entries.forEach((key, value) -> jdbc.sql("""
        insert into import_result (import_id, grp, key, value) values (:id, :grp, :key, :value)
        on conflict (import_id, grp, key) do update set value = excluded.value
        """).param("id", id).param("grp", group).param("key", key).param("value", value).update()));
    jdbc.sql("""
        update import_job set rows_processed = rows_processed + :processed, rows_imported = rows_imported + :imported,
          rows_present = rows_present + :present, rows_rejected = rows_rejected + :rejected,
          warnings = warnings + :warnings, bytes_read = greatest(bytes_read, :bytes)
        where id = :id
        """).param("processed", processed).param("imported", imported).param("present", present)
        .param("rejected", rejected).param("warnings", warnings.size())
        .param("bytes", bytesRead).param("id", id).update();
  }

  /** The share of the file read so far, as bytes, outside any batch (a file's stage); never goes back. */
  void progress(UUID id, long bytesRead) {
    jdbc.sql("update import_job set bytes_read = greatest(bytes_read, :bytes) where id = :id")
        .param("bytes", bytesRead).param("id", id).update();
  }

  void finish(UUID id, String status, String message, Instant now) {
    jdbc.sql("update import_job set status = :status, message = :message, finished_at = :now where id = :id")
        .param("status", status).param("message", message).param("now", Timestamp.from(now)).param("id", id).update();
  }

  Optional<ImportStatus> status(UUID id) {
    return jdbc.sql("select * from import_job where id = :id").param("id", id).query((rs, n) -> {
      long fileSize = Math.max(1, rs.getLong("file_size"));
      String status = rs.getString("status");
      int progress = "RUNNING".equals(status) ? (int) Math.min(99, rs.getLong("bytes_read") * 100 / fileSize) : 100;
      return new ImportStatus(id.toString(), rs.getString("kind"), rs.getString("file_name"), status,
          rs.getLong("rows_processed"), rs.getLong("rows_imported"), rs.getLong("rows_imported")
          - rs.getLong("rows_present"), rs.getLong("rows_present"), rs.getLong("rows_rejected"), progress,
          rs.getString("message"), offset(rs.getTimestamp("created_at")), offset(rs.getTimestamp("finished_at")),
          null, null, rs.getLong("warnings"), null, null, null);
    }).optional().map(s -> {
      List<ImportStatus.RowError> errors = errors(id, 0, MAX_ERRORS_SHOWN + 1);
      boolean truncated = errors.size() > MAX_ERRORS_SHOWN;
      List<ImportStatus.RowWarning> warnings = s.warningCount() == 0 ? List.of()
          : warnings(id, 0, MAX_ERRORS_SHOWN + 1);
      boolean warningsTruncated = warnings.size() > MAX_ERRORS_SHOWN;
      return new ImportStatus(s.importId(), s.kind(), s.fileName(), s.status(), s.rowsTotal(), s.rowsImported(),
          s.rowsAdded(), s.rowsAlreadyPresent(), s.rowsRejected(), s.progress(), s.message(), s.createdAt(),
              s.finishedAt(),
          truncated ? errors.subList(0, MAX_ERRORS_SHOWN) : errors, truncated ? Boolean.TRUE : null,
          s.warningCount(), warningsTruncated ? warnings.subList(0, MAX_ERRORS_SHOWN) : warnings,
          warningsTruncated ? Boolean.TRUE : null, results(id));
    });
  }

  String owner(UUID id) {
    return jdbc.sql("select username from import_job where id = :id").param("id", id).query(String.class)
        .optional().orElse(null);
  }

  List<ImportStatus.RowError> errors(UUID id, long offset, int limit) {
    return jdbc.sql("""
        select row, field, message from import_error where import_id = :id order by row, field offset :offset limit
          :limit
        """).param("id", id).param("offset", offset).param("limit", limit)
        .query((rs, n) -> new ImportStatus.RowError(rs.getInt("row"), rs.getString("field"), rs.getString("message")))
        .list();
  }

  List<ImportStatus.RowWarning> warnings(UUID id, long offset, int limit) {
    return jdbc.sql("""
        select row, field, code, message from import_warning where import_id = :id order by row, field, code
          offset :offset limit :limit
        """).param("id", id).param("offset", offset).param("limit", limit)
        .query((rs, n) -> new ImportStatus.RowWarning(rs.getInt("row"), emptyAsNull(rs.getString("field")),
            rs.getString("code"), rs.getString("message")))
        .list();
  }

  private static String emptyAsNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  List<ImportStatus> recentOf(String username, int limit) {
    return jdbc.sql("select id from import_job where username = :username order by created_at desc limit :limit")
        .param("username", username).param("limit", limit).query(UUID.class).list()
        .stream().map(id -> status(id).orElseThrow()).toList();
  }

  private Map<String, Map<String, String>> results(UUID id) {
    Map<String, Map<String, String>> results = new LinkedHashMap<>();
    jdbc.sql("select grp, key, value from import_result where import_id = :id order by grp, key").param("id", id)
        .query(rs -> {
          results.computeIfAbsent(rs.getString("grp"), g -> new LinkedHashMap<>())
              .put(rs.getString("key"), rs.getString("value"));
        });
    return results.isEmpty() ? null : results;
  }

  private static OffsetDateTime offset(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant().atOffset(ZoneOffset.UTC);
  }
}
