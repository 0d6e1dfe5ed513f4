package org.epicommand.sentinel.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicommand.account.CurrentUser;
import org.epicommand.account.Permission;
import org.epicommand.jurisdiction.Jurisdiction;
import org.epicommand.jurisdiction.Jurisdictions;
import org.epicommand.platform.FormMessages;
import org.epicommand.sentinel.DrugCatalogue;
import org.epicommand.sentinel.DrugClass;
import org.epicommand.sentinel.DrugPolicies;
import org.epicommand.sentinel.DrugPolicy;
import org.epicommand.sentinel.DrugProduct;
import org.epicommand.sentinel.NewDrugPolicy;
import org.epicommand.sentinel.SalesMode;
import org.epicommand.shared.NavigationGroup;
import org.epicommand.shared.NavigationItem;
import org.epicommand.shared.TypedDay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The drug sales rules page ({@code /sentinel/rules}): the dated rules per drug class holding in and under the
 * caller's jurisdiction, newest first, with their divisions by name, and the drug catalogue; market regulation
 * ({@code SENTINEL_MANAGE}) adds a rule (rules are never edited: a later one supersedes), and adds, corrects, retires
 * and restores a product.
 */
@Controller
@RequestMapping("/sentinel/rules")
class DrugRulePageController {

  private final DrugPolicies policies;
  private final DrugCatalogue catalogue;
  private final Jurisdictions jurisdictions;
  private final CurrentUser currentUser;
  private final FormMessages forms;

  DrugRulePageController(DrugPolicies policies, DrugCatalogue catalogue, Jurisdictions jurisdictions,
      CurrentUser currentUser, FormMessages forms) {
    this.policies = policies;
    this.catalogue = catalogue;
    this.jurisdictions = jurisdictions;
    this.currentUser = currentUser;
    this.forms = forms;
  }

  @GetMapping
  @PreAuthorize(SentinelApiController.READ)
  String rules(Model model) {
    List<DrugPolicy> rules = policies.list();
    Map<String, String> names = new LinkedHashMap<>();
    rules.forEach(r -> names.computeIfAbsent(r.jurisdictionCode(), code -> jurisdictions.find(code)
        .map(Jurisdiction::name).orElse(code)));
    model.addAttribute("rules", rules);
    model.addAttribute("divisionNames", names);
    boolean canManage = currentUser.get().has(Permission.SENTINEL_MANAGE);
    model.addAttribute("products", catalogue.list(canManage));
    model.addAttribute("classes", DrugClass.values());
    model.addAttribute("modes", SalesMode.values());
    model.addAttribute("canManage", canManage);
    return "sentinel/rules";
  }

  @PostMapping
  @PreAuthorize(SentinelApiController.MANAGE)
  String addRule(@RequestParam(required = false) String jurisdictionCode,
      @RequestParam(required = false) String effectiveFrom, @RequestParam(required = false) DrugClass drugClass,
      @RequestParam(required = false) SalesMode mode, @RequestParam(required = false) String note,
      RedirectAttributes redirect) {
    return forms.run(redirect, "/sentinel/rules", "sentinel.rules.added", () -> policies.add(new NewDrugPolicy(
        jurisdictionCode, day(effectiveFrom), drugClass, mode, note)));
  }

  @PostMapping("/products")
  @PreAuthorize(SentinelApiController.MANAGE)
  String addProduct(@RequestParam(required = false) String approvalNumber,
      @RequestParam(required = false) String product, @RequestParam(required = false) DrugClass drugClass,
      RedirectAttributes redirect) {
    return forms.run(redirect, "/sentinel/rules#catalogue", "sentinel.rules.productAdded",
        () -> catalogue.add(new DrugProduct(approvalNumber, product, drugClass)));
  }

  @PostMapping("/products/correct")
  @PreAuthorize(SentinelApiController.MANAGE)
  String correctProduct(@RequestParam String approvalNumber, @RequestParam(required = false) String product,
      @RequestParam(required = false) DrugClass drugClass, RedirectAttributes redirect) {
    return forms.run(redirect, "/sentinel/rules#catalogue", "sentinel.rules.productCorrected",
        () -> catalogue.correct(approvalNumber, new DrugProduct(approvalNumber, product, drugClass)));
  }

  @PostMapping("/products/retire")
  @PreAuthorize(SentinelApiController.MANAGE)
  String retireProduct(@RequestParam String approvalNumber, @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    return forms.run(redirect, "/sentinel/rules#catalogue", "sentinel.rules.productRetired",
        () -> catalogue.retire(approvalNumber, reason));
  }

  @PostMapping("/products/restore")
  @PreAuthorize(SentinelApiController.MANAGE)
  String restoreProduct(@RequestParam String approvalNumber, RedirectAttributes redirect) {
    return forms.run(redirect, "/sentinel/rules#catalogue", "sentinel.rules.productRestored",
        () -> catalogue.restore(approvalNumber));
  }

  /** A day typed into the form (yyyy-MM-dd), or null when empty; 400 on the field otherwise. */
  private static LocalDate day(String text) {
    return TypedDay.parse(text, "effectiveFrom", "sentinel.effectiveFrom");
  }

  @Configuration(proxyBeanMethods = false)
  static class Menu {

    @Bean
    NavigationItem sentinelRulesNavigation() {
      return new NavigationItem(563, "/sentinel/rules", "nav.sentinelRules", "SENTINEL_READ",
          NavigationGroup.SENTINEL);
    }
  }
}
