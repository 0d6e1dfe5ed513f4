package org.epicommand.imports.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.epicommand.imports.ImportBatch;
import org.epicommand.imports.ImportRow;
import org.epicommand.imports.ImportStatus;
import org.springframework.context.MessageSource;

/**
 * What a handler reports about one batch — rejected rows with their messages, warnings on stored rows, results — kept
 * until it is stored.
 */
final class RecordingBatch implements ImportBatch {

  private final ImportJobRepository.Job job;
  private final Locale locale;
  private final MessageSource messages;
  private final List<ImportStatus.RowError> errors = new ArrayList<>();
  private final Set<Integer> rejectedLines = new HashSet<>();
  private final Set<Integer> presentLines = new HashSet<>();
  private final Map<WarningKey, ImportJobRepository.Warning> warnings = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> results = new LinkedHashMap<>();

  RecordingBatch(ImportJobRepository.Job job, Locale locale, MessageSource messages) {
    this.job = job;
    this.locale = locale;
    this.messages = messages;
  }

  @Override
  public UUID importId() {
    return job.id();
  }

  @Override
  public String username() {
    return job.username();
  }

  @Override
  public void reject(ImportRow row, String field, String code, Object... args) {
    rejectedLines.add(row.line());
    String key = "error." + code;
    errors.add(new ImportStatus.RowError(row.line(), field, messages.getMessage(key, args, key, locale)));
  }

  /** One warning per row, field and key. */
  record WarningKey(int row, String field, String code) {}

  @Override
  public void warn(ImportRow row, String field, String code, Object... args) {
    String key = "warning." + code;
    WarningKey id = new WarningKey(row.line(), field == null ? "" : field, code);
    warnings.put(id, new ImportJobRepository.Warning(new ImportStatus.RowWarning(row.line(), field, code,
        messages.getMessage(key, args, key, locale)), java.util.Arrays.stream(args).map(String::valueOf).toList()));
  }

  @Override
  public void alreadyPresent(ImportRow row) {
    presentLines.add(row.line());
  }

  @Override
  public void putResult(String group, String key, String value) {
    results.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(key, value);
  }

  List<ImportStatus.RowError> errors() {
    return errors;
  }

  /** The warnings of the rows that were not rejected after all, with their arguments as text. */
  List<ImportJobRepository.Warning> warnings() {
    return warnings.values().stream().filter(w -> !rejectedLines.contains(w.warning().row())).toList();
  }

  int rejectedCount() {
    return rejectedLines.size();
  }

  /** Accepted rows that added nothing (a rejected row is not counted here). */
  int alreadyPresentCount() {
    return (int) presentLines.stream().filter(line -> !rejectedLines.contains(line)).count();
  }

  Map<String, Map<String, String>> results() {
    return results;
  }
}
