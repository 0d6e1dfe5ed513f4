package org.epicommand.quarantine.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.epicommand.quarantine.OrderReason;
import org.epicommand.quarantine.RiskLevel;
import org.epicommand.quarantine.RuleSet;
import org.epicommand.quarantine.RuleSets;
import org.epicommand.shared.RecordNotFound;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/quarantine/rule-sets} (docs/api.md, Contract → Quarantine). */
@RestController
@RequestMapping("/api/v1/quarantine/rule-sets")
@Tag(name = "Quarantine")
class RuleSetApiController {

  /**
   * A rule set as the API shows it: exactly the body {@code POST} accepts, plus the read-only
   * {@code name} (in the caller's language) and {@code builtin}.
   */
  record RuleSetView(String code, String name, String nameZh, String nameEn, LocalDate effectiveFrom,
      int lookBackDays, boolean secondaryContacts, boolean builtin, List<RiskLevel> riskLevels,
      RuleSet.DowngradeDays downgradeDays, Map<OrderReason, RuleSet.Rule> rules) {

    static RuleSetView of(RuleSet r, Locale locale) {
      return new RuleSetView(r.code(), "zh".equals(locale.getLanguage()) ? r.nameZh() : r.nameEn(), r.nameZh(),
          r.nameEn(), r.effectiveFrom(), r.lookBackDays(), r.secondaryContacts(), r.builtin(), r.riskLevels(),
          r.downgradeDays(), r.rules());
    }
  }

  private final RuleSets ruleSets;
  private final RuleSetForm forms;

  RuleSetApiController(RuleSets ruleSets, RuleSetForm forms) {
    this.ruleSets = ruleSets;
    this.forms = forms;
  }

  @GetMapping
  @PreAuthorize("isAuthenticated()")
  List<RuleSetView> all() {
    Locale locale = LocaleContextHolder.getLocale();
    return ruleSets.all().stream().map(r -> RuleSetView.of(r, locale)).toList();
  }

  @Operation(summary = "One rule set in the shape POST accepts: change code, names and effective date and post it back")
  @GetMapping("/{code}")
  @PreAuthorize("isAuthenticated()")
  RuleSetView get(@PathVariable String code) {
    return RuleSetView.of(ruleSets.find(code).orElseThrow(() -> new RecordNotFound("RULE_SET")),
        LocaleContextHolder.getLocale());
  }

  @Operation(summary = "Adds a custom rule set (administrators); codes are unique and rule sets never change")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('RULE_SET_ADMIN')")
  RuleSetView add(@RequestBody RuleSetForm.Input input) {
    return RuleSetView.of(ruleSets.add(forms.toRuleSet(input)), LocaleContextHolder.getLocale());
  }
}
