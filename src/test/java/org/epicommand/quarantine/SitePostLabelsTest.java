package org.epicommand.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every label of the site staff page ({@code qp.posts.*}) and every refusal of site staff
 * ({@code error.quarantine.post.*}) in the bundles is used: literally by a template or the Java code, or through
 * the prefixes the page builds keys from (the posts and shifts).
 */
class SitePostLabelsTest {

  private static final Set<String> BUILT = Set.of("qp.posts.post.", "qp.posts.shift.");

  @Test
  void theSiteStaffLabelsAreAllUsed() throws IOException {
    StringBuilder sources = new StringBuilder();
    for (String root : new String[] {"src/main/resources/templates", "src/main/resources/static", "src/main/java"}) {
      try (Stream<Path> files = Files.walk(Path.of(root))) {
        for (Path file : files.filter(p -> p.toString().matches(".*\\.(html|js|java)$")).toList()) {
          sources.append(Files.readString(file)).append('\n');
        }
      }
    }
    String text = sources.toString();
    Set<String> unused = new TreeSet<>();
    for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
      for (String key : keys(bundle)) {
        boolean label = key.startsWith("qp.posts.") && BUILT.stream().noneMatch(key::startsWith);
        if (label && !text.contains("\"" + key + "\"") && !text.contains("{" + key + "}")
            && !text.contains("{" + key + "(")) {
          unused.add(bundle + ": " + key);
        }
        if (key.startsWith("error.quarantine.post.")
            && !text.contains("\"" + key.substring("error.".length()) + "\"")) {
          unused.add(bundle + ": " + key);
        }
      }
    }
    assertThat(unused).isEmpty();
  }

  private static Set<String> keys(String bundle) throws IOException {
    Properties properties = new Properties();
    try (var in = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources", bundle)),
        StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return properties.stringPropertyNames();
  }
}
