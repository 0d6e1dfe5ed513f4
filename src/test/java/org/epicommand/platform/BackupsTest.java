package org.epicommand.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/**
 * Backups of the database and the files, taken while the database runs; restored only into an
 * empty data directory unless forced; scheduled ones kept by the retention.
 */
class BackupsTest {

  @TempDir
  Path temp;

  @Test
  void aBackupTakenWhileTheDatabaseRunsRestoresIntoAnEmptyDataDirectoryWithItsFiles() throws Exception {
    Path rootA = temp.resolve("a");
    Files.createDirectories(rootA.resolve("photos"));
    Files.createDirectories(rootA.resolve("imports"));
    Files.write(rootA.resolve("photos").resolve("3f1c"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3});
    Files.writeString(rootA.resolve("photos").resolve("upload-1.part"), "half a photo");
    Files.writeString(rootA.resolve("imports").resolve("job.csv"), "name\n张三\n");
    EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(platform(rootA).db().embedded());
    Backups.Summary summary;
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl())) {
      connection.createStatement().execute(
          "create table kept (n int); insert into kept select generate_series(1, 50000)");
      summary = backups(rootA, 7).backup(temp.resolve("backup"));
      connection.createStatement().execute("insert into kept values (-1)");
    } finally {
      server.release();
    }
    assertThat(summary.photos()).isEqualTo(1);
    assertThat(summary.importFiles()).isEqualTo(1);
    assertThat(temp.resolve("backup").resolve(Backups.MANIFEST)).exists();
    assertThatThrownBy(() -> backups(rootA, 7).backup(temp.resolve("backup")))
        .hasMessageContaining("is not empty");

    Path rootB = temp.resolve("b");
    backups(rootB, 7).restore(temp.resolve("backup"), false);
    assertThat(rowsIn(rootB)).as("the rows as of the backup").isEqualTo(50_000);
    assertThat(Files.readAllBytes(rootB.resolve("photos").resolve("3f1c")))
        .isEqualTo(Files.readAllBytes(rootA.resolve("photos").resolve("3f1c")));
    assertThat(rootB.resolve("photos").resolve("upload-1.part")).doesNotExist();
    assertThat(rootB.resolve("imports").resolve("job.csv")).hasContent("name\n张三\n");

    assertThatThrownBy(() -> backups(rootB, 7).restore(temp.resolve("backup"), false))
        .hasMessageContaining("Restore refuses to overwrite data").hasMessageContaining(rootB.resolve("pg").toString());
    backups(rootB, 7).restore(temp.resolve("backup"), true);
    assertThat(rowsIn(rootB)).isEqualTo(50_000);
    try (Stream<Path> entries = Files.list(rootB)) {
      assertThat(entries.map(p -> p.getFileName().toString()).filter(n -> n.contains(".before-restore-")).toList())
          .hasSize(3).anyMatch(n -> n.startsWith("pg.")).anyMatch(n -> n.startsWith("photos."));
    }
  }

  @Test
  void scheduledBackupsRemoveUnfinishedOnesAndKeepTheNewest() throws Exception {
    Path root = temp.resolve("root");
    Path unfinished = Files.createDirectories(root.resolve("backups").resolve("epicommand-20200101-000000"));
    Backups backups = backups(root, 1);
    EmbeddedPostgresServer.acquire(platform(root).db().embedded()).release();
    backups.scheduled();
    Thread.sleep(1100);
    backups.scheduled();
    assertThat(unfinished).doesNotExist();
    try (Stream<Path> entries = Files.list(root.resolve("backups"))) {
      List<Path> kept = entries.toList();
      assertThat(kept).hasSize(1);
      assertThat(kept.get(0).resolve(Backups.MANIFEST)).exists();
    }
  }

  private long rowsIn(Path root) throws Exception {
    EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(platform(root).db().embedded());
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
         ResultSet rs = connection.createStatement().executeQuery("select count(*) from kept")) {
      rs.next();
      return rs.getLong(1);
    } finally {
      server.release();
    }
  }

  private static Backups backups(Path root, int retention) {
    MockEnvironment environment = new MockEnvironment()
        .withProperty("epicommand.supervision.photo-directory", root.resolve("photos").toString())
        .withProperty("epicommand.imports.spool-directory", root.resolve("imports").toString());
    return new Backups(platform(root), new BackupProperties(root.resolve("backups"), "-", retention),
        environment);
  }

  private static PlatformProperties platform(Path root) {
    return new PlatformProperties(ZoneId.of("Asia/Shanghai"), root, new PlatformProperties.Db(null, null, null,
        Duration.ofSeconds(5), new PlatformProperties.Embedded(root.resolve("pg"), false, 0, Map.of())));
  }
}
