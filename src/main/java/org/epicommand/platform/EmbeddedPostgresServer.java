package org.epicommand.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 17 server (zonky binaries). One server per data directory per JVM,
 * shared by reference count, so that several test contexts in one JVM reuse one instance and the
 * last one to let go stops it cleanly.
 *
 * <p>A second process on the same data directory is refused before PostgreSQL is touched: an
 * exclusive lock on {@code <dataDirectory>.lock} is held for the server's lifetime.
 */
final class EmbeddedPostgresServer {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final Map<String, EmbeddedPostgresServer> RUNNING = new HashMap<>();

  private final String key;
  private final EmbeddedPostgres postgres;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private int references;

  private EmbeddedPostgresServer(String key, EmbeddedPostgres postgres, FileChannel lockChannel, FileLock lock) {
    this.key = key;
    this.postgres = postgres;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  static synchronized EmbeddedPostgresServer acquire(PlatformProperties.Embedded config) {
    String key = config.ephemeral() ? "<ephemeral>" : config.dataDirectory().toAbsolutePath().normalize().toString();
    EmbeddedPostgresServer server = RUNNING.get(key);
    if (server == null) {
      server = start(key, config);
      RUNNING.put(key, server);
    }
    server.references++;
    return server;
  }

  private static EmbeddedPostgresServer start(String key, PlatformProperties.Embedded config) {
    FileChannel channel = null;
    FileLock lock = null;
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setLocaleConfig("locale", "C")
          .setLocaleConfig("encoding", "UTF8")
          .setServerConfig("max_connections", "100")
          .setPGStartupWait(java.time.Duration.ofSeconds(60))
          // the application stops the server when its pool closes (Spring's own shutdown hook);
          // zonky's hook would stop it in parallel, while beans still write on their way out
          // (e.g. the event publication registry), leaving them to wait for a dead connection
          .setRegisterShutdownHook(false);
      if (config.ephemeral()) {
        builder.setCleanDataDirectory(true).setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off");
      } else {
        Path dir = config.dataDirectory().toAbsolutePath().normalize();
        Files.createDirectories(dir.getParent());
        channel = FileChannel.open(dir.resolveSibling(dir.getFileName() + ".lock"),
            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = tryLock(channel);
        if (lock == null) {
          channel.close();
          throw new IllegalStateException("The data directory " + dir + " is in use by another running EpiCommand."
              + " Stop that instance first, or point this one elsewhere with epicommand.db.embedded.data-directory"
              + " (or EPICOMMAND_DB_URL for an external PostgreSQL).");
        }
        stopOrphanedServer(dir);
        builder.setDataDirectory(dir).setCleanDataDirectory(false);
      }
      if (config.port() > 0) {
        builder.setPort(config.port());
      }
      config.serverConfig().forEach(builder::setServerConfig);
      EmbeddedPostgres postgres = builder.start();
      log.info("Embedded PostgreSQL started on port {} ({})", postgres.getPort(),
          config.ephemeral() ? "ephemeral data directory" : "data in " + config.dataDirectory());
      return new EmbeddedPostgresServer(key, postgres, channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("Could not start the embedded PostgreSQL: " + e.getMessage(), e);
    }
  }

  /**
   * A PostgreSQL still running on our data directory while we hold the lock was left behind by an
   * instance that died without shutting down (kill -9, power loss of the JVM): stop it so that this
   * instance can start (PostgreSQL then recovers from its write-ahead log).
   */
  private static void stopOrphanedServer(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.isReadable(pidFile)) {
      return;
    }
    String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
    if (!firstLine.matches("\\d+")) {
      return;
    }
    java.util.Optional<ProcessHandle> orphan = ProcessHandle.of(Long.parseLong(firstLine))
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
    if (orphan.isEmpty()) {
      return;
    }
    log.warn("Stopping PostgreSQL (pid {}) left running on {} by an instance that did not shut down",
        firstLine, dataDirectory);
    ProcessHandle process = orphan.get();
    process.destroy();
    try {
      process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception notYet) {
      process.destroyForcibly();
      try {
        process.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception ignored) {
        throw new IllegalStateException("Could not stop the PostgreSQL left running on " + dataDirectory);
      }
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  int port() {
    return postgres.getPort();
  }

  /** Let go of the server; the last holder stops it (a fast, clean PostgreSQL shutdown). */
  synchronized void release() {
    synchronized (EmbeddedPostgresServer.class) {
      if (--references > 0) {
        return;
      }
      RUNNING.remove(key);
    }
    try {
      postgres.close();
      log.info("Embedded PostgreSQL stopped");
    } catch (IOException e) {
      log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    } finally {
      try {
        if (lock != null) {
          lock.release();
        }
      } catch (IOException ignored) {
        // the lock goes with the process anyway
      }
      closeQuietly(lockChannel);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing more to do
      }
    }
  }
}
