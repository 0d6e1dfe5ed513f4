package org.epicommand.imports.internal;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An uploaded file kept on disk for the life of its import (so that a job interrupted by a crash can
 * resume). Knows its character set: a byte-order mark or strictly valid UTF-8 means UTF-8, strictly
 * valid GB18030 (a superset of GBK) means GBK; anything else is read as UTF-8 and the rows with
 * undecodable bytes are rejected, never silently garbled.
 */
final class SpooledFile {

  static final Charset GBK = Charset.forName("GB18030");

  private SpooledFile() {}

  /**
   * UTF-8 when the file starts with a byte-order mark or is valid UTF-8 throughout; GBK when it is
   * not, unless some of its lines are UTF-8 text beyond ASCII — a mixed file is read as UTF-8, so
   * that its foreign rows are rejected (undecodable) instead of the whole file being garbled.
   */
  static Charset detectCharset(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] start = in.readNBytes(3);
      if (start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF) {
        return StandardCharsets.UTF_8;
      }
    }
    // a line of UTF-8 text with a character of three bytes or more (all of CJK) is evidence of UTF-8:
    // GBK bytes almost never form one by chance, while a lone GBK character can (模 = C4 A3 = ģ)
    boolean utf8Evidence = false;
    boolean invalidUtf8 = false;
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(256);
      int b;
      while (true) {
        b = in.read();
        if (b == '\n' || b == '\r' || b == -1) {
          byte[] bytes = line.toByteArray();
          if (nonAscii(bytes) > 0) {
            try {
              CharBuffer decoded = utf8.reset().decode(ByteBuffer.wrap(bytes));
              utf8Evidence |= decoded.chars().anyMatch(c -> c >= 0x800);
            } catch (CharacterCodingException e) {
              invalidUtf8 = true;
            }
          }
          line.reset();
          // one line of UTF-8 text decides it (below): the rest of the file need not be read
          if (b == -1 || utf8Evidence) {
            break;
          }
        } else {
          line.write(b);
        }
      }
    }
    if (!invalidUtf8 || utf8Evidence) {
      return StandardCharsets.UTF_8;
    }
    return decodes(file, GBK) ? GBK : StandardCharsets.UTF_8;
  }

  private static long nonAscii(byte[] bytes) {
    long count = 0;
    for (byte b : bytes) {
      if (b < 0) {
        count++;
      }
    }
    return count;
  }

  static Charset named(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String upper = name.strip().toUpperCase(java.util.Locale.ROOT);
    if (upper.equals("GBK") || upper.equals("GB2312") || upper.equals("GB18030") || upper.equals("CP936")) {
      return GBK;
    }
    if (upper.equals("UTF-8") || upper.equals("UTF8")) {
      return StandardCharsets.UTF_8;
    }
    throw new IllegalArgumentException(name);
  }

  static boolean isXlsx(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(4);
      return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
    }
  }

  private static boolean decodes(Path file, Charset charset) throws IOException {
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      byte[] chunk = new byte[1 << 16];
      ByteBuffer bytes = ByteBuffer.allocate(chunk.length + 8);
      CharBuffer chars = CharBuffer.allocate(chunk.length * 2);
      int n;
      while ((n = in.read(chunk)) > 0) {
        bytes.put(chunk, 0, n).flip();
        var result = decoder.decode(bytes, chars, false);
        if (result.isError()) {
          return false;
        }
        bytes.compact();
        chars.clear();
      }
      bytes.flip();
      var result = decoder.decode(bytes, chars, true);
      if (result.isError()) {
        return false;
      }
      return !decoder.flush(chars).isError();
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** A reader that replaces undecodable bytes with U+FFFD, so that the rows holding them can be rejected. */
  static Reader reader(InputStream in, Charset charset) {
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    return new InputStreamReader(in, decoder);
  }

  /** Counts the bytes read through it, for progress. */
  static final class CountingInputStream extends FilterInputStream {

    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    long count() {
      return count;
    }
  }
}
