package org.epicommand.supervision.internal;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.platform.EvidenceFiles;
import org.springframework.stereotype.Component;

/**
 * Supervision photos in the platform's evidence store ({@link EvidenceFiles}: outside the web root,
 * named by the photo's id alone); the type is decided by the first bytes (JPEG, PNG, WebP), never by
 * the name or the declared content type; the size cap is supervision's own.
 */
@Component
public class PhotoFiles {

  /** What a stored photo is: its sniffed type, size and SHA-256. */
  public record Stored(String contentType, long size, String sha256) {}

  private final SupervisionProperties properties;
  private final EvidenceFiles files;

  PhotoFiles(SupervisionProperties properties, EvidenceFiles files) {
    this.properties = properties;
    this.files = files;
  }

  public long maxSize() {
    return properties.maxPhotoSize().toBytes();
  }

  /** The image type of these leading bytes, or empty when it is not a JPEG, PNG or WebP. */
  public static Optional<String> sniff(byte[] head) {
    return EvidenceFiles.sniff(head).filter(EvidenceFiles.PHOTOS::contains);
  }

  /** Writes the stream to the evidence store under the photo's id. */
  public Stored store(UUID id, String contentType, InputStream content) {
    EvidenceFiles.Stored stored = files.store(id, contentType, content);
    return new Stored(stored.contentType(), stored.size(), stored.sha256());
  }

  public Path file(UUID id) {
    return files.file(id);
  }

  /** The file of a recorded photo; one that is gone is answered as not found, and logged. */
  public Path existing(UUID id) {
    return files.existing(id);
  }

  public void delete(UUID id) {
    files.delete(id);
  }
}
