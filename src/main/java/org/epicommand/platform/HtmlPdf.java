package org.epicommand.platform;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
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
import java.util.Map;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The one way to make a PDF (official papers, reports): a Thymeleaf template laid out by openhtmltopdf, with a
 * CJK font embedded (subset) so that it prints the same everywhere and its text can be extracted again. The
 * template names the font family {@code ${fontFamily}} in its CSS. The font is Noto Sans SC from the jar (SIL
 * OFL 1.1, fetched at build time); without it, a Debian CJK TrueType font. Images go in as {@code data:} URIs.
 */
@Component
public class HtmlPdf {

  public static final String FAMILY = "Paper CJK";
  public static final String BUNDLED_FONT = "fonts/NotoSansSC-Regular.ttf";
  /**
   * Debian CJK fonts with TrueType outlines, tried in order when the jar has no bundled font. Debian's Noto Sans
   * CJK (fonts-noto-cjk) is not among them: its outlines are CFF, which PDFBox cannot embed in a PDF.
   */
  public static final List<Path> SYSTEM_FONTS = List.of(
      Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
      Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
      Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
      Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"));

  private final ITemplateEngine templates;
  private final String bundledFontResource;
  private volatile byte[] bundledFont;

  @Autowired
  HtmlPdf(ITemplateEngine templates) {
    this(templates, BUNDLED_FONT);
  }

  /** With another bundled font resource (tests: a missing one, to exercise the system font). */
  public HtmlPdf(ITemplateEngine templates, String bundledFontResource) {
    this.templates = templates;
    this.bundledFontResource = bundledFontResource;
  }

  /** The template rendered in Chinese with {@code variables} (plus {@code fontFamily}) as PDF bytes. */
  public byte[] render(String template, Map<String, ?> variables) {
    Context context = new Context(Locale.SIMPLIFIED_CHINESE);
    variables.forEach(context::setVariable);
    context.setVariable("fontFamily", FAMILY);
    String html = templates.process(template, context);
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
      return PDType0Font.load(document, new ByteArrayInputStream(bundled), true);
    }
    for (Path candidate : SYSTEM_FONTS) {
      if (!Files.isReadable(candidate)) {
        continue;
      }
      if (!candidate.toString().endsWith(".ttc")) {
        return PDType0Font.load(document, candidate.toFile());
      }
      // the collection stays open until the document is written: PDFBox reads glyphs while subsetting
      TrueTypeCollection collection = new TrueTypeCollection(candidate.toFile());
      toClose.add(collection);
      List<TrueTypeFont> outlines = new ArrayList<>();
      collection.processAllFonts(font -> {
        if (!(font instanceof OpenTypeFont otf && otf.isPostScript())) {
          outlines.add(font);
        }
      });
      if (!outlines.isEmpty()) {
        return PDType0Font.load(document, outlines.get(0), true);
      }
    }
    throw new IllegalStateException("No CJK font to embed: " + BUNDLED_FONT + " is not in the jar (built offline?) "
        + "and none of " + SYSTEM_FONTS + " is installed");
  }

  private byte[] bundledFont() throws IOException {
    byte[] font = bundledFont;
    if (font == null) {
      ClassPathResource resource = new ClassPathResource(bundledFontResource);
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
