package org.epicommand.jurisdiction.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.RecordNotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The division tree is public administrative data: every signed-in user may browse it. */
@RestController
@RequestMapping("/api/v1/jurisdictions")
@Tag(name = "Jurisdictions")
class JurisdictionApiController {

  private final Jurisdictions jurisdictions;

  JurisdictionApiController(Jurisdictions jurisdictions) {
    this.jurisdictions = jurisdictions;
  }

  @GetMapping("/{code}")
  Jurisdiction get(@PathVariable String code) {
    return jurisdictions.find(code).orElseThrow(() -> new RecordNotFound("jurisdiction"));
  }

  /** What an administrator may change on a division: its resident population ({@code null} clears it). */
  record DivisionChange(Long population) {}

  /** Sets the resident population (常住人口) of a division; per-capita standards use it. */
  @PutMapping("/{code}")
  @PreAuthorize("hasAuthority('JURISDICTION_ADMIN')")
  Jurisdiction update(@PathVariable String code, @RequestBody DivisionChange change) {
    return jurisdictions.setPopulation(get(code).code(), change.population());
  }

  /** The children of {@code parent}, or the roots without it; a plain array. */
  @GetMapping
  List<Jurisdiction> children(@RequestParam(required = false) String parent) {
    if (parent == null || parent.isBlank()) {
      return jurisdictions.roots();
    }
    Jurisdiction node = get(parent);
    return jurisdictions.children(node.code());
  }
}
