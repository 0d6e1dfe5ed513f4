package org.epicommand.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

  @TempDir
  Path temp;

  @Test
  void keepsItsDataAcrossARestart() throws Exception {
    PlatformProperties.Embedded config = new PlatformProperties.Embedded(temp.resolve("pg"), false, 0, Map.of());
    EmbeddedPostgresServer first = EmbeddedPostgresServer.acquire(config);
    try (Connection connection = DriverManager.getConnection(first.jdbcUrl(), "postgres", null)) {
      connection.createStatement().execute("create table kept (value text); insert into kept values ('still here')");
    } finally {
      first.release();
    }
    EmbeddedPostgresServer second = EmbeddedPostgresServer.acquire(config);
    try (Connection connection = DriverManager.getConnection(second.jdbcUrl(), "postgres", null);
         ResultSet rs = connection.createStatement().executeQuery("select value from kept")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("still here");
    } finally {
      second.release();
    }
  }

  @Test
  void refusesADataDirectoryThatAnotherInstanceHolds() throws Exception {
    Path data = temp.resolve("busy");
    try (FileChannel channel = FileChannel.open(temp.resolve("busy.lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock held = channel.lock()) {
      PlatformProperties.Embedded config = new PlatformProperties.Embedded(data, false, 0, Map.of());
      assertThatThrownBy(() -> EmbeddedPostgresServer.acquire(config))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use by another running EpiCommand")
          .hasMessageContaining(data.toString());
      assertThat(held.isValid()).isTrue();
    }
  }
}
