package org.epicommand.person;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.epicommand.jurisdiction.JurisdictionScope;
import org.epicommand.shared.CopyRows;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A whole file's documents resolved against the registry in one set-based statement, for bulk imports
 * whose files name millions of persons: the documents, each with its line in the file, are streamed
 * by one COPY into a temporary table, then found in the registry by one join (a hash join, instead of
 * an index probe per document), keeping only persons inside the importer's {@link JurisdictionScope};
 * the persons found are then read back a range of lines at a time (a batch of the import). Everything
 * lives on one connection of its own (temporary tables), used by one thread; {@link #close()} drops
 * the tables and gives the connection back.
 */
public final class DocumentStage implements AutoCloseable {

  private static final int CHUNK = 10_000;

  private final Connection connection;
  private final JurisdictionScope scope;
  private final CopyRows rows = new CopyRows();
  private CopyIn copy;
  private boolean resolved;

  DocumentStage(DataSource dataSource, JurisdictionScope scope) {
    this.scope = scope;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw new IllegalStateException("no connection for the document stage: " + e.getMessage(), e);
    }
    try {
      connection.setAutoCommit(true);
      execute("drop table if exists person_document_found, person_document_staged");
      // the file's documents, read once in whole: no WAL, no index
      execute("create temp table person_document_staged (line int, id_type text, id_number text collate \"C\")");
      // one join of millions of rows: hashed in memory rather than in batches on disk
      execute("set work_mem = '256MB'");
      copy = connection.unwrap(PGConnection.class).getCopyAPI()
          .copyIn("copy person_document_staged (line, id_type, id_number) from stdin");
    } catch (SQLException e) {
      close();
      throw failed(e);
    }
  }

  /** Stages the document on a line of the file (lines in file order, each once). */
  public void add(int line, PersonLookup.Document document) {
    rows.field(line).field(document.idType().name()).last(document.idNumber());
    if (rows.rows() >= CHUNK) {
      try {
        rows.drainTo(copy);
      } catch (SQLException e) {
        throw failed(e);
      }
    }
  }

  /**
   * Ends the COPY and finds the staged documents' persons inside the scope in one join; after it the
   * persons are read by {@link #located(int, int)}.
   */
  public void resolve() {
    try {
      rows.drainTo(copy);
      copy.endCopy();
      execute("analyze person_document_staged");
      try (PreparedStatement join = connection.prepareStatement("""
          create temp table person_document_found as
          select s.line, p.id, p.jurisdiction_path from person_document_staged s
          join person p on p.id_type = s.id_type and p.id_number = s.id_number
          where p.jurisdiction_path like ?
          """)) {
        join.setString(1, scope.path() + "%");
        join.execute();
      }
      execute("drop table person_document_staged");
      execute("create index on person_document_found (line)");
      execute("analyze person_document_found");
      execute("reset work_mem");
      resolved = true;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** The persons found for the lines {@code from} to {@code to} (inclusive), by line; absent: unknown or outside. */
  public Map<Integer, PersonLookup.Located> located(int from, int to) {
    if (!resolved) {
      throw new IllegalStateException("the stage is not resolved");
    }
    Map<Integer, PersonLookup.Located> found = new HashMap<>();
    try (PreparedStatement read = connection.prepareStatement(
        "select line, id::text, jurisdiction_path from person_document_found where line between ? and ?")) {
      read.setInt(1, from);
      read.setInt(2, to);
      try (ResultSet rs = read.executeQuery()) {
        while (rs.next()) {
          found.put(rs.getInt(1), new PersonLookup.Located(rs.getString(2), rs.getString(3)));
        }
      }
    } catch (SQLException e) {
      throw failed(e);
    }
    return found;
  }

  /** Drops the staged tables and gives the connection back. */
  @Override
  public void close() {
    try {
      if (copy != null && copy.isActive()) {
        copy.cancelCopy();
      }
      execute("drop table if exists person_document_found, person_document_staged");
      execute("reset work_mem");
    } catch (SQLException e) {
      // the connection is closed below; a broken one is discarded by the pool
    } finally {
      try {
        connection.close();
      } catch (SQLException e) {
        // nothing left to give back
      }
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static IllegalStateException failed(SQLException e) {
    return new IllegalStateException("document stage: " + e.getMessage(), e);
  }
}
