package org.epicommand.quarantine.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.epicommand.quarantine.OrderReason;
import org.epicommand.quarantine.Regime;
import org.epicommand.quarantine.RiskLevel;
import org.epicommand.quarantine.RuleSet;
import org.epicommand.quarantine.RuleSets;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Component;

/**
 * Turns a custom rule set as typed (API body or admin page) into a {@link RuleSet}, all field problems
 * at once. The body has the shape {@code GET /api/v1/quarantine/rule-sets/{code}} answers with, so a
 * rule set read can be posted back under a new code; {@code name} and {@code builtin} are read-only.
 */
@Component
class RuleSetForm {

  @JsonIgnoreProperties({"name", "builtin"})
  record Input(String code, String nameZh, String nameEn, LocalDate effectiveFrom, Integer lookBackDays,
      Boolean secondaryContacts, List<RiskLevel> riskLevels, RuleSet.DowngradeDays downgradeDays,
      Map<OrderReason, RuleInput> rules) {}

  /** One reason's rule: phases one after another from day 1; test days counted from the anchor (day 0). */
  record RuleInput(List<PhaseInput> phases, List<Integer> testDays, List<Integer> dualReagentDays,
      Boolean releaseOnNegative) {}

  record PhaseInput(Regime regime, Integer days) {}

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
    problems.addAll(RuleSets.areaProblems(input.riskLevels(), input.downgradeDays(),
        input.rules() == null ? java.util.Set.of() : input.rules().keySet()));
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    return new RuleSet(code, input.nameZh().strip(), input.nameEn().strip(), input.effectiveFrom(),
        input.lookBackDays(), Boolean.TRUE.equals(input.secondaryContacts()), false,
        RuleSet.family(input.riskLevels()).orElseThrow(), input.downgradeDays(), rules);
  }

  private static RuleSet.Rule rule(OrderReason reason, RuleInput input, List<FieldProblem> problems) {
    String field = "rules." + reason;
    List<PhaseInput> typed = input == null || input.phases() == null ? List.of() : input.phases();
    if (typed.isEmpty() || typed.stream().anyMatch(p -> p == null || p.regime() == null || p.days() == null
        || p.days() < 1 || p.days() > 60)) {
      problems.add(FieldProblem.of(field + ".phases", "quarantine.ruleSet.phaseRows"));
      return null;
    }
    List<RuleSet.PhaseRule> phases = typed.stream().map(p -> new RuleSet.PhaseRule(p.regime(), p.days())).toList();
    int total = phases.stream().mapToInt(RuleSet.PhaseRule::days).sum();
    List<Integer> tests = input.testDays() == null ? List.of() : input.testDays();
    List<Integer> dual = input.dualReagentDays() == null ? List.of() : input.dualReagentDays();
    if (tests.stream().anyMatch(d -> d == null || d < 0 || d > total) || tests.stream().distinct()
        .count() != tests.size()) {
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
