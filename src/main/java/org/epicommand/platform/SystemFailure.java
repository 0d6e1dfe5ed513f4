package org.epicommand.platform;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.transaction.TransactionSystemException;

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

  /**
   * The system failure behind {@code failure}: anywhere among its causes, suppressed exceptions and
   * the exception a failed rollback hid (a lost connection often shows first as "rollback failed").
   */
  public static Optional<SystemFailure> of(Throwable failure) {
    SystemFailure found = null;
    Deque<Throwable> pending = new ArrayDeque<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    pending.add(failure);
    while (!pending.isEmpty() && seen.size() < 100) {
      Throwable t = pending.poll();
      if (!seen.add(t)) {
        continue;
      }
      if (isDiskFull(t)) {
        return Optional.of(DISK_FULL);
      }
      if (t instanceof ConnectException || t instanceof SQLException sql && isConnectionState(sql.getSQLState())
          // a commit or rollback that failed in JDBC itself: the connection is gone (the server died under it)
          || t instanceof TransactionSystemException && t.getCause() instanceof SQLException) {
        found = DATABASE_UNAVAILABLE;
      } else if (found == null && t instanceof SQLTransientConnectionException) {
        found = DATABASE_BUSY;
      }
      if (t.getCause() != null) {
        pending.add(t.getCause());
      }
      pending.addAll(List.of(t.getSuppressed()));
      if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
        pending.add(rollback.getApplicationException());
      }
    }
    return Optional.ofNullable(found);
  }

  /** Throws {@code failure} on when it is a system failure (which no retry or row error can help). */
  public static void rethrow(RuntimeException failure) {
    if (of(failure).isPresent()) {
      throw failure;
    }
  }

  private static boolean isDiskFull(Throwable t) {
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
