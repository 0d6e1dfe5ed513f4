package org.epicommand.quarantine.internal;

import java.util.Map;
import org.epicommand.platform.HtmlPdf;
import org.springframework.stereotype.Component;

/**
 * The release notice (解除隔离告知书) as a PDF: the Thymeleaf template {@code quarantine/release-notice-pdf}
 * laid out by the platform's {@link HtmlPdf} (CJK font embedded).
 */
@Component
public class ReleaseNoticePdf {

  private final HtmlPdf pdf;

  public ReleaseNoticePdf(HtmlPdf pdf) {
    this.pdf = pdf;
  }

  /** The notice as PDF bytes (A4, Chinese). */
  public byte[] render(ReleaseNotice notice) {
    return pdf.render("quarantine/release-notice-pdf", Map.of("notice", notice));
  }
}
