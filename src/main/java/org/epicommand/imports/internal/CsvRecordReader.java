package org.epicommand.imports.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A lenient RFC 4180 reader that never gives up on a file: a malformed record (an unterminated
 * quote, text after a closing quote, an oversized field) comes back as a record with an error and
 * the line it started on, and reading goes on with the next line. Blank lines are skipped.
 */
final class CsvRecordReader implements Closeable {

  static final int MAX_FIELD_LENGTH = 10_000;
  static final int MAX_FIELDS = 500;

  /** A record and the line it starts on; {@code error} is a message code when it is malformed. */
  record Record(int line, List<String> fields, String error) {}

  private final Reader reader;
  private final char[] buffer = new char[64 * 1024];
  private int position;
  private int limit;
  private int line = 1;
  private boolean first = true;

  CsvRecordReader(Reader reader) {
    this.reader = reader;
  }

  Record next() throws IOException {
    while (true) {
      if (peek() == -1) {
        return null;
      }
      Record record = readRecord();
      boolean blank = record.error() == null && record.fields().size() == 1 && record.fields().get(0).isEmpty();
      if (!blank) {
        return record;
      }
    }
  }

  private Record readRecord() throws IOException {
    int startLine = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    String error = null;
    while (true) {
      int c = read();
      if (c == '"' && field.isEmpty()) {
        // quoted field
        while (true) {
          int q = read();
          if (q == -1) {
            fields.add(field.toString());
            return new Record(startLine, fields, "csv.unterminatedQuote");
          }
          if (q == '"') {
            if (peek() == '"') {
              read();
              append(field, '"');
              continue;
            }
            break;
          }
          append(field, (char) q);
        }
        int after = peek();
        if (after != ',' && after != '\n' && after != '\r' && after != -1) {
          skipLine();
          fields.add(field.toString());
          return new Record(startLine, fields, "csv.textAfterQuote");
        }
        continue;
      }
      if (c == ',' ) {
        fields.add(field.toString());
        field.setLength(0);
        if (fields.size() > MAX_FIELDS) {
          skipLine();
          return new Record(startLine, fields, "csv.tooManyFields");
        }
        continue;
      }
      if (c == '"') {
        // RFC 4180: a quote may only stand inside a quoted field; a stray one means the row is broken
        skipLine();
        fields.add(field.toString());
        return new Record(startLine, fields, "csv.strayQuote");
      }
      if (c == '\n' || c == '\r' || c == -1) {
        if (c == '\r' && peek() == '\n') {
          read();
        }
        fields.add(field.toString());
        if (field.length() > MAX_FIELD_LENGTH || fields.stream().anyMatch(f -> f.length() > MAX_FIELD_LENGTH)) {
          error = "csv.fieldTooLong";
        }
        return new Record(startLine, fields, error);
      }
      append(field, (char) c);
    }
  }

  private static void append(StringBuilder field, char c) {
    if (field.length() <= MAX_FIELD_LENGTH) {
      field.append(c);
    }
  }

  private void skipLine() throws IOException {
    while (true) {
      int c = read();
      if (c == -1 || c == '\n') {
        return;
      }
      if (c == '\r') {
        if (peek() == '\n') {
          read();
        }
        return;
      }
    }
  }

  private int peek() throws IOException {
    if (position >= limit && !fill()) {
      return -1;
    }
    return buffer[position];
  }

  private int read() throws IOException {
    if (position >= limit && !fill()) {
      return -1;
    }
    char c = buffer[position++];
    if (c == '\n' || (c == '\r' && (position < limit || fill()) && buffer[position] != '\n')) {
      line++;
    }
    return c;
  }

  private boolean fill() throws IOException {
    int n = reader.read(buffer, 0, buffer.length);
    if (n <= 0) {
      return false;
    }
    position = 0;
    limit = n;
    if (first) {
      first = false;
      if (buffer[0] == '\uFEFF') {
        position = 1;
        return limit > 1 || fill();
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
