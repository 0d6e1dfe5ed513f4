package org.epicommand.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 17 server. One server per data directory per JVM, shared by reference
 * count, so that several test contexts in one JVM reuse one instance and the last one to let go
 * stops it cleanly.
 *
 * <p>A second process on the same data directory is refused before PostgreSQL is touched (see
 * {@link DataDirectoryLock}). A PostgreSQL is stopped only when it is provably this directory's
 * own server left behind by an EpiCommand that died; a pid file naming any other process is refused
 * at once, naming that process. A watchdog restarts the server when its postmaster dies (kill -9, a
 * PANIC on a full disk) and tells the listeners while it is gone.
 */
final class EmbeddedPostgresServer {

  /** Told when the server stops unexpectedly and when it is back. */
  interface Listener {
    void databaseDown(String reason);

    void databaseUp();
  }

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final Map<String, EmbeddedPostgresServer> RUNNING = new HashMap<>();
  private static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);
  private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(10);
  /** Once the JVM exits, a server that stops (a supervisor may signal it too) is not restarted. */
  private static volatile boolean exiting;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> exiting = true, "embedded-postgres-exiting"));
  }

  private final String key;
  private final PostgresCluster cluster;
  private final DataDirectoryLock lock;
  private final boolean ephemeral;
  private final Duration restartDelay;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService watchdog;
  private volatile boolean stopping;
  private int references;

  private EmbeddedPostgresServer(String key, PostgresCluster cluster, DataDirectoryLock lock, boolean ephemeral,
      Duration restartDelay) {
    this.key = key;
    this.cluster = cluster;
    this.lock = lock;
    this.ephemeral = ephemeral;
    this.restartDelay = restartDelay;
    this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "embedded-postgres-watchdog");
      thread.setDaemon(true);
      return thread;
    });
    watchdog.scheduleWithFixedDelay(this::watch, WATCH_INTERVAL.toMillis(), WATCH_INTERVAL.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  static synchronized EmbeddedPostgresServer acquire(PlatformProperties.Embedded config) {
    Path directory = config.ephemeral() ? null : DataDirectoryLock.canonical(config.dataDirectory());
    String key = config.ephemeral() ? "<ephemeral>" : directory.toString();
    EmbeddedPostgresServer server = RUNNING.get(key);
    if (server == null) {
      server = config.ephemeral() ? startEphemeral(config) : start(key, DataDirectoryLock.take(directory), config);
      RUNNING.put(key, server);
    }
    server.references++;
    return server;
  }

  /** A way to this directory's database, to be closed after use. */
  record Session(String jdbcUrl, Runnable release) implements AutoCloseable {
    @Override
    public void close() {
      release.run();
    }
  }

  /**
   * The database of a data directory, wherever it runs: the server of this JVM, the one of another
   * EpiCommand running on the directory (found through its verified pid file), or one started here
   * for the purpose and stopped again when the session closes.
   */
  static synchronized Session open(PlatformProperties.Embedded config) {
    Path directory = DataDirectoryLock.canonical(config.dataDirectory());
    EmbeddedPostgresServer server = RUNNING.get(directory.toString());
    if (server == null) {
      Optional<DataDirectoryLock> lock = DataDirectoryLock.tryTake(directory);
      if (lock.isEmpty()) {
        Postmaster running = Postmaster.read(directory).filter(p -> p.serves(directory))
            .orElseThrow(() -> new IllegalStateException("The data directory " + directory
                + " is held by another running EpiCommand whose database is not running (restarting?); try again."));
        return new Session("jdbc:postgresql://localhost:" + running.port() + "/postgres?user=postgres", () -> { });
      }
      if (!Files.exists(directory.resolve("PG_VERSION"))) {
        lock.get().close();
        throw new IllegalStateException("There is no EpiCommand database in " + directory);
      }
      server = start(directory.toString(), lock.get(), config);
      RUNNING.put(directory.toString(), server);
    }
    server.references++;
    return new Session(server.jdbcUrl(), server::release);
  }

  private static EmbeddedPostgresServer start(String key, DataDirectoryLock lock, PlatformProperties.Embedded config) {
    try {
      Path directory = lock.directory();
      takeOverFromDeadInstance(directory);
      PostgresCluster cluster = new PostgresCluster(directory, port(config), !config.ephemeral(),
          config.serverConfig());
      if (!cluster.initialized()) {
        refuseForeignContent(directory);
        cluster.initialize();
      }
      cluster.start();
      log.info("Embedded PostgreSQL started on port {} ({})", cluster.port(),
          config.ephemeral() ? "ephemeral data directory" : "data in " + directory);
      return new EmbeddedPostgresServer(key, cluster, lock, config.ephemeral(), config.restartDelay());
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** A throw-away directory under the temporary directory, removed again when the server stops. */
  private static EmbeddedPostgresServer startEphemeral(PlatformProperties.Embedded config) {
    try {
      Path parent = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "epicommand-pg"));
      removeAbandonedEphemeralDirectories(parent);
      Path directory = Files.createTempDirectory(parent, "db-").toRealPath();
      return start("<ephemeral>", DataDirectoryLock.take(directory), config);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create an ephemeral data directory: " + e.getMessage(), e);
    }
  }

  /**
   * Before this instance starts, the directory's pid file is looked at. A PostgreSQL still serving
   * this directory while we hold the lock was left behind by an instance that died without shutting
   * down (kill -9 of the JVM): it is stopped so that this one can start (PostgreSQL then recovers
   * from its write-ahead log). A pid file naming any other living process is refused, quickly.
   */
  private static void takeOverFromDeadInstance(Path directory) {
    Optional<Postmaster> found = Postmaster.read(directory);
    if (found.isEmpty() || !found.get().alive()) {
      return;
    }
    Postmaster postmaster = found.get();
    if (postmaster.pid() == ProcessHandle.current().pid()
        || Files.exists(Path.of("/proc/self/task", Long.toString(postmaster.pid())))) {
      // after a reboot the old number may now be this very JVM (or one of its threads): certainly stale
      deleteStalePidFile(directory);
      return;
    }
    if (!postmaster.serves(directory)) {
      throw new IllegalStateException("The data directory " + directory + " has a postmaster.pid naming process "
          + postmaster.pid() + ", which is running but is not a PostgreSQL serving this directory ("
              + postmaster.describe()
          + "). EpiCommand leaves that process alone. If no PostgreSQL uses " + directory + ", delete "
          + directory.resolve(Postmaster.PID_FILE) + " and start again.");
    }
    log.warn("Stopping PostgreSQL (pid {}) left running on {} by an instance that did not shut down",
        postmaster.pid(), directory);
    new PostgresCluster(directory, postmaster.port(), true, Map.of()).stopOrphan(postmaster.pid());
  }

  private static void deleteStalePidFile(Path directory) {
    try {
      Files.deleteIfExists(directory.resolve(Postmaster.PID_FILE));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove the stale " + Postmaster.PID_FILE + " of " + directory, e);
    }
  }

  /** initdb on a directory that holds something else would fail obscurely; say what is wrong instead. */
  private static void refuseForeignContent(Path directory) {
    try (Stream<Path> entries = Files.list(directory)) {
      List<String> names = entries.map(p -> p.getFileName().toString()).filter(n -> !n.equals("log")).toList();
      if (!names.isEmpty()) {
        throw new IllegalStateException("The database directory " + directory + " is not empty but holds no"
            + " PostgreSQL database (no PG_VERSION; found " + names.subList(0, Math.min(5, names.size())) + ")."
            + " Point epicommand.data-directory at an empty or an EpiCommand data directory.");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the data directory " + directory + ": " + e.getMessage(), e);
    }
  }

  /** Ephemeral directories of test JVMs that were killed: their lock is free. */
  private static void removeAbandonedEphemeralDirectories(Path parent) {
    try (Stream<Path> entries = Files.list(parent)) {
      for (Path directory : entries.filter(Files::isDirectory).toList()) {
        DataDirectoryLock.tryTake(directory).ifPresent(abandoned -> {
          try (abandoned) {
            Postmaster.read(directory).filter(p -> p.serves(directory))
                .ifPresent(p -> new PostgresCluster(directory, p.port(), false, Map.of()).stopOrphan(p.pid()));
            FileTrees.delete(directory);
            Files.deleteIfExists(parent.resolve(directory.getFileName() + ".lock"));
          } catch (IOException e) {
            log.debug("Could not remove the abandoned {}: {}", directory, e.getMessage());
          } catch (RuntimeException e) {
            log.debug("Could not remove the abandoned {}: {}", directory, e.getMessage());
          }
        });
      }
    } catch (IOException e) {
      log.debug("Could not look for abandoned ephemeral databases: {}", e.getMessage());
    }
  }

  private static int port(PlatformProperties.Embedded config) {
    if (config.port() > 0) {
      return config.port();
    }
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port for the embedded PostgreSQL", e);
    }
  }

  /** As the superuser (set-up, backups). */
  String jdbcUrl() {
    return jdbcUrl("postgres");
  }

  String jdbcUrl(String role) {
    return "jdbc:postgresql://localhost:" + cluster.port() + "/postgres?user=" + role;
  }

  int port() {
    return cluster.port();
  }

  Path dataDirectory() {
    return cluster.directory();
  }

  void addListener(Listener listener) {
    listeners.add(listener);
  }

  void removeListener(Listener listener) {
    listeners.remove(listener);
  }

  /** Runs every second: a dead postmaster is restarted, with growing pauses while that fails. */
  private void watch() {
    if (stopping || exiting || cluster.running()) {
      return;
    }
    String reason = "the embedded PostgreSQL (pid " + cluster.pid() + ") stopped unexpectedly";
    log.error("The embedded PostgreSQL (pid {}) stopped unexpectedly; restarting it on {}", cluster.pid(),
        cluster.directory());
    listeners.forEach(l -> l.databaseDown(reason));
    Duration pause = restartDelay;
    while (!stopping && !exiting) {
      sleep(pause);
      try {
        synchronized (cluster) {
          if (stopping || exiting) {
            return;
          }
          cluster.killOrphans();
          cluster.start();
        }
        log.info("Embedded PostgreSQL restarted on port {} (pid {})", cluster.port(), cluster.pid());
        listeners.forEach(Listener::databaseUp);
        return;
      } catch (RuntimeException e) {
        pause = pause.multipliedBy(2).compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : pause.multipliedBy(2);
        log.warn("The embedded PostgreSQL could not be restarted yet ({}); trying again in {} s", e.getMessage(),
            pause.toSeconds());
      }
    }
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(Math.max(100, pause.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** How many holders the server has (the last one to let go stops it). */
  int references() {
    synchronized (EmbeddedPostgresServer.class) {
      return references;
    }
  }

  /** Let go of the server; the last holder stops it (a fast, clean PostgreSQL shutdown). */
  void release() {
    synchronized (EmbeddedPostgresServer.class) {
      if (--references > 0) {
        return;
      }
      RUNNING.remove(key);
    }
    stopping = true;
    watchdog.shutdown();
    try {
      synchronized (cluster) {
        cluster.stop();
      }
      log.info("Embedded PostgreSQL stopped");
    } catch (RuntimeException e) {
      log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    } finally {
      lock.close();
      if (ephemeral) {
        Path directory = cluster.directory();
        try {
          FileTrees.delete(directory);
          Files.deleteIfExists(directory.resolveSibling(directory.getFileName() + ".lock"));
        } catch (IOException | UncheckedIOException e) {
          log.debug("Could not remove the ephemeral {}; removed with the next abandoned ones", directory);
        }
      }
    }
  }
}
