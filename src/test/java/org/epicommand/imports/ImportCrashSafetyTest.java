package org.epicommand.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.epicommand.EpiCommandApplication;
import org.epicommand.person.ResidentIdNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Crash safety: the application's JVM is killed (SIGKILL) in the middle of a large import and
 * started again on the same data directory. The import resumes after its last committed batch and
 * ends with exactly the file's rows — never half a batch, never a row twice.
 */
class ImportCrashSafetyTest {

  private static final int ROWS = 40_000;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  Path temp;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void anImportKilledMidwayResumesAfterRestartWithExactlyTheFileRows() throws Exception {
    Path csv = temp.resolve("persons.csv");
    Files.writeString(csv, personsCsv(), StandardCharsets.UTF_8);
    int port = freePort();
    Process first = start(port);
    String importId;
    try {
      awaitHealthy(port);
      importId = upload(port, csv);
      long processed = 0;
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (processed < 3_000 && System.nanoTime() < deadline) {
        Thread.sleep(200);
        processed = status(port, importId).get("rowsTotal").asLong();
      }
      assertThat(processed).as("rows processed before the kill").isBetween(1L, (long) ROWS - 1);
    } finally {
      first.destroyForcibly().waitFor();
    }

    Process second = start(port);
    try {
      awaitHealthy(port);
      JsonNode status = status(port, importId);
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while ("RUNNING".equals(status.get("status").asString()) && System.nanoTime() < deadline) {
        Thread.sleep(500);
        status = status(port, importId);
      }
      assertThat(status.get("status").asString()).isEqualTo("DONE");
      assertThat(status.get("rowsTotal").asLong()).isEqualTo(ROWS);
      assertThat(status.get("rowsImported").asLong()).isEqualTo(ROWS);
      assertThat(status.get("rowsRejected").asLong()).isZero();
      assertThat(countImportedPersons()).isEqualTo(ROWS);
    } finally {
      second.destroy();
      second.waitFor();
    }
  }

  private Process start(int port) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx768m", "-cp", System.getProperty("java.class.path"),
        EpiCommandApplication.class.getName(), "--server.port=" + port,
        "--epicommand.db.embedded.data-directory=" + temp.resolve("pg"),
        "--epicommand.db.embedded.server-config.shared_buffers=128MB",
        "--epicommand.imports.spool-directory=" + temp.resolve("spool"), "--epicommand.demo.population=0");
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(temp.resolve("app.log").toFile()));
    return builder.start();
  }

  private void awaitHealthy(int port) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base(port) + "/actuator/health"))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("UP")) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the application did not start; see " + temp.resolve("app.log") + ":\n"
        + Files.readString(temp.resolve("app.log")));
  }

  private String upload(int port, Path file) throws Exception {
    String boundary = "----crash" + UUID.randomUUID();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"persons.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base(port) + "/api/v1/imports/persons"))
        .header("Authorization", auth()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
            HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return JSON.readTree(response.body()).get("importId").asString();
  }

  private JsonNode status(int port, String importId) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base(port) + "/api/v1/imports/" + importId))
        .header("Authorization", auth()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** Counts the rows in the database itself: the port is in PostgreSQL's own pid file. */
  private long countImportedPersons() throws Exception {
    List<String> pid = Files.readAllLines(temp.resolve("pg").resolve("postmaster.pid"));
    String url = "jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres";
    try (Connection connection = DriverManager.getConnection(url, "postgres", null);
         ResultSet rs = connection.createStatement().executeQuery(
             "select count(*), count(distinct id_number) from person where name like '崩溃%'")) {
      rs.next();
      assertThat(rs.getLong(2)).isEqualTo(rs.getLong(1));
      return rs.getLong(1);
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

  private static String auth() {
    return "Basic " + Base64.getEncoder().encodeToString("district:demo1234".getBytes(StandardCharsets.UTF_8));
  }

  private static String base(int port) {
    return "http://127.0.0.1:" + port;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
