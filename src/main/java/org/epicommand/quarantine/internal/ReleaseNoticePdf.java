package org.epicommand.quarantine.internal;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The release notice (解除隔离告知书) as a PDF: the Thymeleaf template {@code quarantine/release-notice-pdf} laid
 * out by openhtmltopdf, with a CJK font embedded (subset) so that it prints the same everywhere. The font is
 * Noto Sans SC from the jar (SIL OFL 1.1, fetched at build time); without it, the system's Noto Sans CJK.
 */
@Component
public class ReleaseNoticePdf {

  static final String FAMILY = "Notice CJK";
  static final String BUNDLED_FONT = "fonts/NotoSansSC-Regular.ttf";
  static final Path SYSTEM_FONT = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");

  private final ITemplateEngine templates;
  private volatile byte[] bundledFont;

  ReleaseNoticePdf(ITemplateEngine templates) {
    this.templates = templates;
  }

  /** The notice as PDF bytes (A4, Chinese). */
  public byte[] render(ReleaseNotice notice) {
    Context context = new Context(Locale.SIMPLIFIED_CHINESE);
    context.setVariable("notice", notice);
    context.setVariable("fontFamily", FAMILY);
    String html = templates.process("quarantine/release-notice-pdf", context);
    List<Closeable> fontFiles = new ArrayList<>();
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDFont font = loadFont(document, fontFiles);
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.usePDDocument(document);
      builder.useFont(new PDFontSupplier(font), FAMILY);
      builder.withHtmlContent(html, null);
      builder.toStream(out);
      builder.buildPdfRenderer().createPDF();
      return ToUnicodeRepair.repair(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (Closeable file : fontFiles) {
        try {
          file.close();
        } catch (IOException ignored) {
          // read-only font file
        }
      }
    }
  }

  private PDFont loadFont(PDDocument document, List<Closeable> toClose) throws IOException {
    byte[] bundled = bundledFont();
    if (bundled != null) {
      return PDType0Font.load(document, new java.io.ByteArrayInputStream(bundled), true);
    }
    if (Files.isReadable(SYSTEM_FONT)) {
      // the collection stays open until the document is saved: PDFBox reads glyphs while subsetting
      TrueTypeCollection collection = new TrueTypeCollection(SYSTEM_FONT.toFile());
      toClose.add(collection);
      TrueTypeFont font = collection.getFontByName("NotoSansCJKsc-Regular");
      if (font != null) {
        return PDType0Font.load(document, font, true);
      }
    }
    throw new IllegalStateException("No CJK font: neither " + BUNDLED_FONT + " in the jar (built offline?) nor "
        + SYSTEM_FONT);
  }

  private byte[] bundledFont() throws IOException {
    byte[] font = bundledFont;
    if (font == null) {
      ClassPathResource resource = new ClassPathResource(BUNDLED_FONT);
      if (!resource.exists()) {
        return null;
      }
      try (InputStream in = resource.getInputStream()) {
        font = in.readAllBytes();
      }
      bundledFont = font;
    }
    return font;
  }
}
