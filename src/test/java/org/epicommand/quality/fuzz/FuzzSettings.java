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
 *   <li>{@value #FIRST_KEY}: the first row key of the first try (see {@link RenderState}); a failure
 *       prints it with its seed, so that the rows get the very same keys, hence the same bytes.</li>
 *   <li>{@value #KNOWN_BUGS}{@code =false}: leaves out the inputs that exposed the product bugs of the
 *       first fuzz runs (see {@link #knownBugs()}).</li>
 * </ul>
 * Without a fixed seed, a property's latest failure (its seed and first key, kept in
 * {@code target/fuzz-failures/<property>.seed}) is tried first, until it passes.
 */
final class FuzzSettings {

  static final String SEED = "epicommand.fuzz.seed";
  static final String TRIES = "epicommand.fuzz.tries";
  static final String FIRST_KEY = "epicommand.fuzz.firstKey";
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

  /** One try: its seed, and the key its rows start from ({@code 0}: whichever key comes next). */
  record Try(long seed, long firstKey) {}

  /** The tries of a property: its latest failure first, then the run's. */
  static List<Try> tries(String property, int defaultTries) {
    String fixed = setting(SEED);
    String tries = setting(TRIES);
    String firstKey = setting(FIRST_KEY);
    int count = tries == null ? defaultTries : Integer.parseInt(tries);
    long first = fixed == null ? new SplittableRandom().nextLong() >>> 1 : Long.parseLong(fixed);
    List<Try> all = new ArrayList<>(count + 1);
    if (fixed == null) {
      Try failed = latestFailure(property);
      if (failed != null) {
        all.add(failed);
      }
    }
    SplittableRandom derived = new SplittableRandom(first);
    for (int i = 0; i < count; i++) {
      all.add(i == 0 ? new Try(first, firstKey == null ? 0 : Long.parseLong(firstKey))
          : new Try(derived.nextLong() >>> 1, 0));
    }
    return all;
  }

  /** Keeps a failing try, so that the next run without a fixed seed tries it first. */
  static void failed(String property, Try failing) {
    try {
      Files.createDirectories(FAILURES);
      Files.writeString(seedFile(property), failing.seed() + " " + failing.firstKey(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Forgets the kept failure of a property once its seed passes. */
  static void passed(String property, long seed) {
    Try failed = latestFailure(property);
    if (failed != null && failed.seed() == seed) {
      try {
        Files.deleteIfExists(seedFile(property));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static Try latestFailure(String property) {
    try {
      Path file = seedFile(property);
      if (!Files.exists(file)) {
        return null;
      }
      String[] parts = Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ");
      return new Try(Long.parseLong(parts[0]), parts.length > 1 ? Long.parseLong(parts[1]) : 0);
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
