package org.epicommand.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epicommand.quarantine.QuarantineFixtures.COMMUNITY;
import static org.epicommand.quarantine.QuarantineFixtures.open;
import static org.epicommand.quarantine.QuarantineFixtures.person;
import static org.epicommand.quarantine.QuarantineFixtures.today;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.epicommand.support.Api;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A released order's notice (解除隔离告知书) as a PDF whose extracted text holds the Chinese and today's facts. */
@EpiCommandTest
class ReleaseNoticeApiTest {

  static final Path PDFTOTEXT = Path.of("/usr/bin/pdftotext");

  @Autowired
  Api api;

  @Test
  void aReleasedOrderHasANoticeWithItsChineseHeadingNameAndReleaseDate() throws Exception {
    JsonNode order = open(api, person(api, "解除通知甲", COMMUNITY), "CLOSE_CONTACT", today().minusDays(5),
        "TEN_MEASURES");
    String path = "/api/v1/quarantine/orders/" + order.get("id").asString();
    HttpResponse<byte[]> early = fetch(path + "/release-notice.pdf");
    assertThat(early.statusCode()).as("not released yet").isEqualTo(409);
    api.as("community").post(path + "/tests/" + order.get("tests").get(0).get("id").asString() + "/result",
        Map.of("result", "NEGATIVE"));
    assertThat(api.as("community").post(path + "/release", Map.of()).status()).isEqualTo(200);

    HttpResponse<byte[]> notice = fetch(path + "/release-notice.pdf");
    assertThat(notice.statusCode()).isEqualTo(200);
    assertThat(notice.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
    assertThat(new String(notice.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

    assumeTrue(Files.isExecutable(PDFTOTEXT), "skipped text extraction: no " + PDFTOTEXT + " (Debian poppler-utils)");
    Path file = Files.createTempFile("notice", ".pdf");
    Files.write(file, notice.body());
    Process process = new ProcessBuilder(PDFTOTEXT.toString(), "-enc", "UTF-8", file.toString(), "-")
        .redirectErrorStream(true).start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\s+", "");
    assertThat(process.waitFor()).isZero();
    assertThat(text).contains("解除隔离告知书", "解除通知甲", "密切接触者", "居家隔离医学观察", "阴性",
        today().toString(), "东湖区疫情防控指挥部");
    assertThat(text).doesNotContain("qp.");
  }

  private HttpResponse<byte[]> fetch(String path) throws Exception {
    String basic = Base64.getEncoder().encodeToString(("community:" + Api.DEMO_PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
        .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
