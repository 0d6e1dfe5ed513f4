package org.epicommand.quarantine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.epicommand.audit.AuditAction;
import org.epicommand.audit.AuditTrail;
import org.epicommand.account.CurrentUser;
import org.epicommand.quarantine.internal.RuleSetStore;
import org.epicommand.shared.Conflict;
import org.epicommand.shared.FieldProblem;
import org.epicommand.shared.ValidationFailure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The protocol rule sets (docs/domain.md §6, §8): the four editions seeded, custom ones added by
 * administrators with an effective date. Other modules ask here for the rule set in force on a
 * day: the look-back window of an investigation, the arrival rules, the risk levels and downgrade
 * days of risk areas. There is no rule set before the earliest edition: a day before it is a field
 * error naming that edition, never a silent fallback.
 */
@Service
public class RuleSets {

  /** The field a day before every rule set is reported on, unless the caller names its own. */
  public static final String ANCHOR_FIELD = "anchorDate";
  private static final int MAX_DOWNGRADE_DAYS = 60;

  private final RuleSetStore store;
  private final CurrentUser currentUser;
  private final AuditTrail audit;

  RuleSets(RuleSetStore store, CurrentUser currentUser, AuditTrail audit) {
    this.store = store;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  /** Every rule set, earliest first. */
  public List<RuleSet> all() {
    // two small tables: read each time, so every instance sees a new rule set at once
    return store.all();
  }

  public Optional<RuleSet> find(String code) {
    return all().stream().filter(r -> r.code().equals(code)).findFirst();
  }

  /** The rule set with the latest effective date on or before {@code day}; empty before the earliest edition. */
  public Optional<RuleSet> findInForce(LocalDate day) {
    return all().stream().filter(r -> !r.effectiveFrom().isAfter(day))
        .max(Comparator.comparing(RuleSet::effectiveFrom).thenComparing(RuleSet::code));
  }

  /** The rule set in force on {@code day}; a day before the earliest edition is a 400 on {@code anchorDate}. */
  public RuleSet inForce(LocalDate day) {
    return inForce(day, ANCHOR_FIELD);
  }

  /** As {@link #inForce(LocalDate)}, the problem reported on the caller's own {@code field}. */
  public RuleSet inForce(LocalDate day, String field) {
    return findInForce(day).orElseThrow(() -> new ValidationFailure(noneInForce(field, day)));
  }

  /** The problem of a day before every rule set: it names the earliest edition and its first day. */
  public FieldProblem noneInForce(String field, LocalDate day) {
    RuleSet earliest = all().stream().min(Comparator.comparing(RuleSet::effectiveFrom)).orElseThrow();
    return FieldProblem.of(field, "quarantine.ruleSet.beforeEarliest", day.toString(), earliest.code(),
        earliest.effectiveFrom().toString());
  }

  /** How many days before onset (or first positive sampling) an investigation looks back on {@code day}. */
  public int lookBackDays(LocalDate day) {
    return inForce(day).lookBackDays();
  }

  @Transactional
  public RuleSet add(RuleSet ruleSet) {
    if (!ruleSet.code().matches("[A-Z][A-Z0-9_]{1,39}")) {
      throw new ValidationFailure(FieldProblem.of("code", "quarantine.ruleSet.code"));
    }
    if (ruleSet.rules().isEmpty()) {
      throw new ValidationFailure(FieldProblem.of("rules", "quarantine.ruleSet.noRules"));
    }
    List<FieldProblem> problems = areaProblems(ruleSet.riskLevels(), ruleSet.downgradeDays(), ruleSet.rules().keySet());
    if (!problems.isEmpty()) {
      throw new ValidationFailure(problems);
    }
    if (store.exists(ruleSet.code())) {
      throw Conflict.duplicate("quarantine.ruleSet.duplicate", ruleSet.code());
    }
    RuleSet custom = new RuleSet(ruleSet.code(), ruleSet.nameZh(), ruleSet.nameEn(), ruleSet.effectiveFrom(),
        ruleSet.lookBackDays(), ruleSet.secondaryContacts(), false, RuleSet.family(ruleSet.riskLevels()).orElseThrow(),
        ruleSet.downgradeDays(),
        ruleSet.rules());
    store.insert(custom, currentUser.get().username());
    audit.record(AuditAction.CREATE, "RULE_SET", custom.code(), null);
    return custom;
  }

  /**
   * What is wrong with the risk-area part of a rule set: the levels must be one of the
   * {@link RuleSet#LEVEL_FAMILIES}; each downgrade step of that family needs 1 to 60 days and the
   * steps of the other family must be empty; an arrival reason needs its level in the family.
   */
  public static List<FieldProblem> areaProblems(List<RiskLevel> levels, RuleSet.DowngradeDays days,
      Set<OrderReason> reasons) {
    List<FieldProblem> problems = new ArrayList<>();
    List<RiskLevel> family = RuleSet.family(levels).orElse(null);
    if (family == null) {
      problems.add(FieldProblem.of("riskLevels", "quarantine.ruleSet.riskLevels"));
      return problems;
    }
    boolean threeLevels = family.contains(RiskLevel.MEDIUM);
    RuleSet.DowngradeDays given = days == null ? new RuleSet.DowngradeDays(null, null, null, null) : days;
    step(problems, "highToMedium", given.highToMedium(), threeLevels);
    step(problems, "mediumToLow", given.mediumToLow(), threeLevels);
    step(problems, "mediumToLowFromHigh", given.mediumToLowFromHigh(), threeLevels);
    step(problems, "highToLow", given.highToLow(), !threeLevels);
    reasons.stream().filter(r -> r.originLevel() != null && !family.contains(r.originLevel())).sorted()
        .forEach(r -> problems.add(FieldProblem.of("rules." + r, "quarantine.ruleSet.arrivalLevel."
            + RuleSet.familyName(family))));
    return problems;
  }

  private static void step(List<FieldProblem> problems, String name, Integer days, boolean applies) {
    if (applies && (days == null || days < 1 || days > MAX_DOWNGRADE_DAYS)) {
      problems.add(FieldProblem.of("downgradeDays." + name, "quarantine.ruleSet.downgradeDays", MAX_DOWNGRADE_DAYS));
    } else if (!applies && days != null) {
      problems.add(FieldProblem.of("downgradeDays." + name, "quarantine.ruleSet.downgradeStepUnused"));
    }
  }
}
