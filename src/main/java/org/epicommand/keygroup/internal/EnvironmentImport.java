package org.epicommand.keygroup.internal;

import java.util.List;
import org.epicommand.imports.ImportColumn;
import org.epicommand.imports.ImportHandler;
import org.epicommand.keygroup.EnvironmentSamples;

/**
 * An import of environmental monitoring ({@code ENVIRONMENT_WRITE}): its rows stored through
 * {@link EnvironmentSamples} as the forms store them, each in a savepoint of its own ({@link RowAttempts}).
 */
abstract class EnvironmentImport implements ImportHandler {

  final EnvironmentSamples samples;
  final RowAttempts attempts;
  private final String kind;
  private final List<ImportColumn> columns;

  EnvironmentImport(String kind, List<ImportColumn> columns, EnvironmentSamples samples, RowAttempts attempts) {
    this.kind = kind;
    this.columns = columns;
    this.samples = samples;
    this.attempts = attempts;
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public List<ImportColumn> importColumns() {
    return columns;
  }

  @Override
  public String requiredAuthority() {
    return "ENVIRONMENT_WRITE";
  }
}
