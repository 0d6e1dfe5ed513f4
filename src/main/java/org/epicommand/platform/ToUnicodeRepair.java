package org.epicommand.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Map;
import java.util.TreeMap;
import org.apache.fontbox.cmap.CMap;
import org.apache.fontbox.cmap.CMapParser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * CJK fonts map a Kangxi radical (U+2F00…U+2FDF, e.g. ⽉) and the ideograph it looks like (月) to one glyph.
 * PDFBox writes the first code point of a glyph into the text map (ToUnicode) of an embedded subset, which is
 * the radical: the PDF looks right but copies and searches as "2023年1⽉8⽇". This rewrites those entries to
 * the ideographs (their compatibility decomposition), so that a PDF's text can be searched and read out.
 */
final class ToUnicodeRepair {

  private ToUnicodeRepair() {}

  static byte[] repair(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      boolean changed = false;
      for (PDPage page : document.getPages()) {
        PDResources resources = page.getResources();
        if (resources == null) {
          continue;
        }
        for (COSName name : resources.getFontNames()) {
          PDFont font = resources.getFont(name);
          if (font instanceof PDType0Font && font.getCOSObject().getDictionaryObject(COSName.TO_UNICODE)
              instanceof COSStream stream) {
            changed |= repair(stream);
          }
        }
      }
      if (!changed) {
        return pdf;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 1024);
      document.save(out);
      return out.toByteArray();
    }
  }

  private static boolean repair(COSStream stream) throws IOException {
    CMap cmap;
    try (var in = stream.createInputStream()) {
      cmap = new CMapParser().parse(new RandomAccessReadBuffer(in));
    }
    Map<Integer, String> mappings = new TreeMap<>();
    boolean radicals = false;
    for (int code = 0; code <= 0xFFFF; code++) {
      String text = cmap.toUnicode(code, 2);
      if (text != null) {
        String fixed = ideographs(text);
        radicals |= !fixed.equals(text);
        mappings.put(code, fixed);
      }
    }
    if (!radicals) {
      return false;
    }
    try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
      out.write(write(mappings).getBytes(StandardCharsets.US_ASCII));
    }
    return true;
  }

  static String ideographs(String text) {
    StringBuilder result = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      boolean radical = (cp >= 0x2F00 && cp <= 0x2FDF) || (cp >= 0x2E80 && cp <= 0x2EFF);
      result.append(radical ? Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC)
          : new String(Character.toChars(cp)));
    });
    return result.toString();
  }

  private static String write(Map<Integer, String> mappings) {
    StringBuilder cmap = new StringBuilder("""
        /CIDInit /ProcSet findresource begin
        12 dict begin
        begincmap
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
        /CMapName /Adobe-Identity-UCS def
        /CMapType 2 def
        1 begincodespacerange
        <0000> <FFFF>
        endcodespacerange
        """);
    var entries = mappings.entrySet().stream().toList();
    for (int from = 0; from < entries.size(); from += 100) {
      var block = entries.subList(from, Math.min(entries.size(), from + 100));
      cmap.append(block.size()).append(" beginbfchar\n");
      for (Map.Entry<Integer, String> entry : block) {
        cmap.append(String.format("<%04X> <", entry.getKey()));
        for (byte b : entry.getValue().getBytes(StandardCharsets.UTF_16BE)) {
          cmap.append(String.format("%02X", b & 0xFF));
        }
        cmap.append(">\n");
      }
      cmap.append("endbfchar\n");
    }
    cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    return cmap.toString();
  }
}
