package org.epicommand.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Backups of everything the platform keeps on disk — the embedded database (a {@link BaseBackup}),
 * the supervision photos and the import spool — taken while the platform runs or not, the restore
 * of such a backup into an empty data directory, and the scheduled backups with their retention.
 *
 * <p>A backup directory holds {@code pg/} (a data directory that PostgreSQL brings to the backup's
 * stop point on its first start), {@code photos/}, {@code imports/} and, written last, {@code
 * backup.properties}: a directory without it is an unfinished backup. The files are copied after
 * the database's stop point, so every photo the database knows is in the backup (photos are never
 * changed or removed); the spool is copied before and after it.
 */
public class Backups {

  static final String MANIFEST = "backup.properties";
  private static final Logger log = LoggerFactory.getLogger(Backups.class);
  private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'epicommand-'yyyyMMdd-HHmmss");

  /** What a backup holds. */
  public record Summary(Path directory, String created, long databaseBytes, long photos, long importFiles) {}

  private final PlatformProperties platform;
  private final BackupProperties settings;
  private final Path photos;
  private final Path spool;

  Backups(PlatformProperties platform, BackupProperties settings, Environment environment) {
    this.platform = platform;
    this.settings = settings;
    this.photos = Path.of(environment.getRequiredProperty("epicommand.supervision.photo-directory"));
    this.spool = Path.of(environment.getRequiredProperty("epicommand.imports.spool-directory"));
  }

