package org.epicommand;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules respect their boundaries (no cycles, no access to another module's internals), and their
 * diagrams in {@code docs/modules/} (PlantUML, referenced by docs/architecture.md) are what the code is.
 */
class ModularityTest {

  static final ApplicationModules MODULES = ApplicationModules.of(EpiCommandApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void moduleDiagramsAreWrittenFromTheCode() {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml();
  }
}
