package org.epicommand.shared;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Rows in COPY text format ({@link CopyText}), copied on the connection of the current transaction
 * (an import batch's), so that they commit or roll back with everything else the batch writes: into
 * a temporary staging table (created once per connection, emptied at every commit) or straight into
 * a table when the rows are already checked. The one way the bulk write paths stage their rows.
 */
public final class CopyRows {

  private final StringBuilder buffer = new StringBuilder(1 << 16);
  private int rows;

  public CopyRows field(Object value) {
    append(value);
    buffer.append('\t');
    return this;
  }

  public void last(Object value) {
    append(value);
    buffer.append('\n');
    rows++;
  }

  /** Numbers, uuids and text without a character to escape go in as they are; the rest as {@link CopyText}. */
  private void append(Object value) {
    if (value instanceof Number || value instanceof Boolean || value instanceof java.util.UUID) {
      buffer.append(value);
      return;
    }
    if (value instanceof String text && plain(text)) {
      buffer.append(text);
      return;
    }
    CopyText.append(buffer, value);
  }

  private static boolean plain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
        return false;
      }
    }
    return true;
  }

  public int rows() {
    return rows;
  }

  /**
   * Writes the rows gathered so far into a COPY that stays open (a stream of many chunks, e.g. a whole
   * file's rows) and starts afresh.
   */
  public void drainTo(CopyIn copy) throws SQLException {
    byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    buffer.setLength(0);
    rows = 0;
  }

  /**
   * Creates the temporary table if this connection has none yet, copies the rows into it and
   * analyzes it (so that joins with it are planned for its size).
   */
  public void copyInto(DataSource dataSource, String createTable, String copySql) {
    copy(dataSource, createTable, copySql, true);
  }

  /** As {@link #copyInto}, without statistics: for a table only ever read whole. */
  public void copyIntoUnanalyzed(DataSource dataSource, String createTable, String copySql) {
    copy(dataSource, createTable, copySql, false);
  }

  /** Copies the rows with {@code copySql} ({@code copy t (...) from stdin}) into an existing table. */
  public void copy(DataSource dataSource, String copySql) {
    copy(dataSource, null, copySql, false);
  }

  private void copy(DataSource dataSource, String createTable, String copySql, boolean analyze) {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      if (createTable != null) {
        try (Statement statement = connection.createStatement()) {
          statement.execute(createTable);
        }
      }
      if (rows == 0) {
        return;
      }
      CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
      byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
      try {
        copy.writeToCopy(bytes, 0, bytes.length);
        copy.endCopy();
      } finally {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
      }
      if (analyze) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("analyze " + copySql.split("\\s+")[1]);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("copy failed: " + e.getMessage(), e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }
}
