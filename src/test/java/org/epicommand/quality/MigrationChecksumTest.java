package org.epicommand.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A migration that a city may have applied never changes again: Flyway would refuse to start on its
 * database (checksum mismatch). {@code released-migrations.sha256} pins every released migration;
 * this test fails when one of them changes or disappears, and when a new migration would run before
 * a released one. A release adds the new migrations to the list
 * ({@code sha256sum $(find src/main/resources/db/migration -name '*.sql' | sort)}).
 */
class MigrationChecksumTest {

  static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");
  static final Path PINNED = Path.of("src", "test", "resources", "released-migrations.sha256");
  static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

  @Test
  void releasedMigrationsNeverChange() throws IOException {
    Map<String, String> pinned = pinned();
    assertThat(pinned).as("pinned migrations in %s", PINNED).isNotEmpty();
    List<String> changed = new ArrayList<>();
    pinned.forEach((path, sum) -> {
      Path file = Path.of(path);
      if (!Files.exists(file)) {
        changed.add(path + " (removed)");
      } else if (!sha256(file).equals(sum)) {
        changed.add(path + " (changed)");
      }
    });
    assertThat(changed).as("released migrations must never change: add a new migration instead").isEmpty();
  }

  @Test
  void newMigrationsRunAfterEveryReleasedOne() throws IOException {
    Map<String, String> pinned = pinned();
    long newestReleased = pinned.keySet().stream().mapToLong(MigrationChecksumTest::version).max().orElse(0);
    List<String> early;
    try (Stream<Path> files = Files.walk(MIGRATIONS)) {
      early = files.filter(f -> f.toString().endsWith(".sql")).map(f -> f.toString().replace('\\', '/'))
          .filter(f -> !pinned.containsKey(f) && version(f) <= newestReleased).sorted().toList();
    }
    assertThat(early).as("unreleased migrations versioned before the newest released one (%d) would be "
        + "skipped on databases that have it", newestReleased).isEmpty();
  }

  private static Map<String, String> pinned() throws IOException {
    Map<String, String> pinned = new TreeMap<>();
    for (String line : Files.readAllLines(PINNED, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        String[] parts = line.strip().split("\\s+", 2);
        pinned.put(parts[1].replace('\\', '/'), parts[0]);
      }
    }
    return pinned;
  }

  private static long version(String path) {
    Matcher matcher = VERSION.matcher(Path.of(path).getFileName().toString());
    return matcher.matches() ? Long.parseLong(matcher.group(1)) : 0;
  }

  private static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
