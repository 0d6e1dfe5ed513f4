package org.epicommand.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The text of a PDF as a reader sees it, through Debian's {@code pdftotext} (poppler-utils, which
 * {@code .ci/run} installs): what a generated document really says, fonts and all.
 */
public final class PdfText {

  public static final Path PDFTOTEXT = Path.of("/usr/bin/pdftotext");

  private PdfText() {}

  public static boolean available() {
    return Files.isExecutable(PDFTOTEXT);
  }

  /** Writes the PDF to {@code file} (kept for a look) and answers its text without white space. */
  public static String of(byte[] pdf, Path file) throws IOException, InterruptedException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, pdf);
    Process process = new ProcessBuilder(PDFTOTEXT.toString(), "-enc", "UTF-8", file.toString(), "-")
        .redirectErrorStream(true).start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(text).isZero();
    // Chinese lines break anywhere
    return text.replaceAll("\\s+", "");
  }
}
