package org.epicommand;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Chinese and English bundles hold the same keys, every key a template uses exists, site staff use their labels. */
class MessageBundlesTest {

  private static final Set<String> BUILT = Set.of("qp.posts.post.", "qp.posts.shift.");

  @Test
  void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
    Set<String> chinese = keys("messages.properties");
    Set<String> english = keys("messages_en.properties");
    assertThat(new TreeSet<>(english)).as("keys only in Chinese: add English").containsAll(chinese);
    assertThat(new TreeSet<>(chinese)).as("keys only in English: add Chinese").containsAll(english);
  }

  @Test
  void everyMessageKeyUsedInATemplateExists() throws IOException {
    Set<String> keys = keys("messages.properties");
    Pattern literal = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*)(\\(|})");
    Set<String> missing = new TreeSet<>();
    try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
      for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
        Matcher matcher = literal.matcher(Files.readString(template));
        while (matcher.find()) {
          if (!keys.contains(matcher.group(1))) {
            missing.add(template.getFileName() + ": " + matcher.group(1));
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  /**
   * Every label of the site staff page ({@code qp.posts.*}) and every refusal of site staff
   * ({@code error.quarantine.post.*}) is used: literally by a template or the Java code, or through the prefixes the
   * page builds keys from (the posts and shifts).
   */
  @Test
  void everySiteStaffLabelIsUsed() throws IOException {
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
