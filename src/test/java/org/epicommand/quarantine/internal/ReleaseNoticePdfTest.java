package org.epicommand.quarantine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.epicommand.support.EpiCommandTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The release notice as a PDF: Chinese text that a PDF reader extracts again (so the CJK font is embedded). */
@EpiCommandTest
class ReleaseNoticePdfTest {

  static final Path PDFTOTEXT = Path.of("/usr/bin/pdftotext");

  @Autowired
  ReleaseNoticePdf pdf;
  @Autowired
  org.thymeleaf.ITemplateEngine templates;

  @Test
  void theNoticeCarriesTheHeadingTheNameAndTheReleaseDateInChinese() throws Exception {
    ReleaseNotice notice = new ReleaseNotice("欧阳解除", "1101**********1234", "6f1c2d3e-0000-4000-8000-000000000001",
        "密切接触者", "新型冠状病毒肺炎防控方案（第九版）", LocalDate.of(2022, 12, 28),
        List.of(new ReleaseNotice.Phase("集中隔离医学观察", LocalDate.of(2022, 12, 29), LocalDate.of(2023, 1, 4)),
            new ReleaseNotice.Phase("居家健康监测", LocalDate.of(2023, 1, 5), LocalDate.of(2023, 1, 7))),
        List.of(new ReleaseNotice.TestResult(LocalDate.of(2022, 12, 29), "阴性"),
            new ReleaseNotice.TestResult(LocalDate.of(2023, 1, 4), "阴性")),
        LocalDate.of(2023, 1, 8), "滨江路社区疫情防控工作组", "滨江市");
    long started = System.nanoTime();
    byte[] bytes = pdf.render(notice);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    // a subset of the font is embedded, not all 10 MB of it
    assertThat(bytes.length).isBetween(5_000, 1_500_000);
    try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(bytes)) {
      assertThat(document.getNumberOfPages()).as("one A4 page").isEqualTo(1);
      assertThat(document.getDocumentInformation().getTitle()).isEqualTo("解除隔离告知书");
    }
    Path file = Path.of("target", "release-notice", "release-notice.pdf");
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    started = System.nanoTime();
    pdf.render(notice);
    System.out.printf("release notice: %,d bytes, first in %d ms, again in %d ms -> %s%n", bytes.length, millis,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), file);

    assumeTrue(Files.isExecutable(PDFTOTEXT), "skipped text extraction: no " + PDFTOTEXT + " (Debian poppler-utils)");
    String text = extract(file).replaceAll("\\s+", "");
    assertThat(text).contains("解除隔离告知书", "欧阳解除", "2023-01-08", "2023年1月8日", "1101**********1234",
        "集中隔离医学观察", "2023-01-04", "阴性", "滨江路社区疫情防控工作组");
  }

  @Test
  void withoutTheBundledFontADebianCjkFontIsEmbedded() throws Exception {
    assumeTrue(org.epicommand.platform.HtmlPdf.SYSTEM_FONTS.stream().anyMatch(Files::isReadable),
        "skipped: none of " + org.epicommand.platform.HtmlPdf.SYSTEM_FONTS
            + " (e.g. apt-get install fonts-droid-fallback)");
    assumeTrue(Files.isExecutable(PDFTOTEXT), "skipped text extraction: no " + PDFTOTEXT);
    ReleaseNoticePdf withoutBundled = new ReleaseNoticePdf(new org.epicommand.platform.HtmlPdf(templates,
        "fonts/not-there.ttf"));
    byte[] bytes = withoutBundled.render(new ReleaseNotice("司马系统", "1101**********5678", "order-2", "入境人员",
        "二十条", LocalDate.of(2022, 11, 20), List.of(), List.of(), LocalDate.of(2022, 11, 28), "某街道办事处", "滨江市"));
    Path file = Path.of("target", "release-notice", "release-notice-system-font.pdf");
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    String text = extract(file).replaceAll("\\s+", "");
    assertThat(text).contains("解除隔离告知书", "司马系统", "2022年11月28日", "无检测记录");
  }

  static String extract(Path pdf) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(PDFTOTEXT.toString(), "-enc", "UTF-8", pdf.toString(), "-")
        .redirectErrorStream(true).start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(text).isZero();
    return text;
  }
}
