package org.epicommand.jurisdiction.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.epicommand.jurisdiction.DivisionMatch;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.JurisdictionLevel;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.RecordNotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The division tree for the division picker — on staff pages and on public ones such as the arrival
 * form. Division codes and names are published administrative data (no login): children of a node,
 * the chain from the root to a node, and a search by name that labels each hit with its chain, so
 * that the 2,863 villages of a city can be told apart.
 */
@RestController
@RequestMapping("/api/v1/public/divisions")
@Tag(name = "Jurisdictions")
class PublicDivisionApiController {

  /** Longer search texts are no division name. */
  static final int MAX_QUERY = 30;

  private final Jurisdictions jurisdictions;

  PublicDivisionApiController(Jurisdictions jurisdictions) {
    this.jurisdictions = jurisdictions;
  }

  /** The children of {@code parent}, or the roots without it. */
  @GetMapping
  List<Jurisdiction> children(@RequestParam(required = false) String parent) {
    if (parent == null || parent.isBlank()) {
      return jurisdictions.roots();
    }
    return jurisdictions.children(node(parent).code());
  }

  /** The chain from the root down to the division itself. */
  @GetMapping("/{code}/ancestry")
  List<Jurisdiction> ancestry(@PathVariable String code) {
    return jurisdictions.ancestry(node(code).code());
  }

  /** Divisions whose name contains {@code q}, inside {@code under}, on {@code level}; at most 20. */
  @GetMapping("/search")
  List<DivisionMatch> search(@RequestParam(required = false) String q, @RequestParam(required = false) String under,
      @RequestParam(required = false) JurisdictionLevel level) {
    if (q == null || q.isBlank() || q.length() > MAX_QUERY) {
      return List.of();
    }
    return jurisdictions.search(q, under, level, 20);
  }

  private Jurisdiction node(String code) {
    return jurisdictions.find(code.strip()).orElseThrow(() -> new RecordNotFound("jurisdiction"));
  }
}
