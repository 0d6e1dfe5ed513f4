package org.epicommand.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The exclusive lock of one EpiCommand on a database directory: {@code <dir>.lock} beside the
 * directory's canonical path, so that a second instance reaching the same directory through a
 * symbolic link (or another spelling of the path) meets the same lock. The operating system drops
 * it with the process, whatever way the process ends.
 */
final class DataDirectoryLock implements AutoCloseable {

  private final Path directory;
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectoryLock(Path directory, FileChannel channel, FileLock lock) {
    this.directory = directory;
    this.channel = channel;
    this.lock = lock;
  }

  /** The directory's canonical path, creating it (and its parents) first. */
  static Path canonical(Path directory) {
    try {
      Files.createDirectories(directory);
      return directory.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create or read the data directory " + directory.toAbsolutePath()
          + ": " + describe(e), e);
    }
  }

  /** The lock, or empty when another process (or this one) holds it. */
  static Optional<DataDirectoryLock> tryTake(Path canonicalDirectory) {
    Path file = canonicalDirectory.resolveSibling(canonicalDirectory.getFileName() + ".lock");
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }
      return Optional.of(new DataDirectoryLock(canonicalDirectory, channel, lock));
    } catch (OverlappingFileLockException held) {
      close(channel);
      return Optional.empty();
    } catch (IOException e) {
      close(channel);
      throw new UncheckedIOException("Cannot lock the data directory " + canonicalDirectory + " (" + file + "): "
          + describe(e), e);
    }
  }

  /** The lock, or a clear refusal naming the directory. */
  static DataDirectoryLock take(Path canonicalDirectory) {
    return tryTake(canonicalDirectory).orElseThrow(() -> new IllegalStateException("The data directory "
        + canonicalDirectory + " is in use by another running EpiCommand. Stop that instance first, or point this"
        + " one elsewhere with epicommand.data-directory (or EPICOMMAND_DB_URL for an external PostgreSQL)."));
  }

  Path directory() {
    return directory;
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // the lock goes with the channel anyway
    }
    close(channel);
  }

  private static void close(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing more to do
      }
    }
  }

  private static String describe(IOException e) {
    return e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.toString();
  }
}
