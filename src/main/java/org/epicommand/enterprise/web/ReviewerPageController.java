package org.epicommand.enterprise.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.enterprise.SectorReviewers;
import org.epicommand.organisation.Sector;
import org.epicommand.platform.FormMessages;
import org.epicommand.shared.EntityBindings;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sector reviewers page ({@code /enterprise/sector-reviewers}): the administrator binds the sector
 * departments' reviewer accounts (SECTOR_REVIEWER) to the sectors whose applications they review.
 */
@Controller
@RequestMapping("/enterprise/sector-reviewers")
@PreAuthorize("hasAuthority('USER_ADMIN')")
class ReviewerPageController {

  private final SectorReviewers reviewers;
  private final FormMessages forms;

  ReviewerPageController(SectorReviewers reviewers, FormMessages forms) {
    this.reviewers = reviewers;
    this.forms = forms;
  }

  @GetMapping
  String list(Model model) {
    Map<Sector, List<EntityBindings.Binding>> bound = new LinkedHashMap<>();
    for (Sector sector : Sector.values()) {
      bound.put(sector, reviewers.staff(sector.name()));
    }
    model.addAttribute("bound", bound);
    return "enterprise/reviewers";
  }

  @PostMapping("/{sector}")
  String bind(@PathVariable String sector, @RequestParam(required = false) String username,
      RedirectAttributes redirect) {
    return forms.run(redirect, "/enterprise/sector-reviewers", "organisation.contact.boundNotice",
        () -> reviewers.bind(sector, username));
  }

  @PostMapping("/{sector}/unbind")
  String unbind(@PathVariable String sector, @RequestParam String username, RedirectAttributes redirect) {
    return forms.run(redirect, "/enterprise/sector-reviewers", "organisation.contact.unboundNotice",
        () -> reviewers.unbind(sector, username));
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem sectorReviewersNavigation() {
      return new NavigationItem(669, "/enterprise/sector-reviewers", "nav.sectorReviewers", "USER_ADMIN",
          NavigationGroup.ENTERPRISE);
    }
  }
}
