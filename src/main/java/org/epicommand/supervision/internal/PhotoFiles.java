package org.epicommand.supervision.internal;

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
import java.util.UUID;
import org.epicommand.shared.RecordNotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Photos on disk, outside the web root, in the configured directory; each file is named by the
 * photo's id alone (the client's file name is never used). The type is decided by the first bytes
 * (JPEG, PNG, WebP), never by the name or the declared content type.
 */
@Component
public class PhotoFiles {

  private static final Logger log = LoggerFactory.getLogger(PhotoFiles.class);

  /** What a stored photo is: its sniffed type, size and SHA-256. */
  public record Stored(String contentType, long size, String sha256) {}

  private final SupervisionProperties properties;

  PhotoFiles(SupervisionProperties properties) {
    this.properties = properties;
  }

  public long maxSize() {
    return properties.maxPhotoSize().toBytes();
  }

  /** The image type of these leading bytes, or empty when it is not a JPEG, PNG or WebP. */
  public static Optional<String> sniff(byte[] head) {
    if (head.length >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
      return Optional.of("image/jpeg");
    }
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (head.length >= 8 && java.util.Arrays.equals(head, 0, 8, png, 0, 8)) {
      return Optional.of("image/png");
    }
    if (head.length >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
        && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
      return Optional.of("image/webp");
    }
    return Optional.empty();
  }

  /** Writes the stream to {@code <dir>/<id>} (through a temporary file, moved into place when complete). */
  public Stored store(UUID id, String contentType, InputStream content) {
    try {
      Path directory = properties.photoDirectory().toAbsolutePath();
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, "upload-", ".part");
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      long size;
      try (InputStream in = new DigestInputStream(content, sha)) {
        size = Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
      }
      Files.move(temporary, file(id), StandardCopyOption.ATOMIC_MOVE);
      return new Stored(contentType, size, HexFormat.of().formatHex(sha.digest()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public Path file(UUID id) {
    return properties.photoDirectory().toAbsolutePath().resolve(id.toString());
  }

  /**
   * The file of a recorded photo. One that is gone is answered as not found, and logged: the photo
   * directory is not the one it was stored in, or files were lost.
   */
  public Path existing(UUID id) {
    Path file = file(id);
    if (!Files.isReadable(file)) {
      log.error("Photo {} is recorded but its file {} is missing (is epicommand.data-directory the one it was stored"
          + " in?)", id, file);
      throw new RecordNotFound("photo");
    }
    return file;
  }

  public void delete(UUID id) {
    try {
      Files.deleteIfExists(file(id));
    } catch (IOException e) {
      // an orphan file is harmless: nothing refers to it
    }
  }
}
