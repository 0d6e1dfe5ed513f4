package org.epicommand.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database can be reached. It is marked unavailable by the embedded server's watchdog
 * (its postmaster died) or by a failure that shows a lost connection; from then on a probe tries a
 * fresh connection every second and marks it available again as soon as one succeeds. While it is
 * unavailable the health check is DOWN and requests are answered 503 at once.
 */
public class DatabaseAvailability implements EmbeddedPostgresServer.Listener {

  private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);

  private final Properties credentials = new Properties();
  private volatile String url;
  private final List<Runnable> afterRecovery = new CopyOnWriteArrayList<>();
  private final List<Runnable> onOutage = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "database-probe");
    thread.setDaemon(true);
    return thread;
  });
  private volatile String outage;
  private ScheduledFuture<?> probing;

  /** The database that the probe tries. */
  void probes(String url, String user, String password) {
    this.url = url;
    if (user != null && !user.isBlank()) {
      credentials.setProperty("user", user);
    }
    if (password != null) {
      credentials.setProperty("password", password);
    }
    credentials.setProperty("connectTimeout", "2");
    credentials.setProperty("socketTimeout", "5");
  }

  public boolean available() {
    return outage == null;
  }

  /** Why the database is unavailable, while it is. */
  public Optional<String> outage() {
    return Optional.ofNullable(outage);
  }

  /** A failure seen while using the database: when it shows a lost connection, the database is marked unavailable. */
  public void reportFailure(Throwable failure) {
    if (SystemFailure.of(failure).filter(SystemFailure.DATABASE_UNAVAILABLE::equals).isPresent()) {
      databaseDown(rootMessage(failure));
    }
  }

  /** Runs {@code task} once the database is available again (at once when it is). */
  public void afterRecovery(Runnable task) {
    afterRecovery.add(task);
    if (available()) {
      runRecoveryTasks();
    }
  }

  /** Runs {@code task} each time the database becomes unavailable. */
  void onOutage(Runnable task) {
    onOutage.add(task);
  }

  @Override
  public synchronized void databaseDown(String reason) {
    if (outage != null) {
      return;
    }
    outage = reason.strip().replaceAll("\\.+$", "");
    log.error("The database is unavailable ({}); requests are answered 503 until it is back", outage);
    onOutage.forEach(Runnable::run);
    probing = probe.scheduleWithFixedDelay(this::probe, 1, 1, TimeUnit.SECONDS);
  }

  @Override
  public synchronized void databaseUp() {
    if (outage == null) {
      return;
    }
    outage = null;
    if (probing != null) {
      probing.cancel(false);
    }
    log.info("The database is available again");
    probe.execute(this::runRecoveryTasks);
  }

  private void probe() {
    if (url == null) {
      return;
    }
    try (Connection connection = DriverManager.getConnection(url, credentials)) {
      if (connection.isValid(2)) {
        databaseUp();
      }
    } catch (SQLException stillDown) {
      log.debug("Database still unavailable: {}", stillDown.getMessage());
    }
  }

  private void runRecoveryTasks() {
    for (Runnable task : afterRecovery) {
      if (afterRecovery.remove(task)) {
        try {
          task.run();
        } catch (RuntimeException e) {
          log.warn("A task waiting for the database failed: {}", e.toString());
        }
      }
    }
  }

  void close() {
    probe.shutdownNow();
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
