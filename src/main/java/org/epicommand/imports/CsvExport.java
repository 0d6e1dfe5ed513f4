package org.epicommand.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A CSV export that Excel opens correctly and safely (docs/api.md, "Exports"): UTF-8 with a byte-order
 * mark, RFC 4180 quoting, and cells starting with {@code = + - @} (or a tab or carriage return)
 * escaped with a leading apostrophe so that no formula runs.
 */
public final class CsvExport implements AutoCloseable {

  private final Writer writer;

  private CsvExport(Writer writer) {
    this.writer = writer;
  }

  public static CsvExport to(OutputStream out, List<String> header) {
    try {
      out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      CsvExport export = new CsvExport(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      export.row(header);
      return export;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public CsvExport row(List<?> cells) {
    try {
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          writer.write(',');
        }
        writer.write(cell(cells.get(i)));
      }
      writer.write("\r\n");
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      text = '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  @Override
  public void close() {
    try {
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
