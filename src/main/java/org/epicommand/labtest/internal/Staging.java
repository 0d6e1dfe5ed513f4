package org.epicommand.labtest.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.epicommand.shared.CopyText;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Rows for a staging table in COPY text format, copied on the connection of the current transaction
 * (the import batch's), so staging, validation and merge commit or roll back together. Staging
 * tables are temporary, created once per connection and emptied at every commit.
 */
final class Staging {

  private final StringBuilder buffer = new StringBuilder(1 << 16);
  private int rows;

  Staging field(Object value) {
    CopyText.append(buffer, value);
    buffer.append('\t');
    return this;
  }

  void last(Object value) {
    CopyText.append(buffer, value);
    buffer.append('\n');
    rows++;
  }

  int rows() {
    return rows;
  }

  /** Creates the temporary table if this connection has none yet, then copies the rows into it. */
  void copyInto(DataSource dataSource, String createTable, String copySql) {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      try (Statement statement = connection.createStatement()) {
        statement.execute(createTable);
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
      // fresh statistics, so that the set-based checks join by hash instead of nested loops
      try (Statement statement = connection.createStatement()) {
        statement.execute("analyze " + copySql.split("\\s+")[1]);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("staging copy failed: " + e.getMessage(), e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }
}
