package org.epicommand.platform;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The schema owner's connection, kept apart from the application's: the migrations run on it, and
 * the few maintenance statements that only the owner may run — taking a table's keys and indexes off
 * for a bulk load and putting them back, {@code vacuum} — go through {@link #run}. Everything else
 * uses the application's DataSource, whose role reads and writes rows only ({@link DatabaseRoles}).
 * Day partitions are created by SECURITY DEFINER functions of the owner instead, so that they can be
 * made inside the application's own transactions.
 *
 * <p>The pool is small and holds no idle connection. With an external database that has no owner
 * role of its own ({@code epicommand.db.owner-user} unset) it is the application's DataSource.
 */
public final class DatabaseMaintenance implements AutoCloseable {

  private final DataSource owner;
  private final String runtimeRole;
  private final Runnable close;

  DatabaseMaintenance(DataSource owner, String runtimeRole, Runnable close) {
    this.owner = owner;
    this.runtimeRole = runtimeRole;
    this.close = close;
  }

  /** Runs the statements one after another as the schema's owner, each in its own transaction. */
  public void run(List<String> statements) {
    JdbcClient jdbc = JdbcClient.create(owner);
    statements.forEach(sql -> jdbc.sql(sql).update());
  }

  public void run(String statement) {
    run(List.of(statement));
  }

  /** The owner's connections, for tools and tests that change the schema (the application uses {@link #run}). */
  public DataSource dataSource() {
    return owner;
  }

  /** After the migrations: the runtime role's rights (nothing to grant when one role does both). */
  void grantRuntime() {
    if (runtimeRole != null) {
      DatabaseRoles.grantRuntime(owner, runtimeRole);
    }
  }

  @Override
  public void close() {
    close.run();
  }
}
