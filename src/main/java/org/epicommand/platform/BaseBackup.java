package org.epicommand.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * A base backup of a running PostgreSQL through its low-level API (the way {@code pg_basebackup -X
 * fetch} does it; the bundled binaries have no {@code pg_basebackup} or {@code pg_dump}): between
 * {@code pg_backup_start} and {@code pg_backup_stop} the data directory's files are copied as they
 * are, then the write-ahead log from the start to the stop point, and the backup label. PostgreSQL
 * started on the copy replays that log and is consistent as of the stop point; a temporary
 * replication slot keeps the log from being recycled meanwhile. The copy needs no special start:
 * it is a data directory.
 */
final class BaseBackup {

  /** What a data directory holds that a backup leaves out (PostgreSQL documentation, "Backup Manifest"/"Base Backup").
   * */
  private static final Set<String> LEFT_OUT_FILES = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
      "tablespace_map", "backup_label.old", "backup_manifest", "current_logfiles", "epg-lock");
  private static final Set<String> EMPTIED_DIRECTORIES = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
      "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans", "log");

  /** The write-ahead log positions of a finished backup. */
  record Positions(String start, String stop) {}

  private BaseBackup() {}

  /**
   * Copies the database whose data directory is {@code dataDirectory}, served on {@code connection}
   * (a superuser session of its own: the backup lives as long as the session), to {@code target}.
   * {@code whileRunning} runs between the start and the stop (files that belong to the data).
   */
  static Positions copy(Connection connection, Path dataDirectory, Path target, Runnable whileRunning)
      throws SQLException, IOException {
    FileTrees.createPrivateDirectory(target);
    connection.setAutoCommit(true);
    String slot = "epicommand_backup_" + ProcessHandle.current().pid() + "_" + Math.floorMod(System.nanoTime(),
        100_000);
    try (Statement statement = connection.createStatement()) {
      statement.execute("select pg_create_physical_replication_slot('" + slot + "', true, true)");
    }
    String start = single(connection, "select pg_backup_start('epicommand', true)::text");
    String startSegment = single(connection, "select pg_walfile_name('" + start + "'::pg_lsn)");
    FileTrees.copyNew(dataDirectory, target, BaseBackup::leftOut);
    whileRunning.run();
    String stop;
    String label;
    String tablespaceMap;
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("select lsn::text, labelfile, spcmapfile from pg_backup_stop(false)")) {
      rs.next();
      stop = rs.getString(1);
      label = rs.getString(2);
      tablespaceMap = rs.getString(3);
    }
    String stopSegment = single(connection, "select pg_walfile_name('" + stop + "'::pg_lsn)");
    Path wal = target.resolve("pg_wal");
    Files.createDirectories(wal.resolve("archive_status"));
    FileTrees.copyNew(dataDirectory.resolve("pg_wal"), wal, relative -> !neededLog(relative, startSegment,
        stopSegment));
    Files.writeString(target.resolve("backup_label"), label, StandardCharsets.UTF_8);
    if (tablespaceMap != null && !tablespaceMap.isBlank()) {
      Files.writeString(target.resolve("tablespace_map"), tablespaceMap, StandardCharsets.UTF_8);
    }
    return new Positions(start, stop);
  }

  /** Whether {@code directory} is a data directory made by {@link #copy}. */
  static boolean isBackup(Path directory) {
    return Files.exists(directory.resolve("PG_VERSION")) && Files.exists(directory.resolve("backup_label"));
  }

  /** The size of the database in bytes, for the record of a backup. */
  static long databaseSize(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "select sum(pg_database_size(oid)) from pg_database");
         ResultSet rs = statement.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Top-level files of the running server, the contents of its transient directories, temporary files. */
  private static boolean leftOut(Path relative) {
    String name = relative.getFileName().toString();
    if (relative.getNameCount() == 1) {
      return LEFT_OUT_FILES.contains(name);
    }
    return EMPTIED_DIRECTORIES.contains(relative.getName(0).toString()) || name.startsWith("pgsql_tmp")
        || name.startsWith("pg_internal.init");
  }

  /** The log segments from the backup's start to its stop, and the timeline histories. */
  private static boolean neededLog(Path relative, String startSegment, String stopSegment) {
    if (relative.getNameCount() != 1) {
      return false;
    }
    String name = relative.getFileName().toString();
    if (name.endsWith(".history")) {
      return true;
    }
    return name.length() == 24 && name.chars().allMatch(c -> Character.digit(c, 16) >= 0)
        && name.compareTo(startSegment) >= 0 && name.compareTo(stopSegment) <= 0;
  }

  private static String single(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
