package org.epicommand.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.epicommand.shared.SpreadsheetText;

/**
 * A CSV export that Excel opens correctly and safely (docs/api.md, "Exports"): UTF-8 with a byte-order
 * mark, RFC 4180 quoting, and cells starting with {@code = + - @} (or a tab or carriage return)
 * escaped with a leading apostrophe so that no formula runs. Instants are written in the city's zone
 * with its offset ({@code 2022-11-11T08:00:00+08:00}), as the API writes them.
 */
public final class CsvExport implements AutoCloseable {

  private static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  private final Writer writer;
  private final ZoneId zone;

  private CsvExport(Writer writer, ZoneId zone) {
    this.writer = writer;
    this.zone = zone;
  }

  /** An export whose instants are written in {@code zone} (the city's). */
  public static CsvExport to(OutputStream out, List<String> header, ZoneId zone) {
    try {
      out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      CsvExport export = new CsvExport(new OutputStreamWriter(out, StandardCharsets.UTF_8), zone);
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
        writer.write(cell(inZone(cells.get(i))));
      }
      writer.write("\r\n");
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Object inZone(Object value) {
    if (value instanceof Instant instant) {
      return OFFSET_TIME.format(instant.atZone(zone));
    }
    if (value instanceof OffsetDateTime time) {
      return OFFSET_TIME.format(time.atZoneSameInstant(zone));
    }
    if (value instanceof ZonedDateTime time) {
      return OFFSET_TIME.format(time.withZoneSameInstant(zone));
    }
    return value;
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = SpreadsheetText.guarded(value.toString());
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
