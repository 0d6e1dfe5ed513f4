package org.epicommand.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

  @TempDir
  Path temp;

  @Test
  void keepsItsDataAcrossARestartOnDurableSettingsWithDataChecksums() throws Exception {
    PlatformProperties.Embedded config = new PlatformProperties.Embedded(temp.resolve("pg"), false, 0, Map.of());
    EmbeddedPostgresServer first = EmbeddedPostgresServer.acquire(config);
    try (Connection connection = DriverManager.getConnection(first.jdbcUrl())) {
      connection.createStatement().execute("create table kept (value text); insert into kept values ('still here')");
      for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes", "data_checksums")) {
        assertThat(show(connection, setting)).as(setting).isEqualTo("on");
      }
    } finally {
      first.release();
    }
    EmbeddedPostgresServer second = EmbeddedPostgresServer.acquire(config);
    try (Connection connection = DriverManager.getConnection(second.jdbcUrl());
         ResultSet rs = connection.createStatement().executeQuery("select value from kept")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("still here");
    } finally {
      second.release();
    }
  }

  @Test
  void anEphemeralDatabaseKeepsTheFastSettingsAndIsRemovedWhenReleased() throws Exception {
    EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(
        new PlatformProperties.Embedded(temp.resolve("unused"), true, 0, Map.of()));
    // in the full suite the application's tests share the JVM's one ephemeral server: it outlives this test
    boolean shared = server.references() > 1;
    Path directory = server.dataDirectory();
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl())) {
      assertThat(show(connection, "fsync")).isEqualTo("off");
      assertThat(show(connection, "synchronous_commit")).isEqualTo("off");
    } finally {
      server.release();
    }
    if (shared) {
      assertThat(directory).as("still in use by the application's tests").exists();
    } else {
      assertThat(directory).doesNotExist();
    }
  }

  @Test
  void refusesADataDirectoryThatAnotherInstanceHolds() throws Exception {
    Path data = Files.createDirectories(temp.resolve("busy"));
    try (FileChannel channel = FileChannel.open(temp.resolve("busy.lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock held = channel.lock()) {
      PlatformProperties.Embedded config = new PlatformProperties.Embedded(data, false, 0, Map.of());
      assertThatThrownBy(() -> EmbeddedPostgresServer.acquire(config))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use by another running EpiCommand")
          .hasMessageContaining(data.toRealPath().toString());
      assertThat(held.isValid()).isTrue();
    }
  }

  @Test
  void aDataDirectoryReachedThroughASymbolicLinkIsTheSameDirectoryWithTheSameLock() throws Exception {
    Path real = temp.resolve("real");
    Path link = Files.createSymbolicLink(temp.resolve("link"), Files.createDirectories(real));
    EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(new PlatformProperties.Embedded(real, false, 0,
        Map.of()));
    try {
      assertThat(DataDirectoryLock.tryTake(DataDirectoryLock.canonical(link))).as("the lock seen through the link")
          .isEmpty();
      EmbeddedPostgresServer throughLink = EmbeddedPostgresServer.acquire(
          new PlatformProperties.Embedded(link, false, 0, Map.of()));
      assertThat(throughLink).isSameAs(server);
      throughLink.release();
      try (Connection connection = DriverManager.getConnection(server.jdbcUrl())) {
        assertThat(connection.isValid(2)).isTrue();
      }
    } finally {
      server.release();
    }
  }

  @Test
  void aStalePidFileNamingAnotherPostgresqlOrAnotherProgramIsRefusedQuicklyAndLeavesThemRunning() throws Exception {
    Path ours = temp.resolve("ours");
    PlatformProperties.Embedded config = new PlatformProperties.Embedded(ours, false, 0, Map.of());
    EmbeddedPostgresServer.acquire(config).release();
    Path otherDirectory = temp.resolve("other");
    Process sleeper = new ProcessBuilder("sleep", "300").start();
    try (EmbeddedPostgres other = EmbeddedPostgres.builder().setDataDirectory(otherDirectory)
        .setCleanDataDirectory(true).setRegisterShutdownHook(false).start()) {
      long otherPid = Postmaster.read(otherDirectory).orElseThrow().pid();
      // its own pid file as it is, naming its directory; then its pid with our directory's name
      Files.copy(otherDirectory.resolve("postmaster.pid"), ours.resolve("postmaster.pid"));
      assertRefusedQuickly(config, otherPid);
      Files.writeString(ours.resolve("postmaster.pid"), otherPid + "\n" + ours.toRealPath() + "\n0\n5432\n");
      assertRefusedQuickly(config, otherPid);
      Files.writeString(ours.resolve("postmaster.pid"), sleeper.pid() + "\n" + ours.toRealPath() + "\n0\n5432\n");
      assertRefusedQuickly(config, sleeper.pid());

      assertThat(sleeper.isAlive()).isTrue();
      try (Connection connection = other.getPostgresDatabase().getConnection()) {
        assertThat(connection.isValid(2)).as("the other PostgreSQL still serves").isTrue();
      }
    } finally {
      sleeper.destroyForcibly();
    }
  }

  private static void assertRefusedQuickly(PlatformProperties.Embedded config, long pid) {
    long started = System.nanoTime();
    assertThatThrownBy(() -> EmbeddedPostgresServer.acquire(config))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("naming process " + pid)
        .hasMessageContaining("is not a PostgreSQL serving this directory");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  private static String show(Connection connection, String setting) throws Exception {
    try (ResultSet rs = connection.createStatement().executeQuery("show " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
