package org.epicommand.sentinel.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.platform.FormMessages;
import org.epicommand.sentinel.ClinicReferrals;
import org.epicommand.sentinel.Clinics;
import org.epicommand.shared.HomeWidget;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Tally;
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
 * The fever referrals ({@code /sentinel/referrals}): those no fever clinic serves, listed for the staff of the
 * patient's division and above, which the district's and the city's sentinel managers give to a fever clinic by hand;
 * and those the fever clinics of the caller's jurisdiction expect, which they may move to another fever clinic. The
 * home card counts the referrals waiting past the overdue threshold.
 */
@Controller
@RequestMapping("/sentinel/referrals")
@PreAuthorize(SentinelApiController.READ)
class ReferralPageController {

  static final String WIDGET = "hasAnyAuthority('CLINIC_REGISTER', 'SENTINEL_MANAGE')";

  private final ClinicReferrals referrals;
  private final Clinics clinics;
  private final CurrentUser currentUser;
  private final FormMessages forms;
  private final Clock clock;

  ReferralPageController(ClinicReferrals referrals, Clinics clinics, CurrentUser currentUser, FormMessages forms,
      Clock clock) {
    this.referrals = referrals;
    this.clinics = clinics;
    this.currentUser = currentUser;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping
  String unassigned(Model model) {
    boolean canAssign = currentUser.get().has(Permission.SENTINEL_MANAGE);
    model.addAttribute("referrals", referrals.expected(null, true));
    model.addAttribute("assigned", referrals.assigned());
    model.addAttribute("canAssign", canAssign);
    model.addAttribute("feverClinics", canAssign ? clinics.feverClinics() : List.of());
    model.addAttribute("zone", clock.getZone());
    return "sentinel/referrals";
  }

  @PostMapping("/{id}/assign")
  @PreAuthorize(SentinelApiController.MANAGE)
  String assign(@PathVariable UUID id, @RequestParam(required = false) String clinicId, RedirectAttributes redirect) {
    return forms.run(redirect, "/sentinel/referrals", "sentinel.page.referralAssigned",
        () -> referrals.assign(id, clinicId));
  }

  @PostMapping("/{id}/move")
  @PreAuthorize(SentinelApiController.MANAGE)
  String move(@PathVariable UUID id, @RequestParam(required = false) String clinicId, RedirectAttributes redirect) {
    return forms.run(redirect, "/sentinel/referrals", "sentinel.page.referralMoved",
        () -> referrals.move(id, clinicId));
  }

  /** The home card: the referrals waiting past the overdue threshold, for clinic staff and sentinel managers. */
  @GetMapping("/widget")
  @PreAuthorize(WIDGET)
  String widget(Model model) {
    boolean clinicStaff = !currentUser.get().has(Permission.SENTINEL_MANAGE);
    String list = clinicStaff ? "/sentinel/clinic" : "/sentinel/referrals";
    model.addAttribute("widgetId", "sentinel-referrals");
    model.addAttribute("titleKey", "sentinel.widget.referrals");
    model.addAttribute("cardHref", list);
    model.addAttribute("tallies", List.of(new Tally("sentinel.widget.referralsOverdue", referrals.overdueForCaller(),
        false, list)));
    return "fragments/tally :: card";
  }

  @Configuration(proxyBeanMethods = false)
  static class Widget {

    @Bean
    HomeWidget sentinelReferralsHomeWidget() {
      return new HomeWidget(25, "/sentinel/referrals/widget", "CLINIC_REGISTER,SENTINEL_MANAGE");
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Menu {

    @Bean
    NavigationItem sentinelReferralsNavigation() {
      return new NavigationItem(568, "/sentinel/referrals", "nav.sentinelReferrals", "SENTINEL_READ",
          NavigationGroup.SENTINEL);
    }
  }
}