  /** Writes a backup into {@code target}, which must not exist yet or be empty. */
  public Summary backup(Path target) {
    refuseExternalDatabase("backup");
    Path directory = target.toAbsolutePath().normalize();
    try {
      if (!FileTrees.isEmpty(directory)) {
        throw new IllegalStateException("The backup directory " + directory
            + " is not empty; name a new or empty one.");
      }
      Files.createDirectories(directory);
      String created = Instant.now().toString();
      Path database = DataDirectoryLock.canonical(platform.db().embedded().dataDirectory());
      try (EmbeddedPostgresServer.Session session = EmbeddedPostgresServer.open(platform.db().embedded());
           Connection connection = DriverManager.getConnection(session.jdbcUrl())) {
        long bytes = BaseBackup.databaseSize(connection);
        BaseBackup.Positions positions = BaseBackup.copy(connection, database, directory.resolve("pg"),
            () -> copyFiles(directory));
        copyFiles(directory);
        Summary summary = new Summary(directory, created, bytes, FileTrees.countFiles(directory.resolve("photos")),
            FileTrees.countFiles(directory.resolve("imports")));
        writeManifest(summary, positions);
        log.info("Backup written to {}: database {} MB (log {} to {}), {} photos, {} import files", directory,
            bytes / (1 << 20), positions.start(), positions.stop(), summary.photos(), summary.importFiles());
        return summary;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Backup to " + directory + " failed: " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new IllegalStateException("Backup to " + directory + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Restores the backup in {@code source} into this platform's data directories, which must be
   * empty — or, with {@code force}, are moved aside first (to {@code <name>.before-restore-<time>}).
   * The platform must not be running on them. The database is started once to replay its log.
   */
  public Summary restore(Path source, boolean force) {
    refuseExternalDatabase("restore");
    Path backup = source.toAbsolutePath().normalize();
    if (!Files.exists(backup.resolve(MANIFEST)) || !BaseBackup.isBackup(backup.resolve("pg"))) {
      throw new IllegalStateException(backup + " is not a complete EpiCommand backup (no " + MANIFEST
          + " or no pg/backup_label).");
    }
    Path database = DataDirectoryLock.canonical(platform.db().embedded().dataDirectory());
    try (DataDirectoryLock lock = DataDirectoryLock.take(database)) {
      List<Path> occupied = new ArrayList<>();
      for (Path target : List.of(database, photos, spool)) {
        if (!FileTrees.isEmpty(target)) {
          occupied.add(target);
        }
      }
      if (!occupied.isEmpty() && !force) {
        throw new IllegalStateException("Restore refuses to overwrite data: " + occupied + " not empty. Restore into"
            + " an empty data directory (epicommand.data-directory), or add --force to move these aside first.");
      }
      String suffix = ".before-restore-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
      for (Path target : occupied) {
        Files.move(target, target.resolveSibling(target.getFileName() + suffix));
        log.warn("Moved {} aside to {}{}", target, target.getFileName(), suffix);
      }
      FileTrees.createPrivateDirectory(database);
      FileTrees.copyNew(backup.resolve("pg"), database, relative -> false);
      FileTrees.copyNew(backup.resolve("photos"), photos, relative -> false);
      FileTrees.copyNew(backup.resolve("imports"), spool, relative -> false);
    } catch (IOException e) {
      throw new UncheckedIOException("Restore from " + backup + " failed: " + e.getMessage(), e);
    }
    try (EmbeddedPostgresServer.Session session = EmbeddedPostgresServer.open(platform.db().embedded());
         Connection connection = DriverManager.getConnection(session.jdbcUrl())) {
      Properties manifest = readManifest(backup);
      Summary summary = new Summary(database.getParent(), manifest.getProperty("created"),
          BaseBackup.databaseSize(connection), FileTrees.countFiles(photos), FileTrees.countFiles(spool));
      log.info("Restored the backup of {} from {} into {}: {} photos, {} import files", summary.created(), backup,
          database.getParent(), summary.photos(), summary.importFiles());
      return summary;
    } catch (IOException e) {
      throw new UncheckedIOException("The restored database in " + database + " did not start: " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new IllegalStateException("The restored database in " + database + " did not start: " + e.getMessage(), e);
    }
  }

  /** {@code epicommand.backup.cron}: a backup into the backup directory, then the oldest beyond the retention go. */
  @Scheduled(cron = "${epicommand.backup.cron:-}", zone = "${epicommand.zone:Asia/Shanghai}")
  void scheduled() {
    Path directory = settings.directory().toAbsolutePath();
    try {
      Files.createDirectories(directory);
      removeUnfinished(directory);
      backup(directory.resolve(LocalDateTime.now(platform.zone()).format(NAME)));
      keepNewest(directory, settings.retention());
    } catch (IOException | RuntimeException e) {
      log.error("The scheduled backup into {} failed: {}", directory, e.getMessage());
    }
  }

  /** Removes all but the newest {@code keep} finished backups in {@code directory}. */
  static void keepNewest(Path directory, int keep) throws IOException {
    List<Path> finished = backupsIn(directory).stream().filter(b -> Files.exists(b.resolve(MANIFEST)))
        .sorted(Comparator.comparing(Path::getFileName).reversed()).toList();
    for (Path old : finished.subList(Math.min(keep, finished.size()), finished.size())) {
      log.info("Removing the backup {} (retention {})", old, keep);
      FileTrees.delete(old);
    }
  }

  private static void removeUnfinished(Path directory) throws IOException {
    for (Path unfinished : backupsIn(directory).stream().filter(b -> !Files.exists(b.resolve(MANIFEST))).toList()) {
      log.warn("Removing the unfinished backup {}", unfinished);
      FileTrees.delete(unfinished);
    }
  }

  private static List<Path> backupsIn(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.filter(Files::isDirectory).filter(p -> p.getFileName().toString().startsWith("epicommand-"))
          .toList();
    }
  }

  /** Photos and spooled imports; files still being written (*.part, *.upload) are left out. */
  private void copyFiles(Path directory) {
    try {
      FileTrees.copyNew(photos, directory.resolve("photos"), p -> p.getFileName().toString().endsWith(".part"));
      FileTrees.copyNew(spool, directory.resolve("imports"), p -> p.getFileName().toString().endsWith(".upload"));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not copy the files into the backup: " + e.getMessage(), e);
    }
  }

  private static void writeManifest(Summary summary, BaseBackup.Positions positions) throws IOException {
    Properties manifest = new Properties();
    manifest.setProperty("format", "1");
    manifest.setProperty("created", summary.created());
    manifest.setProperty("database.bytes", Long.toString(summary.databaseBytes()));
    manifest.setProperty("database.start-lsn", positions.start());
    manifest.setProperty("database.stop-lsn", positions.stop());
    manifest.setProperty("photos", Long.toString(summary.photos()));
    manifest.setProperty("imports", Long.toString(summary.importFiles()));
    Path partial = summary.directory().resolve(MANIFEST + ".part");
    try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      manifest.store(out, "EpiCommand backup: pg = PostgreSQL data directory, photos, imports = spooled import files");
    }
    Files.move(partial, summary.directory().resolve(MANIFEST), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static Properties readManifest(Path backup) throws IOException {
    Properties manifest = new Properties();
    try (var in = Files.newBufferedReader(backup.resolve(MANIFEST), StandardCharsets.UTF_8)) {
      manifest.load(in);
    }
    return manifest;
  }

  private void refuseExternalDatabase(String what) {
    if (platform.db().external()) {
      throw new IllegalStateException("The " + what + " command covers the embedded database only. With an external"
          + " PostgreSQL use pg_dump/pg_restore (or the server's own backups), and copy " + photos + " and " + spool
          + " with it.");
    }
  }
}
