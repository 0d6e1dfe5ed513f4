package org.epicommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules respect their boundaries (no cycles, no access to another module's internals), and their
 * diagrams in {@code docs/modules/} (PlantUML, referenced by docs/architecture.md) are what the code is.
 */
class ModularityTest {

  static final ApplicationModules MODULES = ApplicationModules.of(EpiCommandApplication.class);
  static final Path DIAGRAMS = Path.of("docs", "modules");

  @Test
  void modulesRespectTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void moduleDiagramsAreWrittenFromTheCode() throws IOException {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DIAGRAMS.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml();
    try (Stream<Path> files = Files.list(DIAGRAMS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
        Files.write(file, stableOrder(Files.readAllLines(file)));
      }
    }
  }

  /**
   * The documenter writes components and relations in hash order; runs of them are sorted, so that a
   * diagram changes in git only when the modules do.
   */
  static List<String> stableOrder(List<String> lines) {
    List<String> out = new ArrayList<>(lines.size());
    List<String> run = new ArrayList<>();
    String kind = null;
    for (String line : lines) {
      String lineKind = line.strip().startsWith("Rel(") ? "Rel" : line.strip().startsWith("Component(") ? "Component"
          : null;
      if (!java.util.Objects.equals(lineKind, kind)) {
        run.sort(null);
        out.addAll(run);
        run.clear();
        kind = lineKind;
      }
      if (lineKind == null) {
        out.add(line);
      } else {
        run.add(line);
      }
    }
    run.sort(null);
    out.addAll(run);
    return out;
  }
}
