package org.epicommand.platform;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.epicommand.shared.RecordNotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Evidence on disk — inspection photos, checklist photos, the documents of an application — outside the
 * web root, in the one directory backups copy ({@code epicommand.supervision.photo-directory}, by default
 * {@code <data>/photos}). A file is named by its record's id alone (the client's file name is never
 * used as a path), and its type is decided by its first bytes (JPEG, PNG, WebP, PDF), never by its name
 * or the declared content type. Each module keeps the rows that say what a file is and who may see it.
 */
@Component
public class EvidenceFiles {

  private static final Logger log = LoggerFactory.getLogger(EvidenceFiles.class);

  public static final String JPEG = "image/jpeg";
  public static final String PNG = "image/png";
  public static final String WEBP = "image/webp";
  public static final String PDF = "application/pdf";
  /** The photo rule (supervision, checklists): JPEG, PNG or WebP. */
  public static final Set<String> PHOTOS = Set.of(JPEG, PNG, WEBP);

  /** What a stored file is: its sniffed type, size and SHA-256. */
  public record Stored(String contentType, long size, String sha256) {}

  /**
   * A file refused as a whole: a type not accepted (415) or larger than allowed (413); {@code code} is a
   * message key under {@code error.} with {@code args}.
   */
  public static class Refused extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient Object[] args;

    public Refused(HttpStatus status, String code, Object... args) {
      super(code);
      this.status = status;
      this.code = code;
      this.args = args;
    }

    public HttpStatus status() {
      return status;
    }

    public String code() {
      return code;
    }

    public Object[] args() {
      return args.clone();
    }
  }

  private final Path directory;

  EvidenceFiles(@Value("${epicommand.supervision.photo-directory:data/photos}") Path directory) {
    this.directory = directory;
  }

  /** The type of these leading bytes, or empty when it is none of JPEG, PNG, WebP and PDF. */
  public static Optional<String> sniff(byte[] head) {
    if (head.length >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
      return Optional.of(JPEG);
    }
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (head.length >= 8 && java.util.Arrays.equals(head, 0, 8, png, 0, 8)) {
      return Optional.of(PNG);
    }
    if (head.length >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
        && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
      return Optional.of(WEBP);
    }
    if (head.length >= 5 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F' && head[4] == '-') {
      return Optional.of(PDF);
    }
    return Optional.empty();
  }

  /**
   * Reads the leading bytes of {@code content}, decides its type, refuses it (415, {@code refusedCode})
   * unless the type is one of {@code accepted}, and stores it as {@code <dir>/<id>} — refused (413,
   * {@code error.file.tooLarge}) and nothing kept when it is larger than {@code maxBytes}. An empty
   * stream answers empty.
   */
  public Optional<Stored> accept(UUID id, InputStream content, Set<String> accepted, long maxBytes,
      String refusedCode) {
    try (BufferedInputStream in = new BufferedInputStream(content)) {
      in.mark(16);
      byte[] head = in.readNBytes(12);
      in.reset();
      if (head.length == 0) {
        return Optional.empty();
      }
      String type = sniff(head).filter(accepted::contains)
          .orElseThrow(() -> new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, refusedCode));
      return Optional.of(store(id, type, in, maxBytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the stream to {@code <dir>/<id>} (through a temporary file, moved into place when complete). */
  public Stored store(UUID id, String contentType, InputStream content) {
    return store(id, contentType, content, Long.MAX_VALUE);
  }

  private Stored store(UUID id, String contentType, InputStream content, long maxBytes) {
    Path temporary = null;
    try {
      Path dir = directory.toAbsolutePath();
      Files.createDirectories(dir);
      temporary = Files.createTempFile(dir, "upload-", ".part");
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      long size;
      try (InputStream in = new DigestInputStream(new Capped(content, maxBytes), sha)) {
        size = Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
      }
      Files.move(temporary, file(id), StandardCopyOption.ATOMIC_MOVE);
      return new Stored(contentType, size, HexFormat.of().formatHex(sha.digest()));
    } catch (Refused e) {
      deleteQuietly(temporary);
      throw e;
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public Path file(UUID id) {
    return directory.toAbsolutePath().resolve(id.toString());
  }

  /**
   * The file of a recorded piece of evidence. One that is gone is answered as not found, and logged:
   * the directory is not the one it was stored in, or files were lost.
   */
  public Path existing(UUID id) {
    Path file = file(id);
    if (!Files.isReadable(file)) {
      log.error("File {} is recorded but {} is missing (is epicommand.data-directory the one it was stored in?)", id,
          file);
      throw new RecordNotFound("file");
    }
    return file;
  }

  public void delete(UUID id) {
    deleteQuietly(file(id));
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // an orphan file is harmless: nothing refers to it
    }
  }

  /** A stream that refuses (413) to give more than its cap. */
  private static final class Capped extends FilterInputStream {

    private final long cap;
    private long read;

    Capped(InputStream in, long cap) {
      super(in);
      this.cap = cap;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(long n) {
      read += n;
      if (read > cap) {
        throw new Refused(HttpStatus.CONTENT_TOO_LARGE, "file.tooLarge", cap / (1 << 20));
      }
    }
  }
}
