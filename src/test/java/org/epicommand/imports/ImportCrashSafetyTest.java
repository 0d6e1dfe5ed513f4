package org.epicommand.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import org.epicommand.person.ResidentIdNumber;
import org.epicommand.support.AppProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Crash safety: the application's JVM is killed (SIGKILL) in the middle of a large import and
 * started again on the same data directory. The import resumes after its last committed batch and
 * ends with exactly the file's rows — never half a batch, never a row twice.
 */
class ImportCrashSafetyTest {

  private static final int ROWS = 40_000;

  @TempDir
  Path temp;

  @Test
  void anImportKilledMidwayResumesAfterRestartWithExactlyTheFileRows() throws Exception {
    Path csv = temp.resolve("persons.csv");
    Files.writeString(csv, personsCsv(), StandardCharsets.UTF_8);
    AppProcess app = new AppProcess(temp, "--epicommand.demo.population=0");
    String importId;
    try {
      app.start();
      importId = app.upload("persons", csv, "district");
      long processed = app.awaitProcessed(importId, "district", 3_000, Duration.ofMinutes(3)).get("rowsTotal").asLong();
      assertThat(processed).as("rows processed before the kill").isBetween(1L, (long) ROWS - 1);
    } finally {
      app.kill();
    }

    try {
      app.start();
      JsonNode status = app.awaitEnd(importId, "district", Duration.ofMinutes(5));
      assertThat(status.get("status").asString()).isEqualTo("DONE");
      assertThat(status.get("rowsTotal").asLong()).isEqualTo(ROWS);
      assertThat(status.get("rowsImported").asLong()).isEqualTo(ROWS);
      assertThat(status.get("rowsRejected").asLong()).isZero();
      try (Connection connection = app.database(); ResultSet rs = connection.createStatement().executeQuery(
          "select count(*), count(distinct id_number) from person where name like '崩溃%'")) {
        rs.next();
        assertThat(rs.getLong(2)).isEqualTo(rs.getLong(1));
        assertThat(rs.getLong(1)).isEqualTo(ROWS);
      }
    } finally {
      app.stop();
    }
  }

  private static String personsCsv() {
    StringBuilder csv = new StringBuilder("name,idType,idNumber,sex,birthDate,phone,address,jurisdictionCode\n");
    LocalDate first = LocalDate.of(1930, 1, 1);
    for (int i = 0; i < ROWS; i++) {
      String region = i % 2 == 0 ? "330104" : "330105";
      String first17 = region + first.plusDays(i / 2).toString().replace("-", "") + "011";
      csv.append("崩溃").append(i).append(",RESIDENT_ID,").append(first17)
          .append(ResidentIdNumber.checkCharacter(first17)).append(",,,,,990101001001\n");
    }
    return csv.toString();
  }
}
