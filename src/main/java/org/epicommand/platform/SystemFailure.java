package org.epicommand.platform;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * A failure that says something about the system rather than about the request: a full disk, a
 * database that cannot be reached, or one that has no free connection. Such failures are answered
 * with what they are (507 or 503 and a message saying so), never as a 500, a "file cannot be
 * read" or a wrong password.
 */
public enum SystemFailure {

  /** PostgreSQL's {@code disk_full} (SQLSTATE 53100) or an I/O error "No space left on device". */
  DISK_FULL,
  /** No connection: refused, broken, or the server shutting down, starting or recovering. */
  DATABASE_UNAVAILABLE,
  /** Every pooled connection stayed busy for the whole connection timeout. */
  DATABASE_BUSY;

  /** The system failure behind {@code failure} (anywhere in its causes), if it is one. */
  public static Optional<SystemFailure> of(Throwable failure) {
    SystemFailure found = null;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (isDiskFull(t)) {
        return Optional.of(DISK_FULL);
      }
      if (t instanceof ConnectException || t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
        found = DATABASE_UNAVAILABLE;
      } else if (found == null && t instanceof SQLTransientConnectionException) {
        found = DATABASE_BUSY;
      }
    }
    return Optional.ofNullable(found);
  }

  public static boolean isDiskFull(Throwable t) {
    if (t instanceof SQLException sql && "53100".equals(sql.getSQLState())) {
      return true;
    }
    String message = t.getMessage();
    return (t instanceof IOException || t instanceof java.io.UncheckedIOException) && message != null
        && (message.contains("No space left on device") || message.contains("Disk quota exceeded"));
  }

  /** Class 08 (connection exception) and 57P01–57P03 (shutting down, crashed, cannot connect now). */
  private static boolean isConnectionState(String state) {
    return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
        || state.equals("57P03"));
  }
}
