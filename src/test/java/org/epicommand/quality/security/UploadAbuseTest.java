package org.epicommand.quality.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;

/**
 * Hostile uploads end cleanly: a path in the file name is dropped (only the last segment is kept,
 * and the spool file is named by the import id), garbage gives a FAILED import or rejected rows,
 * an empty file is a 400 naming {@code file}, an oversized one a 413 — never a 500.
 */
@EpiCommandTest
class UploadAbuseTest {

  static final String HEADER = "name,idType,idNumber,sex,birthDate,phone,address,jurisdictionCode\n";
  /** The largest upload this test is willing to send to prove the size limit. */
  static final DataSize MAX_PROBE = DataSize.ofMegabytes(20);

  @Autowired
  Api api;
  @Autowired
  Environment environment;

  @Test
  void aPathInTheFileNameIsDroppedAndTheImportStillWorks() throws IOException {
    for (String[] names : List.of(new String[] {"../../../../etc/passwd", "passwd"},
        new String[] {"..\\..\\..\\windows\\win.ini", "win.ini"}, new String[] {"/etc/shadow", "shadow"})) {
      JsonNode status = importAs("cdc", names[0], oneValidRow());
      assertThat(status.get("status").asString()).as(names[0]).isEqualTo("DONE");
      assertThat(status.get("rowsImported").asLong()).isEqualTo(1);
      assertThat(status.get("fileName").asString()).isEqualTo(names[1]);
      JsonNode again = api.as("cdc").get("/api/v1/imports/" + status.get("importId").asString()).json();
      assertThat(again.get("fileName").asString()).isEqualTo(names[1]);
    }
    Path spool = Path.of(environment.getRequiredProperty("epicommand.imports.spool-directory"));
    if (Files.isDirectory(spool)) {
      try (Stream<Path> files = Files.list(spool)) {
        assertThat(files.map(file -> file.getFileName().toString()))
            .as("spool files are named by import id only")
            .allMatch(name -> name.matches("[0-9a-f-]{36}\\.(csv|upload)"));
      }
    }
  }

  @Test
  void randomBytesEndAsAFailedImportNotAnError() {
    byte[] noise = new byte[64 * 1024];
    new Random(20221111).nextBytes(noise);
    noise[0] = 'x';
    JsonNode status = importAs("cdc", "noise.csv", noise);
    assertThat(status.get("status").asString()).isEqualTo("FAILED");
    assertThat(status.get("message").asString()).isNotBlank();
    assertThat(status.get("rowsImported").asLong()).isZero();
  }

  @Test
  void garbageRowsUnderAValidHeaderAreRejectedRowByRow() {
    byte[] noise = new byte[4 * 1024];
    new Random(20221112).nextBytes(noise);
    byte[] header = HEADER.getBytes(StandardCharsets.UTF_8);
    byte[] file = new byte[header.length + noise.length];
    System.arraycopy(header, 0, file, 0, header.length);
    System.arraycopy(noise, 0, file, header.length, noise.length);
    JsonNode status = importAs("cdc", "garbage.csv", file);
    assertThat(status.get("status").asString()).isIn("DONE", "FAILED");
    assertThat(status.get("rowsImported").asLong()).isZero();
    if (status.get("status").asString().equals("DONE")) {
      assertThat(status.get("rowsRejected").asLong()).isPositive().isEqualTo(status.get("rowsTotal").asLong());
    }
  }

  @Test
  void aFileThatOnlyLooksLikeXlsxIsRefusedCleanly() {
    byte[] fake = new byte[2048];
    new Random(7).nextBytes(fake);
    System.arraycopy(new byte[] {'P', 'K', 3, 4}, 0, fake, 0, 4);
    Api.Answer answer = api.as("cdc").upload("/api/v1/imports/persons?wait=true", "fake.xlsx", fake);
    assertThat(answer.status()).as(answer.body()).isIn(200, 400);
    if (answer.status() == 400) {
      assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
    } else {
      assertThat(answer.json().get("status").asString()).isEqualTo("FAILED");
    }
  }

  @Test
  void anEmptyFileIsA400NamingTheFileField() {
    Api.Answer answer = api.as("cdc").upload("/api/v1/imports/persons", "empty.csv", new byte[0]);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
  }

  @Test
  void anUnknownCharsetOrKindIsAClientErrorNotAServerError() {
    Api.Answer charset = api.as("cdc").upload("/api/v1/imports/persons?charset=EBCDIC", "x.csv", oneValidRow());
    assertThat(charset.status()).isEqualTo(400);
    assertThat(charset.json().get("errors").get(0).get("field").asString()).isEqualTo("charset");
    assertThat(api.as("cdc").upload("/api/v1/imports/no-such-kind", "x.csv", oneValidRow()).status()).isEqualTo(404);
    for (String kind : List.of("..%2F..%2Fetc", "%2e%2e", "persons%00")) {
      Api.Answer answer = api.as("cdc").upload("/api/v1/imports/" + kind, "x.csv", oneValidRow());
      assertThat(answer.status()).as(kind + ": " + answer.body()).isIn(400, 404);
    }
  }

  @Test
  void anUploadOverTheConfiguredLimitIs413() {
    DataSize limit = DataSize.parse(environment.getProperty("spring.servlet.multipart.max-file-size", "1MB"));
    assumeTrue(limit.compareTo(MAX_PROBE) <= 0, "skipped: spring.servlet.multipart.max-file-size is "
        + limit.toMegabytes()
        + " MB in this profile; proving the 413 would mean sending more than " + MAX_PROBE.toMegabytes() + " MB");
    byte[] tooLarge = new byte[(int) limit.toBytes() + 1024];
    java.util.Arrays.fill(tooLarge, (byte) 'a');
    Api.Answer answer = api.as("cdc").upload("/api/v1/imports/persons", "large.csv", tooLarge);
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
  }

  private JsonNode importAs(String username, String fileName, byte[] content) {
    Api.Answer answer = api.as(username).upload("/api/v1/imports/persons?wait=true", fileName, content);
    assertThat(answer.status()).as(fileName + ": " + answer.body()).isEqualTo(200);
    return answer.json();
  }

  private static byte[] oneValidRow() {
    return (HEADER + Probes.uniqueName("上传") + ",RESIDENT_ID," + Probes.uniqueIdNumber() + ",,,"
        + Probes.uniquePhone() + ",湖东路8号," + Probes.OWN_COMMUNITY + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
