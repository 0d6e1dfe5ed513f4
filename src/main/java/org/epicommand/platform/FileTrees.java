package org.epicommand.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Copying, counting and removing directory trees, for backups and throw-away databases. */
final class FileTrees {

  private FileTrees() {}

  /**
   * Copies what is in {@code from} and not yet in {@code to}, leaving out the paths (relative to
   * {@code from}) that {@code leaveOut} names; a file that disappears while the tree is read is no
   * error (a live database drops temporary files). Returns how many files were copied.
   */
  static long copyNew(Path from, Path to, Predicate<Path> leaveOut) throws IOException {
    if (!Files.isDirectory(from)) {
      return 0;
    }
    long[] copied = {0};
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Path relative = from.relativize(dir);
        if (!relative.toString().isEmpty() && leaveOut.test(relative)) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        Files.createDirectories(to.resolve(relative.toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Path relative = from.relativize(file);
        Path target = to.resolve(relative.toString());
        if (leaveOut.test(relative) || !attrs.isRegularFile() || Files.exists(target)) {
          return FileVisitResult.CONTINUE;
        }
        try {
          Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
          copied[0]++;
        } catch (NoSuchFileException | FileAlreadyExistsException gone) {
          // removed while we looked, or copied by an earlier pass
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (e instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE;
        }
        throw e;
      }
    });
    return copied[0];
  }

  static long countFiles(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    try (Stream<Path> all = Files.walk(directory)) {
      return all.filter(Files::isRegularFile).count();
    }
  }

  static boolean isEmpty(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return !Files.exists(directory);
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    }
  }

  /** A directory only its owner may enter (PostgreSQL refuses a data directory that others can read). */
  static void createPrivateDirectory(Path directory) throws IOException {
    Files.createDirectories(directory);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    }
  }

  static void delete(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> all = Files.walk(directory)) {
      for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete " + directory + ": " + e.getMessage(), e);
    }
  }
}
