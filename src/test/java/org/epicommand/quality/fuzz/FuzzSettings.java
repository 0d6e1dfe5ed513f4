package org.epicommand.quality.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The switches of a fuzz run, as system properties, e.g.
 * {@code ./mvnw test -Dtest=ImportFuzzTest -Depicommand.fuzz.seed=42 -Depicommand.fuzz.tries=500}:
 * <ul>
 *   <li>{@value #SEED}: the first try of every property uses this seed, the following ones seeds
 *       derived from it. Every try is named by its seed, and a failure prints it: passing it back
 *       with one try makes exactly the failing file again. Without it each run draws a fresh seed.</li>
 *   <li>{@value #TRIES}: the number of tries of every property, instead of each one's default.</li>
 *   <li>{@value #KNOWN_BUGS}{@code =false}: leaves out the inputs that exposed the product bugs of the
 *       first fuzz runs (see {@link #knownBugs()}).</li>
 * </ul>
 * Without a fixed seed, the seed of a property's latest failure (kept in
 * {@code target/fuzz-failures/<property>.seed}) is tried first, until it passes.
 */
final class FuzzSettings {

  static final String SEED = "epicommand.fuzz.seed";
  static final String TRIES = "epicommand.fuzz.tries";
  static final String KNOWN_BUGS = "epicommand.fuzz.knownBugs";
  static final Path FAILURES = Path.of("target", "fuzz-failures");

  private FuzzSettings() {}

  /**
   * The inputs that exposed the product bugs of the first fuzz runs (mixed encodings, a BOM with a
   * broken row, broken quotes in the header and mid-file) are generated too, now that those bugs
   * are fixed; {@code -Depicommand.fuzz.knownBugs=false} leaves them out.
   */
  static boolean knownBugs() {
    return !"false".equalsIgnoreCase(System.getProperty(KNOWN_BUGS));
  }

  /** The seeds of a property's tries: its latest failure's first, then the run's. */
  static List<Long> seeds(String property, int defaultTries) {
    String fixed = setting(SEED);
    String tries = setting(TRIES);
    int count = tries == null ? defaultTries : Integer.parseInt(tries);
    long first = fixed == null ? new SplittableRandom().nextLong() >>> 1 : Long.parseLong(fixed);
    List<Long> seeds = new ArrayList<>(count + 1);
    if (fixed == null) {
      Long failed = latestFailure(property);
      if (failed != null) {
        seeds.add(failed);
      }
    }
    SplittableRandom derived = new SplittableRandom(first);
    for (int i = 0; i < count; i++) {
      seeds.add(i == 0 ? first : derived.nextLong() >>> 1);
    }
    return seeds;
  }

  /** Keeps the seed of a failing try, so that the next run without a fixed seed tries it first. */
  static void failed(String property, long seed) {
    try {
      Files.createDirectories(FAILURES);
      Files.writeString(seedFile(property), Long.toString(seed), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Forgets the kept failure of a property once its seed passes. */
  static void passed(String property, long seed) {
    Long failed = latestFailure(property);
    if (failed != null && failed == seed) {
      try {
        Files.deleteIfExists(seedFile(property));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static Long latestFailure(String property) {
    try {
      Path file = seedFile(property);
      return Files.exists(file) ? Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip()) : null;
    } catch (IOException | NumberFormatException e) {
      return null;
    }
  }

  private static Path seedFile(String property) {
    return FAILURES.resolve(property + ".seed");
  }

  private static String setting(String name) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
