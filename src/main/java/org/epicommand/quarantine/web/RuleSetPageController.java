package org.epicommand.quarantine.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.epicommand.quarantine.OrderReason;
import org.epicommand.quarantine.RuleSet;
import org.epicommand.quarantine.RuleSets;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The protocol rule sets as tables; administrators add a custom one copied from a base rule set
 * (one row per reason: phases as {@code CENTRALIZED:7,HOME_MONITORING:3}, test days as {@code 1,2,3}).
 */
@Controller
@RequestMapping("/quarantine/rule-sets")
@PreAuthorize("hasAnyAuthority('QUARANTINE_READ', 'RULE_SET_ADMIN')")
class RuleSetPageController implements QuarantinePages.Page {

  /** One reason's row of the form, as typed. */
  record RuleRow(String phases, String testDays, String dualReagentDays, boolean releaseOnNegative) {}

  private final RuleSets ruleSets;
  private final RuleSetForm converter;
  private final QuarantinePages pages;
  private final Clock clock;

  RuleSetPageController(RuleSets ruleSets, RuleSetForm converter, QuarantinePages pages, Clock clock) {
    this.ruleSets = ruleSets;
    this.converter = converter;
    this.pages = pages;
    this.clock = clock;
  }

  @GetMapping
  String list(@RequestParam(required = false) String base, Model model) {
    List<RuleSet> all = ruleSets.all().stream().sorted(Comparator.comparing(RuleSet::effectiveFrom)).toList();
    model.addAttribute("ruleSets", all);
    model.addAttribute("reasons", OrderReason.values());
    model.addAttribute("inForce", ruleSets.inForce(LocalDate.now(clock)).code());
    if (!model.containsAttribute("rows")) {
      RuleSet copied = ruleSets.find(base == null ? "" : base).orElse(all.isEmpty() ? null : all.get(all.size() - 1));
      model.addAttribute("base", copied == null ? null : copied.code());
      model.addAttribute("rows", copied == null ? Map.of() : rows(copied));
      model.addAttribute("head", copied == null ? Map.of() : Map.of("lookBackDays",
          Integer.toString(copied.lookBackDays()), "secondaryContacts", Boolean.toString(copied.secondaryContacts())));
    }
    return "quarantine/rule-sets";
  }

  /** A rule set's rules as the form's text rows. */
  static Map<OrderReason, RuleRow> rows(RuleSet ruleSet) {
    Map<OrderReason, RuleRow> rows = new EnumMap<>(OrderReason.class);
    ruleSet.rules().forEach((reason, rule) -> rows.put(reason, new RuleRow(phases(rule), days(rule.testDays()),
        days(rule.dualReagentDays()), rule.releaseOnNegative())));
    return rows;
  }

  static String phases(RuleSet.Rule rule) {
    return rule.phases().stream().map(p -> p.regime() + ":" + p.days()).collect(Collectors.joining(","));
  }

  static String days(List<Integer> days) {
    return days.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
  }

  @PostMapping
  @PreAuthorize("hasAuthority('RULE_SET_ADMIN')")
  String add(@RequestParam MultiValueMap<String, String> fields, RedirectAttributes redirect) {
    Map<OrderReason, RuleRow> rows = new EnumMap<>(OrderReason.class);
    Map<String, String> head = new LinkedHashMap<>();
    for (String name : List.of("code", "nameZh", "nameEn", "effectiveFrom", "lookBackDays", "secondaryContacts")) {
      head.put(name, value(fields, name));
    }
    List<FieldProblem> problems = new ArrayList<>();
    Map<OrderReason, RuleSetForm.RuleInput> rules = new EnumMap<>(OrderReason.class);
    for (OrderReason reason : OrderReason.values()) {
      String prefix = "rules." + reason + ".";
      RuleRow row = new RuleRow(value(fields, prefix + "phases"), value(fields, prefix + "testDays"),
          value(fields, prefix + "dualReagentDays"), "true".equals(value(fields, prefix + "releaseOnNegative")));
      if (row.phases().isBlank()) {
        continue;
      }
      rows.put(reason, row);
      rules.put(reason, new RuleSetForm.RuleInput(row.phases(), numbers(row.testDays(), prefix + "testDays", problems),
          numbers(row.dualReagentDays(), prefix + "dualReagentDays", problems), row.releaseOnNegative()));
    }
    LocalDate effective = null;
    try {
      effective = head.get("effectiveFrom").isBlank() ? null : LocalDate.parse(head.get("effectiveFrom").strip());
    } catch (DateTimeParseException e) {
      problems.add(FieldProblem.of("effectiveFrom", "required"));
    }
    Integer lookBack = null;
    try {
      lookBack = Integer.valueOf(head.get("lookBackDays").strip());
    } catch (NumberFormatException e) {
      problems.add(FieldProblem.of("lookBackDays", "quarantine.ruleSet.lookBack"));
    }
    RuleSetForm.Input input = new RuleSetForm.Input(head.get("code").strip().toUpperCase(java.util.Locale.ROOT),
        head.get("nameZh"), head.get("nameEn"), effective, lookBack, "true".equals(head.get("secondaryContacts")),
        rules);
    String target = pages.run(redirect, "/quarantine/rule-sets", "qp.ruleSet.added", () -> {
      if (!problems.isEmpty()) {
        throw new ValidationFailure(problems);
      }
      ruleSets.add(converter.toRuleSet(input));
    });
    if (!redirect.getFlashAttributes().containsKey("notice")) {
      redirect.addFlashAttribute("rows", rows);
      redirect.addFlashAttribute("head", head);
      redirect.addFlashAttribute("formOpen", true);
    }
    return target;
  }

  private static String value(MultiValueMap<String, String> fields, String name) {
    String value = fields.getFirst(name);
    return value == null ? "" : value;
  }

  private static List<Integer> numbers(String typed, String field, List<FieldProblem> problems) {
    List<Integer> numbers = new ArrayList<>();
    for (String part : typed.strip().split("[\\s,，、]+")) {
      if (part.isEmpty()) {
        continue;
      }
      try {
        numbers.add(Integer.valueOf(part));
      } catch (NumberFormatException e) {
        problems.add(FieldProblem.of(field, "quarantine.ruleSet.days"));
        return List.of();
      }
    }
    return numbers;
  }
}
