package org.epicommand.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository stands on its own: every document that code, pages and documents cite is in it,
 * every cited section of {@code docs/domain.md} exists, and nothing points outside the clone.
 * Released migrations are left as they are (their checksums are fixed).
 */
class DocumentReferencesTest {

  private static final Pattern DOC = Pattern.compile("\\b(docs/[\\w./-]+\\.(?:md|puml))(?: §(\\d+))?");
  private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)#\\s]+)(?:#[^)]*)?\\)");
  private static final Pattern OUTSIDE = Pattern.compile(
      "\\.\\./shared|\\b(?:DOMAIN|API|ARCHITECTURE|STYLE|VERSIONS)\\.md");

  @Test
  void everyCitedDocumentAndSectionExistsInTheRepository() throws IOException {
    Set<Integer> domainSections = new TreeSet<>();
    Files.readAllLines(Path.of("docs/domain.md")).forEach(line -> {
      Matcher heading = Pattern.compile("^## (\\d+)\\.").matcher(line);
      if (heading.find()) {
        domainSections.add(Integer.parseInt(heading.group(1)));
      }
    });
    List<String> broken = new ArrayList<>();
    for (Path file : sources()) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        String where = file + ":" + (i + 1) + ": ";
        String line = lines.get(i);
        Matcher doc = DOC.matcher(line);
        while (doc.find()) {
          if (!Files.exists(Path.of(doc.group(1)))) {
            broken.add(where + "missing " + doc.group(1));
          } else if (doc.group(2) != null && doc.group(1).equals("docs/domain.md")
              && !domainSections.contains(Integer.parseInt(doc.group(2)))) {
            broken.add(where + "no section §" + doc.group(2) + " in docs/domain.md");
          }
        }
        if (file.toString().endsWith(".md")) {
          Matcher link = MARKDOWN_LINK.matcher(line);
          while (link.find()) {
            String target = link.group(1);
            if (!target.contains("://") && !target.startsWith("mailto:")
                && !Files.exists(file.toAbsolutePath().getParent().resolve(target).normalize())) {
              broken.add(where + "link to missing " + target);
            }
          }
        }
        if (OUTSIDE.matcher(line).find()) {
          broken.add(where + "points outside the repository: " + line.strip());
        }
      }
    }
    assertThat(broken).as("references to documents that are not in the repository").isEmpty();
  }

  private static List<Path> sources() throws IOException {
    List<Path> files = new ArrayList<>(List.of(Path.of("README.md"), Path.of("CONTRIBUTING.md"),
        Path.of("CHANGELOG.md")));
    for (String root : List.of("docs", "src/main", "src/test/java")) {
      try (Stream<Path> walk = Files.walk(Path.of(root))) {
        walk.filter(Files::isRegularFile)
            .filter(p -> p.toString().matches(".*\\.(java|md|html|js|properties|sql|yml|yaml)$"))
            .filter(p -> !p.toString().contains("db/migration"))
            .filter(p -> !p.endsWith("DocumentReferencesTest.java"))
            .forEach(files::add);
      }
    }
    return files.stream().filter(Files::exists).toList();
  }
}
