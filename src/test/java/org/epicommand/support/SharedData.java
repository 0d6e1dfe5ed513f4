package org.epicommand.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public reference data in {@code ../shared/data/} (never copied into the repository). Tests
 * that need it are skipped, with a message saying so, where it is absent.
 */
public final class SharedData {

  private SharedData() {}

  public static Path require(String relative) {
    Path file = Path.of("..", "shared", "data").resolve(relative).toAbsolutePath().normalize();
    assumeTrue(Files.isReadable(file), "skipped: reference data " + file + " is absent (expected ../shared/data beside the project)");
    return file;
  }
}
