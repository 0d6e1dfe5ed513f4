package org.epicommand.quarantine.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epicommand.quarantine.QuarantineSite;
import org.epicommand.quarantine.QuarantineSites;
import org.epicommand.quarantine.SiteStaff;
import org.epicommand.shared.EntityBindings;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.ValidationFailure;
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
 * {@code /quarantine/site-staff}: the administrator binds site managers to the sites they run and takes
 * them off again — every site with its managers, a form to bind one (works on a phone).
 */
@Controller
@RequestMapping("/quarantine/site-staff")
@PreAuthorize("hasAuthority('USER_ADMIN')")
class SiteStaffPageController {

  private final QuarantineSites sites;
  private final SiteStaff staff;
  private final QuarantinePages pages;

  SiteStaffPageController(QuarantineSites sites, SiteStaff staff, QuarantinePages pages) {
    this.sites = sites;
    this.staff = staff;
    this.pages = pages;
  }

  @GetMapping
  String list(Model model) {
    Map<QuarantineSite, List<EntityBindings.Binding>> bound = new LinkedHashMap<>();
    sites.list(true).forEach(site -> bound.put(site, staff.staff(site.id())));
    model.addAttribute("bound", bound);
    return "quarantine/site-staff";
  }

  @PostMapping
  String bind(@RequestParam(required = false) UUID siteId, @RequestParam(required = false) String username,
      RedirectAttributes redirect) {
    return pages.run(redirect, "/quarantine/site-staff", "qp.staff.bound", () -> {
      if (siteId == null) {
        throw new ValidationFailure(FieldProblem.of("siteId", "required"));
      }
      staff.bind(siteId.toString(), username);
    });
  }

  @PostMapping("/{siteId}/unbind")
  String unbind(@PathVariable UUID siteId, @RequestParam String username, RedirectAttributes redirect) {
    return pages.run(redirect, "/quarantine/site-staff", "qp.staff.unbound", () -> staff.unbind(siteId.toString(),
        username));
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem siteStaffNavigation() {
      return new NavigationItem(855, "/quarantine/site-staff", "nav.siteStaff", "USER_ADMIN", NavigationGroup.SYSTEM);
    }
  }
}
