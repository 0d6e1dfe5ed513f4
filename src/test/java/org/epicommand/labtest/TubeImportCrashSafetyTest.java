package org.epicommand.labtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.epicommand.support.AppProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Crash safety of the mass-testing import (issue: "kill -9 of the JVM in the middle of a 1 M-row
 * import"): a {@code tubes} file of 1,000,000 member rows (100,000 pools of ten) is uploaded, the
 * JVM is killed with SIGKILL once some batches have committed, and the application is started again
 * on the same data directory. The import resumes after its last committed batch; in the end the
 * database holds exactly the file's tubes and member rows — no half batch, no row twice.
 */
class TubeImportCrashSafetyTest {

  private static final int POOLS = 100_000;
  private static final int ROWS = POOLS * 10;

  @TempDir
  Path temp;

  @Test
  void aMillionRowTubeImportKilledMidwayEndsWithExactlyTheFileRows() throws Exception {
    AppProcess app = new AppProcess(temp, "--epicommand.demo.population=3000");
    String importId;
    try {
      app.start();
      Path csv = tubesFile(app);
      importId = app.upload("tubes", csv, "lab");
      JsonNode before = app.awaitProcessed(importId, "lab", 50_000, Duration.ofMinutes(5));
      assertThat(before.get("rowsTotal").asLong()).as("rows processed before the kill").isBetween(1L, ROWS - 1L);
      try (Connection connection = app.database()) {
        // whatever has committed is whole batches: the stored members are a multiple of the batch size
        assertThat(count(connection, "select count(*) from labtest_tube_member where source_import_id = '"
            + importId + "'") % 50_000).isZero();
      }
    } finally {
      app.kill();
    }

    try {
      app.start();
      JsonNode status = app.awaitEnd(importId, "lab", Duration.ofMinutes(10));
      assertThat(status.get("status").asString()).isEqualTo("DONE");
      assertThat(status.get("rowsTotal").asLong()).isEqualTo(ROWS);
      assertThat(status.get("rowsImported").asLong()).isEqualTo(ROWS);
      assertThat(status.get("rowsRejected").asLong()).isZero();
      try (Connection connection = app.database()) {
        assertThat(count(connection,
            "select count(*) from labtest_tube_member m join labtest_tube t on t.id = m.tube_id"
            + " where t.barcode like 'KILL%'")).isEqualTo(ROWS);
        assertThat(count(connection, "select count(*) from labtest_tube where barcode like 'KILL%'")).isEqualTo(POOLS);
        assertThat(count(connection, "select count(*) from (select tube_id from labtest_tube_member m"
            + " join labtest_tube t on t.id = m.tube_id where t.barcode like 'KILL%' group by tube_id"
            + " having count(*) <> 10) x")).as("pools with other than ten members").isZero();
      }
    } finally {
      app.stop();
    }
  }

  /** 100,000 pools of ten of the demo residents (each pool ten different persons), from a demo site. */
  private Path tubesFile(AppProcess app) throws Exception {
    List<String> documents = new ArrayList<>();
    String site;
    try (Connection connection = app.database()) {
      try (ResultSet rs = connection.createStatement().executeQuery(
          "select id_type, id_number from person order by id limit 3000")) {
        while (rs.next()) {
          documents.add(rs.getString(1) + "," + rs.getString(2));
        }
      }
      try (ResultSet rs = connection.createStatement()
          .executeQuery("select code from labtest_site order by code limit 1")) {
        assertThat(rs.next()).as("a demo sampling site").isTrue();
        site = rs.getString(1);
      }
    }
    assertThat(documents).hasSizeGreaterThan(100);
    Path file = temp.resolve("tubes.csv");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("tubeBarcode,kind,memberIdType,memberIdNumber,siteCode,collectedAt\n");
      for (int pool = 0; pool < POOLS; pool++) {
        String prefix = String.format("KILL%07d,POOL_10,", pool);
        for (int member = 0; member < 10; member++) {
          out.write(prefix + documents.get((pool * 10 + member) % documents.size()) + "," + site
              + ",2022-11-11T08:00:00+08:00\n");
        }
      }
    }
    return file;
  }

  private static long count(Connection connection, String sql) throws Exception {
    try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
