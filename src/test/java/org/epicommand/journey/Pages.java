package org.epicommand.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.epicommand.support.Api;

/** Documents the platform answers as bytes (the situation report), and the text of a PDF. */
final class Pages {

  /** Debian's poppler-utils, installed wherever the build runs (.ci/run). */
  static final Path PDFTOTEXT = Path.of("/usr/bin/pdftotext");

  private Pages() {}

  /** The bytes of a page or document, fetched as {@code username}; it must answer 200. */
  static byte[] bytes(Api api, String username, String password, String path) throws IOException,
      InterruptedException {
    String auth = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.baseUrl()
        + path)).header("Authorization", "Basic " + auth).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    return response.body();
  }

  /** The text of a PDF as pdftotext reads it, without white space (Chinese lines break anywhere). */
  static String pdfText(byte[] pdf, Path file) throws IOException, InterruptedException {
    assertThat(Files.isExecutable(PDFTOTEXT)).as("pdftotext (apt-get install poppler-utils)").isTrue();
    Files.write(file, pdf);
    Process process = new ProcessBuilder(PDFTOTEXT.toString(), "-enc", "UTF-8", file.toString(), "-")
        .redirectErrorStream(true).start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(text).isZero();
    return text.replaceAll("\\s+", "");
  }
}
