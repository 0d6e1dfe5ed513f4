package org.epicommand.quarantine.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.epicommand.quarantine.OrderReason;
import org.epicommand.quarantine.RuleSet;
import org.epicommand.quarantine.internal.RuleSetStore;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Component;

/** Turns a custom rule set as typed (API body or admin page) into a {@link RuleSet}, all field problems at once. */
@Component
class RuleSetForm {

  record Input(String code, String nameZh, String nameEn, LocalDate effectiveFrom, Integer lookBackDays,
      Boolean secondaryContacts, Map<OrderReason, RuleInput> rules) {}

  /** {@code phases} as {@code CENTRALIZED:7,HOME_MONITORING:3}; test days counted from the anchor (day 0). */
  record RuleInput(String phases, List<Integer> testDays, List<Integer> dualReagentDays, Boolean releaseOnNegative) {}

  RuleSet toRuleSet(Input input) {
    List<FieldProblem> problems = new ArrayList<>();
    String code = input.code() == null ? "" : input.code().strip();
    if (!code.matches("[A-Z][A-Z0-9_]{1,39}")) {
      problems.add(FieldProblem.of("code", "quarantine.ruleSet.code"));
    }
    requireText(problems, "nameZh", input.nameZh());
    requireText(problems, "nameEn", input.nameEn());
    if (input.effectiveFrom() == null) {
      problems.add(FieldProblem.of("effectiveFrom", "required"));
    }
    if (input.lookBackDays() == null || input.lookBackDays() < 0 || input.lookBackDays() > 30) {
      problems.add(FieldProblem.of("lookBackDays", "quarantine.ruleSet.lookBack"));
    }
    Map<OrderReason, RuleSet.Rule> rules = new EnumMap<>(OrderReason.class);
    if (input.rules() == null || input.rules().isEmpty()) {
      problems.add(FieldProblem.of("rules", "quarantine.ruleSet.noRules"));
    } else {
      input.rules().forEach((reason, rule) -> {
        RuleSet.Rule parsed = rule(reason, rule, problems);
        if (parsed != null) {
          rules.put(reason, parsed);
        }
      });
    }
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    return new RuleSet(code, input.nameZh().strip(), input.nameEn().strip(), input.effectiveFrom(),
        input.lookBackDays(), Boolean.TRUE.equals(input.secondaryContacts()), false, rules);
  }

  private static RuleSet.Rule rule(OrderReason reason, RuleInput input, List<FieldProblem> problems) {
    String field = "rules." + reason;
    List<RuleSet.PhaseRule> phases;
    try {
      phases = RuleSetStore.parsePhases(input == null || input.phases() == null ? "" : input.phases());
    } catch (IllegalArgumentException e) {
      problems.add(FieldProblem.of(field + ".phases", "quarantine.ruleSet.phases"));
      return null;
    }
    int total = phases.stream().mapToInt(RuleSet.PhaseRule::days).sum();
    List<Integer> tests = input.testDays() == null ? List.of() : input.testDays();
    List<Integer> dual = input.dualReagentDays() == null ? List.of() : input.dualReagentDays();
    if (tests.stream().anyMatch(d -> d == null || d < 0 || d > total) || tests.stream().distinct().count() != tests.size()) {
      problems.add(FieldProblem.of(field + ".testDays", "quarantine.ruleSet.testDays", total));
      return null;
    }
    if (!tests.containsAll(dual)) {
      problems.add(FieldProblem.of(field + ".dualReagentDays", "quarantine.ruleSet.dualDays"));
      return null;
    }
    return new RuleSet.Rule(phases, tests, dual, Boolean.TRUE.equals(input.releaseOnNegative()));
  }

  private static void requireText(List<FieldProblem> problems, String field, String value) {
    if (value == null || value.isBlank()) {
      problems.add(FieldProblem.of(field, "required"));
    } else if (value.length() > 100) {
      problems.add(FieldProblem.of(field, "tooLong", 100));
    }
  }
}
