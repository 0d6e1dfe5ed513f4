package org.epicommand.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.epicommand.person.ResidentIdNumber;
import org.epicommand.support.AppProcess;
import org.epicommand.support.CityTime;
import org.epicommand.support.DemoPlaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform as an operator runs it, each instance in a JVM of its own on a data directory of its
 * own: the embedded PostgreSQL is durable; its postmaster killed (kill -9) during a stream of
 * registrations and an import, the platform answers 503 (never 401) and DOWN while it is gone,
 * restarts it by itself, every acknowledged registration is there afterwards and the import goes on
 * to exactly the file's rows; a backup taken while it runs is
 * restored into an empty data directory with the same persons, cases and photos; a start on a port
 * in use, or on the same database reached through a symbolic link, ends at once with the reason
 * first and leaves the running instance alone.
 */
class ProductionOperationsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String COMMUNITY = DemoPlaces.COMMUNITY;
  private static final int IMPORTED = 30_000;

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path temp;

  @Test
  void survivesAKilledDatabaseRestoresItsBackupElsewhereAndRefusesBadStartsQuickly() throws Exception {
    Path rootA = Files.createDirectories(temp.resolve("a"));
    Path rootB = Files.createDirectories(temp.resolve("b"));
    AppProcess a = new AppProcess(rootA, "--epicommand.demo.population=200",
        "--epicommand.db.embedded.restart-delay=4s");
    Map<String, Long> counts;
    String photoPath;
    String photoSha;
    try {
      a.start();
      try (Connection connection = a.database()) {
        for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes", "data_checksums")) {
          assertThat(show(connection, setting)).as(setting).isEqualTo("on");
        }
      }
      List<String> acknowledged = registrationsAcrossAKilledPostmaster(a);
      try (Connection connection = a.database(); PreparedStatement query = connection.prepareStatement(
          "select count(*) from person where id_number = any(?)")) {
        Array numbers = connection.createArrayOf("varchar", acknowledged.toArray());
        query.setArray(1, numbers);
        try (ResultSet rs = query.executeQuery()) {
          rs.next();
          assertThat(rs.getLong(1)).as("acknowledged registrations found after recovery")
              .isEqualTo(acknowledged.size());
        }
      }
      HttpResponse<String> reported = a.post("/api/v1/cases", "cdc", "{\"personId\":\"" + personId(a,
          acknowledged.get(0))
          + "\",\"classification\":\"CONFIRMED\",\"onsetDate\":\"" + CityTime.today().minusDays(2)
          + "\",\"diagnosedAt\":\"2026-11-01T10:00:00+08:00\",\"discoveryRoute\":\"COMMUNITY_SCREENING\"}");
      assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
      counts = counts(a);
      assertThat(counts.get("case_report")).isPositive();
      assertThat(counts.get("problem_photo")).isPositive();
      try (Connection connection = a.database(); ResultSet rs = connection.createStatement().executeQuery(
          "select problem_id, id, sha256 from problem_photo order by uploaded_at limit 1")) {
        rs.next();
        photoPath = "/api/v1/problems/" + rs.getString(1) + "/photos/" + rs.getString(2);
        photoSha = rs.getString(3);
      }

      AppProcess.Ended backup = AppProcess.run(Duration.ofMinutes(3), "backup", temp.resolve("backup").toString(),
          "--epicommand.data-directory=" + rootA);
      assertThat(backup.exitCode()).as(backup.output()).isZero();
    } finally {
      a.stop();
    }

    AppProcess.Ended restored = AppProcess.run(Duration.ofMinutes(3), "restore", temp.resolve("backup").toString(),
        "--epicommand.data-directory=" + rootB);
    assertThat(restored.exitCode()).as(restored.output()).isZero();
    AppProcess b = new AppProcess(rootB, "--epicommand.demo.population=200");
    try {
      b.start();
      assertThat(counts(b)).isEqualTo(counts);
      HttpResponse<byte[]> photo = b.getBytes(photoPath, "inspector");
      assertThat(photo.statusCode()).isEqualTo(200);
      assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo.body())))
          .isEqualTo(photoSha);
      refusesBadStartsAndLeavesTheRunningInstanceAlone(b, rootB);
    } finally {
      b.stop();
    }
  }

  /**
   * Registrations stream in while the postmaster is killed: during the outage the health check is
   * DOWN and API and pages answer 503 — also for a user whose password was never checked before —
   * and after the restart registrations are acknowledged again. Returns the acknowledged ones.
   */
  private List<String> registrationsAcrossAKilledPostmaster(AppProcess app) throws Exception {
    List<String> acknowledged = new CopyOnWriteArrayList<>();
    Set<Integer> statuses = ConcurrentHashMap.newKeySet();
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger next = new AtomicInteger();
    Thread writer = new Thread(() -> {
      while (writing.get()) {
        String idNumber = idNumber(next.getAndIncrement());
        try {
          HttpResponse<String> answer = app.post("/api/v1/persons", "district", "{\"name\":\"持续登记\",\"idType\":"
              + "\"RESIDENT_ID\",\"idNumber\":\"" + idNumber + "\",\"sex\":\"MALE\",\"jurisdictionCode\":\""
                  + COMMUNITY + "\"}");
          statuses.add(answer.statusCode());
          if (answer.statusCode() == 201) {
            acknowledged.add(idNumber);
          }
        } catch (Exception e) {
          statuses.add(-1);
        }
      }
    }, "registrations");
    writer.start();
    Path csv = temp.resolve("persons.csv");
    Files.writeString(csv, personsCsv(IMPORTED));
    String importId = app.upload("persons", csv, "district");
    try {
      await(() -> acknowledged.size() >= 30, Duration.ofMinutes(1), "30 registrations before the kill");
      long processed = app.awaitProcessed(importId, "district", 2_000, Duration.ofMinutes(3)).get("rowsTotal").asLong();
      assertThat(processed).as("import rows processed before the kill").isBetween(1L, IMPORTED - 1L);
      long postmaster = app.postmasterPid();
      ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();

      await(() -> app.get("/actuator/health", null).statusCode() == 503, Duration.ofSeconds(15), "health DOWN");
      assertThat(app.get("/actuator/health", null).body()).contains("DOWN");
      HttpResponse<String> api = app.get("/api/v1/me", "auditor");
      assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
      assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
      assertThat(JSON.readTree(api.body()).get("detail").asString()).contains("数据库");
      HttpResponse<String> page = app.get("/", "auditor");
      assertThat(page.statusCode()).isEqualTo(503);
      assertThat(page.body()).contains("data-testid=\"outage-page\"");

      await(() -> app.get("/actuator/health", null).statusCode() == 200, Duration.ofMinutes(2), "health UP again");
      assertThat(app.postmasterPid()).isNotEqualTo(postmaster);
      int before = acknowledged.size();
      await(() -> acknowledged.size() >= before + 20, Duration.ofMinutes(1), "registrations after the restart");
    } finally {
      writing.set(false);
      writer.join();
    }
    String errors = app.errorsLogged();
    assertThat(statuses).as("answers to registrations; errors logged:\n" + errors).isSubsetOf(201, 503)
        .contains(201, 503);
    JsonNode imported = app.awaitEnd(importId, "district", Duration.ofMinutes(5));
    assertThat(imported.get("status").asString()).as(imported.toString()).isEqualTo("DONE");
    assertThat(imported.get("rowsImported").asLong()).isEqualTo(IMPORTED);
    try (Connection connection = app.database(); ResultSet rs = connection.createStatement().executeQuery(
        "select count(*), count(distinct id_number) from person where name like '续传%'")) {
      rs.next();
      assertThat(rs.getLong(1)).as("imported persons, each once").isEqualTo(IMPORTED).isEqualTo(rs.getLong(2));
    }
    return new ArrayList<>(acknowledged);
  }

  /** A start on the running instance's port, and one on its database through a symbolic link: both end at once. */
  private void refusesBadStartsAndLeavesTheRunningInstanceAlone(AppProcess running, Path root) throws Exception {
    long postmaster = running.postmasterPid();
    AppProcess.Ended portTaken = AppProcess.run(Duration.ofMinutes(2), "--server.port=" + running.port(),
        "--epicommand.data-directory=" + temp.resolve("c"), "--epicommand.quarantine.mqtt.embedded=false");
    assertThat(portTaken.exitCode()).as(portTaken.output()).isNotZero();
    assertThat(portTaken.firstError()).as(portTaken.output())
        .contains("Port " + running.port() + " on 127.0.0.1 is already in use");
    assertThat(portTaken.took()).isLessThan(Duration.ofSeconds(60));

    Path link = Files.createSymbolicLink(temp.resolve("link"), root);
    AppProcess.Ended sameDatabase = AppProcess.run(Duration.ofMinutes(2), "--server.port=0",
        "--epicommand.data-directory=" + link, "--epicommand.quarantine.mqtt.embedded=false");
    assertThat(sameDatabase.exitCode()).as(sameDatabase.output()).isNotZero();
    assertThat(sameDatabase.firstError()).as(sameDatabase.output())
        .contains("is in use by another running EpiCommand").contains(root.resolve("pg").toRealPath().toString());

    assertThat(running.postmasterPid()).isEqualTo(postmaster);
    assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).contains(true);
    assertThat(running.get("/actuator/health", null).statusCode()).isEqualTo(200);
  }

  private static Map<String, Long> counts(AppProcess app) throws Exception {
    Map<String, Long> counts = new java.util.TreeMap<>();
    try (Connection connection = app.database()) {
      for (String table : List.of("person", "case_report", "problem_photo")) {
        try (ResultSet rs = connection.createStatement().executeQuery("select count(*) from " + table)) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
    }
    return counts;
  }

  private static String personId(AppProcess app, String idNumber) throws Exception {
    try (Connection connection = app.database(); PreparedStatement query = connection.prepareStatement(
        "select id from person where id_number = ?")) {
      query.setString(1, idNumber);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /** A persons import of {@code rows} rows, each a new resident. */
  private static String personsCsv(int rows) {
    StringBuilder csv = new StringBuilder("name,idType,idNumber,sex,birthDate,phone,address,jurisdictionCode\n");
    for (int i = 0; i < rows; i++) {
      String first17 = "330105" + LocalDate.of(1930, 1, 1).plusDays(i).toString().replace("-", "") + "013";
      csv.append("续传").append(i).append(",RESIDENT_ID,").append(first17)
          .append(ResidentIdNumber.checkCharacter(first17)).append(",,,,,").append(COMMUNITY).append('\n');
    }
    return csv.toString();
  }

  private static String idNumber(int i) {
    String first17 = "330106" + LocalDate.of(1950, 1, 1).plusDays(i).toString().replace("-", "") + "097";
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  private static String show(Connection connection, String setting) throws Exception {
    try (ResultSet rs = connection.createStatement().executeQuery("show " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private interface Condition {
    boolean holds() throws Exception;
  }

  private static void await(Condition condition, Duration atMost, String what) throws Exception {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + atMost + ": " + what);
      }
      Thread.sleep(100);
    }
  }
}
