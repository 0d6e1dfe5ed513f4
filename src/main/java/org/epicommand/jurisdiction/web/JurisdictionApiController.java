package org.epicommand.jurisdiction.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.RecordNotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
