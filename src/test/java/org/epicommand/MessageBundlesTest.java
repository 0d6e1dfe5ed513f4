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

/** Chinese and English bundles hold the same keys, and every key a template uses exists. */
class MessageBundlesTest {

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

  private static Set<String> keys(String bundle) throws IOException {
    Properties properties = new Properties();
    try (var in = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources", bundle)),
        StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return properties.stringPropertyNames();
  }
}
