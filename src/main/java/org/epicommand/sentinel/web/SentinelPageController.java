package org.epicommand.sentinel.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.person.IdType;
import org.epicommand.platform.FormMessages;
import org.epicommand.sentinel.DrugCatalogue;
import org.epicommand.sentinel.NewFeverEnquiry;
import org.epicommand.sentinel.NewPurchase;
import org.epicommand.sentinel.Pharmacies;
import org.epicommand.sentinel.Pharmacy;
import org.epicommand.sentinel.Purchases;
import org.epicommand.sentinel.VerificationOutcome;
import org.epicommand.sentinel.VerificationState;
import org.epicommand.sentinel.Verifications;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.Paging;
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
 * The sentinel pages, phone first: the clerk's purchase form with the day's registrations
 * ({@code /sentinel/purchase}: the own pharmacy, or a pharmacy picked from the caller's) and the fever enquiry
 * offered when a sale is refused (a suspended class, a febrile buyer), and the
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
  private final Jurisdictions jurisdictions;
  private final Clock clock;

  SentinelPageController(Pharmacies pharmacies, DrugCatalogue catalogue, Purchases purchases,
      Verifications verifications, CurrentUser currentUser, FormMessages forms, Jurisdictions jurisdictions,
      Clock clock) {
    this.jurisdictions = jurisdictions;
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
    NewPurchase request = new NewPurchase(pharmacy, idType, idNumber, name, phone, jurisdictionCode, approvalNumber,
        quantity, temperature, null);
    PurchaseDraft typed = new PurchaseDraft(idType, idNumber, name, phone, approvalNumber, quantity, temperature,
        jurisdictionCode);
    return forms.step(redirect, "sentinel.page.registered")
        .onInvalid(refused -> redirect.addFlashAttribute("typed", typed))
        .conflictText(refused -> enquiryInstead(refused).orElseGet(() -> forms.problem(refused)))
        .onConflict(refused -> {
          if (enquiryInstead(refused).isPresent()) {
            redirect.addFlashAttribute("enquiry",
                new EnquiryDraft(idType, idNumber, name, temperature, approvalNumber));
          } else {
            redirect.addFlashAttribute("typed", typed);
          }
        })
        .redirect("/sentinel/purchase?pharmacy=" + pharmacy, () -> purchases.register(request));
  }

  /** A sale the rules refuse for which the page offers a fever enquiry instead, said in names. */
  private Optional<String> enquiryInstead(Conflict refusal) {
    return refusal.missing().stream().map(this::enquiryInstead).filter(Objects::nonNull).findFirst();
  }

  /**
   * A sale the rules refuse, said in names, when the page offers a fever enquiry instead (a suspended class, a
   * febrile buyer); null for any other problem.
   */
  private String enquiryInstead(FieldProblem problem) {
    List<Object> args = problem.args();
    return switch (problem.code()) {
      case "sentinel.suspendedSince" -> forms.text("sentinel.page.suspended",
          forms.text("sentinel.class." + args.get(0)), jurisdictions.find(String.valueOf(args.get(1)))
              .map(Jurisdiction::name).orElse(String.valueOf(args.get(1))), args.get(2));
      case "sentinel.feverReferral" -> forms.text("sentinel.page.febrile", args.get(0));
      default -> null;
    };
  }

  /**
   * A fever enquiry (发热问询): a sale refused or a febrile person asking, logged with the document when given
   * (anonymous otherwise), the temperature, the product asked for and where the person was sent.
   */
  @PostMapping("/purchase/enquiry")
  @PreAuthorize(SentinelApiController.REGISTER)
  String enquiry(@RequestParam String pharmacy, @RequestParam(required = false) IdType idType,
      @RequestParam(required = false) String idNumber, @RequestParam(required = false) String name,
      @RequestParam(required = false) BigDecimal temperature, @RequestParam(required = false) String approvalNumber,
      @RequestParam(required = false) String referredTo, RedirectAttributes redirect) {
    return forms.run(redirect, "/sentinel/purchase?pharmacy=" + pharmacy, "sentinel.page.enquiryRecorded", () -> {
      try {
        purchases.enquiry(new NewFeverEnquiry(pharmacy, idType, idNumber, name, null, temperature,
            approvalNumber == null || approvalNumber.isBlank() ? null : approvalNumber, referredTo));
      } catch (ValidationFailure refused) {
        redirect.addFlashAttribute("enquiry", new EnquiryDraft(idType, idNumber, name, temperature, approvalNumber));
        throw refused;
      }
    });
  }

  /** What the clerk typed for a sale refused, offered again as a fever enquiry. */
  record EnquiryDraft(IdType idType, String idNumber, String name, BigDecimal temperature, String approvalNumber) {}

  /** A registration as typed, shown again in the form after a refusal. */
  record PurchaseDraft(IdType idType, String idNumber, String name, String phone, String approvalNumber,
      Integer quantity, BigDecimal temperature, String jurisdictionCode) {}

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
