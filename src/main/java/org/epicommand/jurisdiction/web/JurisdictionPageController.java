package org.epicommand.jurisdiction.web;

import java.util.List;
import java.io.IOException;
import java.util.Locale;
import org.epicommand.jurisdiction.BoundaryImports;
import org.epicommand.jurisdiction.DivisionBoundaries;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.springframework.context.MessageSource;
import org.epicommand.shared.FieldProblem;
import org.springframework.web.multipart.MultipartFile;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.RecordNotFound;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.epicommand.shared.ValidationFailure;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.RequestParam;

/** Browse the division tree level by level. */
@Controller
class JurisdictionPageController {

  private final Jurisdictions jurisdictions;
  private final BoundaryImports boundaryImports;
  private final DivisionBoundaries boundaries;
  private final MessageSource messages;

  JurisdictionPageController(Jurisdictions jurisdictions, BoundaryImports boundaryImports,
      DivisionBoundaries boundaries, MessageSource messages) {
    this.jurisdictions = jurisdictions;
    this.boundaryImports = boundaryImports;
    this.boundaries = boundaries;
    this.messages = messages;
  }

  @GetMapping("/jurisdictions")
  String browse(@RequestParam(required = false) String code, Model model) {
    List<Jurisdiction> children;
    if (code == null || code.isBlank()) {
      model.addAttribute("ancestry", List.of());
      children = jurisdictions.roots();
    } else {
      Jurisdiction node = jurisdictions.find(code).orElseThrow(() -> new RecordNotFound("jurisdiction"));
      model.addAttribute("node", node);
      model.addAttribute("ancestry", jurisdictions.ancestry(node.code()));
      children = jurisdictions.children(node.code());
      model.addAttribute("boundaries", boundaries.count(node.scope()));
      model.addAttribute("levels", List.of(JurisdictionLevel.COUNTY, JurisdictionLevel.TOWNSHIP,
          JurisdictionLevel.VILLAGE, JurisdictionLevel.GRID));
    }
    model.addAttribute("children", children);
    return "jurisdiction/browse";
  }

  /**
   * An administrator imports boundaries below this division (GeoJSON or an ECharts map file): features by
   * code, or by name among its descendants; the outcome with every rejected feature comes back on the page.
   */
  @PostMapping("/jurisdictions/{code}/boundaries")
  @PreAuthorize("hasAuthority('JURISDICTION_ADMIN')")
  String importBoundaries(@PathVariable String code, @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String key, @RequestParam(required = false) String level, Locale locale,
      RedirectAttributes redirect) throws IOException {
    Jurisdiction node = jurisdictions.find(code).orElseThrow(() -> new RecordNotFound("jurisdiction"));
    try {
      if (file == null || file.isEmpty()) {
        throw new ValidationFailure(FieldProblem.of("file", "import.noFile"));
      }
      redirect.addFlashAttribute("boundaryResult", boundaryImports.importFile(file.getBytes(),
          BoundaryApiController.options(key, node.code(), level, file.getOriginalFilename()), locale));
    } catch (ValidationFailure failure) {
      redirect.addFlashAttribute("boundaryErrors", failure.problems().stream()
          .map(p -> messages.getMessage("error." + p.code(), p.args().toArray(), p.code(), locale)).toList());
    }
    return "redirect:/jurisdictions?code=" + node.code();
  }

  /** An administrator sets a division's resident population (empty clears it). */
  @PostMapping("/jurisdictions/{code}/population")
  @PreAuthorize("hasAuthority('JURISDICTION_ADMIN')")
  String population(@PathVariable String code, @RequestParam(required = false) String population,
      RedirectAttributes redirect) {
    Jurisdiction node = jurisdictions.find(code).orElseThrow(() -> new RecordNotFound("jurisdiction"));
    String digits = population == null ? "" : population.replace(",", "").replace("，", "").strip();
    try {
      jurisdictions.setPopulation(node.code(), digits.isEmpty() ? null : Long.valueOf(digits));
      redirect.addFlashAttribute("saved", true);
    } catch (NumberFormatException | ValidationFailure bad) {
      redirect.addFlashAttribute("populationError", true);
    }
    return "redirect:/jurisdictions?code=" + node.code();
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem jurisdictionNavigation() {
      return new NavigationItem(800, "/jurisdictions", "nav.jurisdictions", "JURISDICTION_ADMIN,COMMAND_READ",
          NavigationGroup.SYSTEM);
    }
  }
}
