package org.epicommand.jurisdiction.web;

import java.util.List;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.RecordNotFound;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Browse the division tree level by level. */
@Controller
class JurisdictionPageController {

  private final Jurisdictions jurisdictions;

  JurisdictionPageController(Jurisdictions jurisdictions) {
    this.jurisdictions = jurisdictions;
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
    }
    model.addAttribute("children", children);
    return "jurisdiction/browse";
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem jurisdictionNavigation() {
      return new NavigationItem(800, "/jurisdictions", "nav.jurisdictions", null);
    }
  }
}
