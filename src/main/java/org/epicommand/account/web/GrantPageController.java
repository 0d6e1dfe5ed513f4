package org.epicommand.account.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.DutyViolation;
import org.epicommand.account.Permission;
import org.epicommand.account.Role;
import org.epicommand.account.RoleGrants;
import org.epicommand.platform.FormMessages;
import org.epicommand.platform.PageStep;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
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
 * Temporary roles (break-the-glass): every grant with its reason, who gave it and its end, for the
 * auditor and the security administrator; the security administrator grants and revokes here.
 */
@Controller
@RequestMapping("/grants")
@PreAuthorize("hasAnyAuthority('ACCESS_ADMIN', 'AUDIT_READ')")
class GrantPageController {

  /** The grant form's fields, echoed back when it has errors. */
  record GrantForm(String username, Role role, String jurisdictionCode, String reason, LocalDateTime until) {}

  private final RoleGrants grants;
  private final CurrentUser currentUser;
  private final FormMessages forms;
  private final ZoneId zone;

  GrantPageController(RoleGrants grants, CurrentUser currentUser, FormMessages forms, Clock clock) {
    this.grants = grants;
    this.currentUser = currentUser;
    this.forms = forms;
    this.zone = clock.getZone();
  }

  @GetMapping
  String list(@RequestParam(required = false) String username, @RequestParam(required = false) Integer page,
      Model model) {
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new GrantForm("", Role.EPIDEMIOLOGIST, "", "", null));
    }
    model.addAttribute("username", username);
    model.addAttribute("mayGrant", currentUser.get().has(Permission.ACCESS_ADMIN));
    model.addAttribute("roles", Arrays.stream(Role.values()).filter(r -> !r.administrator()).toList());
    model.addAttribute("maxHours", grants.maxDuration().toHours());
    model.addAttribute("zone", zone);
    FormMessages.pager(model, grants.list(username, Paging.of(page, 50)));
    return "account/grants";
  }

  @PostMapping
  @PreAuthorize("hasAuthority('ACCESS_ADMIN')")
  String grant(@RequestParam(required = false) String username, @RequestParam(required = false) Role role,
      @RequestParam(required = false) String jurisdictionCode, @RequestParam(required = false) String reason,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime until,
      Model model, RedirectAttributes redirect) {
    OffsetDateTime end = until == null ? null : until.atZone(zone).toOffsetDateTime();
    PageStep refusals = forms.model(model).conflictAs("refused").conflictText(e -> forms.text("error." + e.code()))
        .on(DutyViolation.class, e -> model.addAttribute("refused", forms.text(e.getCodes()[0])));
    return refusals.view(() -> {
      grants.grant(username, role, jurisdictionCode, reason, end);
      redirect.addFlashAttribute("granted", true);
      return "redirect:/grants";
    }, () -> {
      model.addAttribute("form", new GrantForm(username, role, jurisdictionCode, reason, until));
      return list(null, null, model);
    });
  }

  @PostMapping("/{id}/revoke")
  @PreAuthorize("hasAuthority('ACCESS_ADMIN')")
  String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
    grants.revoke(id);
    redirect.addFlashAttribute("revoked", true);
    return "redirect:/grants";
  }

  @Configuration(proxyBeanMethods = false)
  static class Navigation {

    @Bean
    NavigationItem grantNavigationForSecurity() {
      return new NavigationItem(860, "/grants", "nav.grants", "ACCESS_ADMIN", NavigationGroup.SYSTEM);
    }

    @Bean
    NavigationItem grantNavigationForAuditors() {
      return new NavigationItem(905, "/grants", "nav.grants", "AUDIT_READ", NavigationGroup.SYSTEM);
    }
  }
}
