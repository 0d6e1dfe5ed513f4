package org.epicommand.imports.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.epicommand.imports.ImportHandler;
import org.epicommand.imports.ImportRow;
import org.epicommand.imports.ImportStatus;
import org.epicommand.platform.SystemFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One pass over the spooled file, pipelined: a reading thread ({@link BatchHandoff}) parses the next
 * batch, checks its shape and lets the handler {@linkplain ImportHandler#prepare prepare} it, while
 * this thread commits the previous one. The hand-off holds one batch, and batches are committed
 * strictly in file order, so {@code rowsProcessed} stays exact (a resumed job skips exactly the
 * committed rows); a failure on either side ends both, and the reading thread has ended before the
 * file is closed.
 */
final class ImportRun {

  private static final Logger log = LoggerFactory.getLogger(ImportRun.class);

  private final ImportJobRepository.Job job;
  private final ImportHandler handler;
  private final Locale locale;
  private final HeaderSearch search;
  private final ImportJobRepository jobs;
  private final TransactionTemplate transactions;
  private final MessageSource messages;
  /** Whether the file was staged ({@link ImportHandler#stage}): the batches then show the rest of the progress. */
  private volatile boolean staged;

  /** How often the stage's first pass shows its progress. */
  private static final int STAGE_PROGRESS_ROWS = 200_000;

  ImportRun(ImportJobRepository.Job job, ImportHandler handler, Locale locale, HeaderSearch search,
      ImportJobRepository jobs, TransactionTemplate transactions, MessageSource messages) {
    this.job = job;
    this.handler = handler;
    this.locale = locale;
    this.search = search;
    this.jobs = jobs;
    this.transactions = transactions;
    this.messages = messages;
  }

  /** A batch read, shape-checked and prepared on the reading thread, waiting for its transaction. */
  private record Prepared(int processed, List<ImportRow> rows, List<ImportStatus.RowError> shapeErrors,
      RecordingBatch batch, Object prepared, long bytesRead) {}

  /** A file whose header cannot be found: the job fails with this message, and no row is read. */
  static final class HeaderProblem extends RuntimeException {
    HeaderProblem(String message) {
      super(message);
    }
  }

  void execute() throws IOException {
    Charset charset = Charset.forName(job.charset());
    try (SpooledFile.CountingInputStream counting = new SpooledFile.CountingInputStream(
            new java.io.BufferedInputStream(Files.newInputStream(Path.of(job.spoolPath())), 1 << 16));
         CsvRecordReader reader = new CsvRecordReader(SpooledFile.reader(counting, charset))) {
        HeaderSearch.Found found = search.read(reader);
      if (found.header() == null) {
        throw new HeaderProblem(found.malformed() != null
            ? text(locale, "error.import.badHeader", text(locale, "error." + found.malformed()))
            : found.missing() == null ? text(locale, "error.import.empty")
            : text(locale, "error.import.missingColumns", String.join(", ", found.missing()), search.expected()));
      }
      HeaderSearch.Header header = found.header();
      Authentication caller = SecurityContextHolder.getContext().getAuthentication();
      try (BatchHandoff<Prepared> batches = BatchHandoff.start("import-read-" + job.id(), caller,
          sink -> stageAndRead(reader, counting, header, sink))) {
        Prepared next;
        while ((next = batches.take()) != null) {
          commit(next);
        }
      }
    }
  }

  /** The reading thread: the handler's whole-file stage first, if it has one, then the batches. */
  private void stageAndRead(CsvRecordReader reader, SpooledFile.CountingInputStream counting,
      HeaderSearch.Header header, BatchHandoff.Sink<Prepared> sink) throws IOException {
    ImportHandler.FileStage stage = null;
    try {
      try {
        stage = handler.stage(job.id());
        if (stage != null) {
          stage(stage, sink);
        }
      } catch (RuntimeException e) {
        if (e instanceof BatchHandoff.Stopped) {
          throw e;
        }
        SystemFailure.rethrow(e);
        // the batches are prepared one by one instead
        log.warn("Import {} could not stage the file ({}); preparing batch by batch", job.id(), e.toString());
        if (stage != null) {
          stage.close();
        }
        stage = null;
      }
      read(reader, counting, header, sink, stage);
    } finally {
      if (stage != null) {
        stage.close();
      }
    }
  }

  /**
   * A first pass over the file: every well-formed row not yet committed through the stage, then its finish. The
   * progress shown counts it as the first third of the work: reading the file for the stage up to a fifth, its
   * finish the rest of the third ({@link #shown}).
   */
  private void stage(ImportHandler.FileStage stage, BatchHandoff.Sink<Prepared> sink) throws IOException {
    SpooledFile.CountingInputStream counting = new SpooledFile.CountingInputStream(
        new java.io.BufferedInputStream(Files.newInputStream(Path.of(job.spoolPath())), 1 << 16));
    try (CsvRecordReader reader = new CsvRecordReader(SpooledFile.reader(counting, Charset.forName(job.charset())))) {
      HeaderSearch.Header header = search.read(reader).header();
      long skip = job.rowsProcessed();
      long read = 0;
      CsvRecordReader.Record record;
      while ((record = reader.next()) != null) {
        if (++read % 10_000 == 0) {
          sink.checkStopped();
          if (read % STAGE_PROGRESS_ROWS == 0) {
            jobs.progress(job.id(), counting.count() / 5);
          }
        }
        if (skip > 0) {
          skip--;
        } else if (shapeError(record, header) == null) {
          stage.accept(new ImportRow(record.line(), record.fields(), header.columns()));
        }
      }
    }
    stage.finish();
    staged = true;
    jobs.progress(job.id(), shown(0));
  }

  /** The bytes shown as read once {@code bytes} of the file are read in batches: after a stage, the last two thirds. */
  private long shown(long bytes) {
    return staged ? job.fileSize() / 3 + bytes * 2 / 3 : bytes;
  }

  /** The reading thread: skips the committed rows, then hands over one prepared batch after the other. */
  private void read(CsvRecordReader reader, SpooledFile.CountingInputStream counting, HeaderSearch.Header header,
      BatchHandoff.Sink<Prepared> sink, ImportHandler.FileStage stage) throws IOException {
    long skip = job.rowsProcessed();
    int size = handler.batchSize();
    List<CsvRecordReader.Record> records = new ArrayList<>(size);
    CsvRecordReader.Record record;
    while ((record = reader.next()) != null) {
      if (skip > 0) {
        skip--;
        if (skip % 10_000 == 0) {
          sink.checkStopped();
        }
        continue;
      }
      records.add(record);
      if (records.size() >= size) {
        sink.put(prepare(records, header, shown(counting.count()), stage));
        records = new ArrayList<>(size);
      }
    }
    if (!records.isEmpty()) {
      sink.put(prepare(records, header, shown(counting.count()), stage));
    }
  }

  /** Shape checks of the records, then the handler's own preparation (or its stage's) of the well-formed rows. */
  private Prepared prepare(List<CsvRecordReader.Record> records, HeaderSearch.Header header, long bytesRead,
      ImportHandler.FileStage stage) {
    List<ImportStatus.RowError> shapeErrors = new ArrayList<>();
    List<ImportRow> rows = new ArrayList<>(records.size());
    for (CsvRecordReader.Record record : records) {
      ImportStatus.RowError error = shapeError(record, header);
      if (error != null) {
        shapeErrors.add(error);
      } else {
        rows.add(new ImportRow(record.line(), record.fields(), header.columns()));
      }
    }
    RecordingBatch batch = new RecordingBatch(job, locale, messages);
    Object prepared = null;
    if (!rows.isEmpty()) {
      try {
        prepared = stage != null ? stage.prepare(rows, batch) : handler.prepare(rows, batch);
      } catch (RuntimeException e) {
        // the batch's transaction does the work itself (and falls back to row by row if it fails again)
        log.warn("Import {} could not prepare a batch ({}); storing it unprepared", job.id(), e.toString());
        batch = new RecordingBatch(job, locale, messages);
        prepared = null;
      }
    }
    return new Prepared(records.size(), rows, shapeErrors, batch, prepared, bytesRead);
  }

  /** What is wrong with the shape of a record (null: a well-formed row). */
  private ImportStatus.RowError shapeError(CsvRecordReader.Record record, HeaderSearch.Header header) {
    int width = header.width();
    if (record.error() != null) {
      return new ImportStatus.RowError(record.line(), null, text(locale, "error." + record.error()));
    } else if (record.fields().size() != width) {
      return new ImportStatus.RowError(record.line(), null,
          text(locale, "error.csv.columnCount", width, record.fields().size()));
    } else if (record.fields().stream().anyMatch(f -> f.indexOf('\uFFFD') >= 0)) {
      return new ImportStatus.RowError(record.line(), null, text(locale, "error.csv.encoding"));
    } else if (record.fields().stream().anyMatch(f -> f.indexOf('\u0000') >= 0)) {
      // PostgreSQL cannot store a NUL character
      return new ImportStatus.RowError(record.line(), null, text(locale, "error.nulCharacter"));
    }
    String storedAsNumber = header.storedAsNumber(record.fields());
    if (storedAsNumber != null) {
      // an ID number Excel kept as a number is corrupt: never handed over, never stored
      return new ImportStatus.RowError(record.line(), storedAsNumber, text(locale, "error.idNumber.storedAsNumber"));
    }
    return null;
  }

  private void commit(Prepared batch) {
    try {
      transactions.executeWithoutResult(status -> store(batch.processed(), batch.rows(), batch.shapeErrors(),
          batch.bytesRead(), batch.batch(), batch.prepared()));
    } catch (RuntimeException batchFailure) {
      // a full disk or a lost database is no bad row: the job stops (or waits) instead of rejecting good rows
      SystemFailure.rethrow(batchFailure);
      // one bad row must not sink its batch: retry row by row, each in its own transaction
      log.warn("Import {} batch failed ({}); retrying row by row", job.id(), batchFailure.toString());
      transactions.executeWithoutResult(status -> store(batch.shapeErrors().size(), List.of(), batch.shapeErrors(), 0,
          new RecordingBatch(job, locale, messages), null));
      for (ImportRow row : batch.rows()) {
        try {
          transactions.executeWithoutResult(status -> store(1, List.of(row), List.of(), 0,
              new RecordingBatch(job, locale, messages), null));
        } catch (RuntimeException rowFailure) {
          SystemFailure.rethrow(rowFailure);
          log.warn("Import {} line {} failed: {}", job.id(), row.line(), rowFailure.toString());
          transactions.executeWithoutResult(status -> store(1, List.of(),
              List.of(new ImportStatus.RowError(row.line(), null, text(locale, "error.import.rowFailed"))), 0,
              new RecordingBatch(job, locale, messages), null));
        }
      }
      transactions.executeWithoutResult(status -> jobs.recordBatch(job.id(), 0, 0, 0, 0, batch.bytesRead(), List.of(),
          List.of(), Map.of()));
    }
  }

  /** Hands the rows to the handler and records the outcome, all in the caller's transaction. */
  private void store(int processed, List<ImportRow> rows, List<ImportStatus.RowError> shapeErrors, long bytesRead,
      RecordingBatch batch, Object prepared) {
    if (!rows.isEmpty()) {
      handler.importBatch(rows, prepared, batch);
    }
    List<ImportStatus.RowError> errors = new ArrayList<>(shapeErrors);
    errors.addAll(batch.errors());
    long rejectedShape = shapeErrors.stream().map(ImportStatus.RowError::row).distinct().count();
    long rejected = rejectedShape + batch.rejectedCount();
    long imported = rows.size() - batch.rejectedCount();
    jobs.recordBatch(job.id(), processed, imported, batch.alreadyPresentCount(), rejected, bytesRead, errors,
        batch.warnings(), batch.results());
  }

  private String text(Locale locale, String key, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }
}
