package org.epicommand.sentinel.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.person.IdType;
import org.epicommand.platform.FormMessages;
import org.epicommand.sentinel.DrugCatalogue;
import org.epicommand.sentinel.NewPurchase;
import org.epicommand.sentinel.Pharmacies;
import org.epicommand.sentinel.Pharmacy;
import org.epicommand.sentinel.Purchases;
import org.epicommand.sentinel.VerificationOutcome;
import org.epicommand.sentinel.VerificationState;
import org.epicommand.sentinel.Verifications;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
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
 * The sentinel pages, phone first: the clerk's purchase form with the day's registrations
 * ({@code /sentinel/purchase}: the own pharmacy, or a pharmacy picked from the caller's), and the
 * community's verification list with its moves ({@code /sentinel/verification}).
 */
@Controller
@RequestMapping("/sentinel")
class SentinelPageController {

  private final Pharmacies pharmacies;
  private final DrugCatalogue catalogue;
  private final Purchases purchases;
  private final Verifications verifications;
  private final CurrentUser currentUser;
  private final FormMessages forms;
  private final Clock clock;

  SentinelPageController(Pharmacies pharmacies, DrugCatalogue catalogue, Purchases purchases,
      Verifications verifications, CurrentUser currentUser, FormMessages forms, Clock clock) {
    this.clock = clock;
    this.pharmacies = pharmacies;
    this.catalogue = catalogue;
    this.purchases = purchases;
    this.verifications = verifications;
    this.currentUser = currentUser;
    this.forms = forms;
  }

  @GetMapping("/purchase")
  @PreAuthorize(SentinelApiController.REGISTER)
  String purchase(@RequestParam(required = false) String pharmacy, Model model) {
    var reachable = pharmacies.list(null, Paging.of(0, 200)).items();
    Pharmacy chosen = pharmacy != null && !pharmacy.isBlank() ? pharmacies.get(pharmacy)
        : reachable.stream().findFirst().orElse(null);
    model.addAttribute("pharmacies", reachable);
    model.addAttribute("pharmacy", chosen);
    model.addAttribute("products", catalogue.list(false));
    model.addAttribute("idTypes", IdType.values());
    model.addAttribute("zone", clock.getZone());
    model.addAttribute("today", chosen == null ? java.util.List.of() : purchases.today(chosen.creditCode()));
    return "sentinel/purchase";
  }

  @PostMapping("/purchase")
  @PreAuthorize(SentinelApiController.REGISTER)
  String register(@RequestParam String pharmacy, @RequestParam(required = false) IdType idType,
      @RequestParam(required = false) String idNumber, @RequestParam(required = false) String name,
      @RequestParam(required = false) String phone, @RequestParam(required = false) String approvalNumber,
      @RequestParam(required = false) Integer quantity, @RequestParam(required = false) BigDecimal temperature,
      @RequestParam(required = false) String jurisdictionCode, RedirectAttributes redirect) {
    return forms.run(redirect, "/sentinel/purchase?pharmacy=" + pharmacy, "sentinel.page.registered",
        () -> purchases.register(new NewPurchase(pharmacy, idType, idNumber, name, phone, jurisdictionCode,
            approvalNumber, quantity, temperature, null)));
  }

  @GetMapping("/verification")
  @PreAuthorize(SentinelApiController.READ)
  String verification(@RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) VerificationState state, @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(required = false) Integer page, Model model) {
    FormMessages.pager(model, verifications.list(jurisdiction, state, overdue,
        Paging.of(page == null ? null : Math.max(page, 0), 30)));
    model.addAttribute("state", state);
    model.addAttribute("zone", clock.getZone());
    model.addAttribute("overdue", overdue);
    model.addAttribute("canVerify", currentUser.get().has(Permission.SENTINEL_VERIFY));
    model.addAttribute("outcomes", java.util.List.of(VerificationOutcome.TESTED, VerificationOutcome.REFERRED_TO_CLINIC,
        VerificationOutcome.UNREACHABLE, VerificationOutcome.EXCLUDED));
    return "sentinel/verification";
  }

  @PostMapping("/verification/{id}/contact")
  @PreAuthorize(SentinelApiController.VERIFY)
  String contact(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
    return forms.run(redirect, "/sentinel/verification", "sentinel.page.contacted",
        () -> verifications.contact(id, note));
  }

  @PostMapping("/verification/{id}/close")
  @PreAuthorize(SentinelApiController.VERIFY)
  String close(@PathVariable UUID id, @RequestParam(required = false) VerificationOutcome outcome,
      @RequestParam(required = false) String note, RedirectAttributes redirect) {
    return forms.run(redirect, "/sentinel/verification", "sentinel.page.closed",
        () -> verifications.close(id, outcome, note));
  }

  @Configuration(proxyBeanMethods = false)
  static class Menu {

    @Bean
    NavigationItem sentinelPurchaseNavigation() {
      return new NavigationItem(560, "/sentinel/purchase", "nav.sentinelPurchase", "PURCHASE_REGISTER",
          NavigationGroup.SENTINEL);
    }

    @Bean
    NavigationItem sentinelVerificationNavigation() {
      return new NavigationItem(565, "/sentinel/verification", "nav.sentinelVerification", "SENTINEL_READ",
          NavigationGroup.SENTINEL);
    }
  }
}
