package org.epicommand.quarantine.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.epicommand.quarantine.OrderReason;
import org.epicommand.quarantine.Regime;
import org.epicommand.quarantine.RiskLevel;
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
 * The protocol rule sets as tables; administrators add a custom one copied from a base rule set:
 * the risk-level family and downgrade days, and one row per reason with its phases (a regime and
 * its days per phase), test days as {@code 1,2,3}.
 */
@Controller
@RequestMapping("/quarantine/rule-sets")
@PreAuthorize("hasAnyAuthority('QUARANTINE_READ', 'RULE_SET_ADMIN')")
class RuleSetPageController implements QuarantinePages.Page {

  /** Phase slots per reason in the form; no edition has more than two phases. */
  static final int PHASE_SLOTS = 3;
  static final List<String> STEPS = List.of("highToMedium", "mediumToLow", "mediumToLowFromHigh", "highToLow");

  /** One phase of a reason's row as typed: the regime's name ("" = unused slot) and its days. */
  record PhaseRow(String regime, String days) {}

  /** One reason's row of the form, as typed. */
  record RuleRow(List<PhaseRow> phases, String testDays, String dualReagentDays, boolean releaseOnNegative) {}

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
    model.addAttribute("regimes", Regime.values());
    model.addAttribute("families", RuleSet.LEVEL_FAMILIES.stream().map(RuleSetPageController::family).toList());
    model.addAttribute("phaseSlots", IntStream.range(0, PHASE_SLOTS).boxed().toList());
    model.addAttribute("steps", STEPS);
    model.addAttribute("inForce", ruleSets.findInForce(LocalDate.now(clock)).map(RuleSet::code).orElse(null));
    if (!model.containsAttribute("rows")) {
      RuleSet copied = ruleSets.find(base == null ? "" : base).orElse(all.isEmpty() ? null : all.get(all.size() - 1));
      model.addAttribute("base", copied == null ? null : copied.code());
      model.addAttribute("rows", copied == null ? Map.of() : rows(copied));
      model.addAttribute("head", copied == null ? Map.of() : head(copied));
    }
    return "quarantine/rule-sets";
  }

  /** A level family as the form's select value, e.g. {@code HIGH_LOW}. */
  static String family(List<RiskLevel> levels) {
    return levels.stream().map(RiskLevel::name).collect(Collectors.joining("_"));
  }

  /** The fields above the rows, as the form shows them, from a base rule set. */
  static Map<String, String> head(RuleSet ruleSet) {
    Map<String, String> head = new LinkedHashMap<>();
    head.put("lookBackDays", Integer.toString(ruleSet.lookBackDays()));
    head.put("secondaryContacts", Boolean.toString(ruleSet.secondaryContacts()));
    head.put("riskLevels", family(ruleSet.riskLevels()));
    RuleSet.DowngradeDays days = ruleSet.downgradeDays();
    List<Integer> values = Arrays.asList(days.highToMedium(), days.mediumToLow(), days.mediumToLowFromHigh(),
        days.highToLow());
    for (int i = 0; i < STEPS.size(); i++) {
      head.put(STEPS.get(i), values.get(i) == null ? "" : values.get(i).toString());
    }
    return head;
  }

  /** A rule set's rules as the form's rows, each padded to {@link #PHASE_SLOTS} phases. */
  static Map<OrderReason, RuleRow> rows(RuleSet ruleSet) {
    Map<OrderReason, RuleRow> rows = new EnumMap<>(OrderReason.class);
    ruleSet.rules().forEach((reason, rule) -> rows.put(reason, new RuleRow(padded(rule.phases().stream()
        .map(p -> new PhaseRow(p.regime().name(), Integer.toString(p.days()))).toList()), days(rule.testDays()),
        days(rule.dualReagentDays()), rule.releaseOnNegative())));
    return rows;
  }

  private static List<PhaseRow> padded(List<PhaseRow> phases) {
    List<PhaseRow> slots = new ArrayList<>(phases);
    while (slots.size() < PHASE_SLOTS) {
      slots.add(new PhaseRow("", ""));
    }
    return slots;
  }

  static String days(List<Integer> days) {
    return days.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
  }

  @PostMapping
  @PreAuthorize("hasAuthority('RULE_SET_ADMIN')")
  String add(@RequestParam MultiValueMap<String, String> fields, RedirectAttributes redirect) {
    Map<String, String> head = new LinkedHashMap<>();
    for (String name : List.of("code", "nameZh", "nameEn", "effectiveFrom", "lookBackDays", "secondaryContacts",
        "riskLevels")) {
      head.put(name, value(fields, name));
    }
    STEPS.forEach(step -> head.put(step, value(fields, "downgradeDays." + step)));
    List<FieldProblem> problems = new ArrayList<>();
    Map<OrderReason, RuleRow> rows = new EnumMap<>(OrderReason.class);
    Map<OrderReason, RuleSetForm.RuleInput> rules = new EnumMap<>(OrderReason.class);
    for (OrderReason reason : OrderReason.values()) {
      String prefix = "rules." + reason + ".";
      RuleRow row = new RuleRow(IntStream.range(0, PHASE_SLOTS).mapToObj(i -> new PhaseRow(
          value(fields, prefix + "phases[" + i + "].regime"), value(fields, prefix + "phases[" + i + "].days")))
          .toList(), value(fields, prefix + "testDays"), value(fields, prefix + "dualReagentDays"),
          "true".equals(value(fields, prefix + "releaseOnNegative")));
      if (row.phases().stream().allMatch(p -> p.regime().isBlank() && p.days().isBlank())) {
        continue;
      }
      rows.put(reason, row);
      rules.put(reason, new RuleSetForm.RuleInput(phases(row.phases()), numbers(row.testDays(), prefix + "testDays",
          problems), numbers(row.dualReagentDays(), prefix + "dualReagentDays", problems), row.releaseOnNegative()));
    }
    List<RiskLevel> levels = RuleSet.LEVEL_FAMILIES.stream().filter(f -> family(f).equals(head.get("riskLevels")))
        .findFirst().orElse(List.of());
    RuleSetForm.Input input = new RuleSetForm.Input(head.get("code").strip().toUpperCase(Locale.ROOT),
        head.get("nameZh"), head.get("nameEn"), date(head.get("effectiveFrom"), problems),
        number(head.get("lookBackDays")), "true".equals(head.get("secondaryContacts")), levels,
        downgradeDays(head, levels), rules);
    String target = pages.run(redirect, "/quarantine/rule-sets", "qp.ruleSet.added", () -> {
      RuleSet ruleSet = null;
      try {
        ruleSet = converter.toRuleSet(input);
      } catch (ValidationFailure e) {
        problems.addAll(e.problems());
      }
      if (!problems.isEmpty()) {
        throw new ValidationFailure(problems);
      }
      ruleSets.add(ruleSet);
    });
    if (!redirect.getFlashAttributes().containsKey("notice")) {
      redirect.addFlashAttribute("rows", rows);
      redirect.addFlashAttribute("head", head);
      redirect.addFlashAttribute("formOpen", true);
    }
    return target;
  }

  /** The typed phases; a slot whose regime or days is missing or not a number is kept as null for the form's check. */
  private static List<RuleSetForm.PhaseInput> phases(List<PhaseRow> rows) {
    return rows.stream().filter(p -> !p.regime().isBlank() || !p.days().isBlank()).map(p -> {
      Regime regime = Arrays.stream(Regime.values()).filter(r -> r.name().equals(p.regime())).findFirst().orElse(null);
      Integer days = p.days().strip().matches("\\d{1,2}") ? Integer.valueOf(p.days().strip()) : null;
      return new RuleSetForm.PhaseInput(regime, days);
    }).toList();
  }

  /** The steps of the chosen family (the others are hidden on the page and not sent on). */
  private static RuleSet.DowngradeDays downgradeDays(Map<String, String> head, List<RiskLevel> levels) {
    boolean three = levels.contains(RiskLevel.MEDIUM);
    Function<String, Integer> step = name -> three != name.equals("highToLow") ? number(head.get(name)) : null;
    return new RuleSet.DowngradeDays(step.apply("highToMedium"), step.apply("mediumToLow"),
        step.apply("mediumToLowFromHigh"), step.apply("highToLow"));
  }

  private static LocalDate date(String typed, List<FieldProblem> problems) {
    try {
      return typed.isBlank() ? null : LocalDate.parse(typed.strip());
    } catch (DateTimeParseException e) {
      problems.add(FieldProblem.of("effectiveFrom", "required"));
      return null;
    }
  }

  /** A typed whole number; null when it is none (the rule-set form names the field). */
  private static Integer number(String typed) {
    return typed.strip().matches("\\d{1,3}") ? Integer.valueOf(typed.strip()) : null;
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
