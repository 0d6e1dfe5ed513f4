package org.epicommand.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.multipart.MultipartException;

class SystemFailureTest {

  @Test
  void aFullDiskIsRecognisedFromPostgresqlAndFromTheFileSystem() {
    SQLException postgres = new SQLException("could not extend file \"base/5/16384\": No space left on device",
        "53100");
    assertThat(SystemFailure.of(new DataAccessResourceFailureException("insert", postgres)))
        .contains(SystemFailure.DISK_FULL);
    assertThat(SystemFailure.of(new UncheckedIOException(new FileSystemException(
        "/data/photos/x: No space left on device"))))
        .contains(SystemFailure.DISK_FULL);
    assertThat(SystemFailure.of(new MultipartException("Failed to parse multipart servlet request",
        new IOException("No space left on device")))).contains(SystemFailure.DISK_FULL);
  }

  @Test
  void aLostConnectionIsUnavailableAndAnExhaustedPoolIsBusy() {
    SQLException refused = new SQLException("Connection to localhost:5432 refused", "08001", new ConnectException());
    assertThat(SystemFailure.of(new CannotGetJdbcConnectionException("no connection",
        new SQLTransientConnectionException("request timed out after 5000ms", "08001", refused))))
        .contains(SystemFailure.DATABASE_UNAVAILABLE);
    assertThat(SystemFailure.of(new CannotGetJdbcConnectionException("no connection",
        new SQLTransientConnectionException("request timed out after 5000ms (total=20, active=20)"))))
        .contains(SystemFailure.DATABASE_BUSY);
    assertThat(SystemFailure.of(new SQLException("FATAL: the database system is in recovery mode", "57P03")))
        .contains(SystemFailure.DATABASE_UNAVAILABLE);
  }

  @Test
  void aRollbackThatFailedOnAClosedConnectionIsSeenThroughToTheLostServer() {
    TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed"));
    rollback.initApplicationException(new SQLException(
        "FATAL: terminating connection due to unexpected postmaster exit",
        "57P01"));
    assertThat(SystemFailure.of(rollback)).contains(SystemFailure.DATABASE_UNAVAILABLE);
    // a commit that died with the server: Spring logs the commit's failure and throws the rollback's
    assertThat(SystemFailure.of(new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed")))).contains(SystemFailure.DATABASE_UNAVAILABLE);
  }

  @Test
  void ordinaryFailuresAreNoSystemFailure() {
    assertThat(SystemFailure.of(new SQLException("duplicate key value violates unique constraint", "23505"))).isEmpty();
    assertThat(SystemFailure.of(new IOException("Broken pipe"))).isEmpty();
    assertThat(SystemFailure.of(new IllegalStateException("x", new IllegalArgumentException("y")))).isEmpty();
  }
}
