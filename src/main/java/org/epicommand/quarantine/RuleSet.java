package org.epicommand.quarantine;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One protocol edition as data (docs/domain.md §6, §8): what each managed reason means in phases and test
 * days (the arrival reasons are the arrival rules), how far an investigation looks back, whether
 * secondary contacts are determined, which risk levels an area may have and after how many quiet
 * days it comes down a level. Saved rule sets never change; their code is their version.
 */
public record RuleSet(String code, String nameZh, String nameEn, LocalDate effectiveFrom, int lookBackDays,
    boolean secondaryContacts, boolean builtin, List<RiskLevel> riskLevels, DowngradeDays downgradeDays,
    Map<OrderReason, Rule> rules) {

  /** The two level families a rule set may have: 高/中/低 (ed. 9 and before) or 高/低 (20 measures on). */
  public static final List<List<RiskLevel>> LEVEL_FAMILIES = List.of(
      List.of(RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.LOW), List.of(RiskLevel.HIGH, RiskLevel.LOW));

  public RuleSet {
    riskLevels = List.copyOf(riskLevels);
    EnumMap<OrderReason, Rule> inOrder = new EnumMap<>(OrderReason.class);
    inOrder.putAll(rules);
    rules = Collections.unmodifiableMap(inOrder);
  }

  public Optional<Rule> rule(OrderReason reason) {
    return Optional.ofNullable(rules.get(reason));
  }

  /** Whether areas of {@code level} exist under this rule set. */
  public boolean knowsLevel(RiskLevel level) {
    return riskLevels.contains(level);
  }

  /** The level family as one word, e.g. {@code HIGH_LOW}: the key of messages that name the levels. */
  public String levelFamily() {
    return familyName(riskLevels);
  }

  /** The family (in its own order) that has exactly {@code levels}; empty when none has. */
  public static Optional<List<RiskLevel>> family(Collection<RiskLevel> levels) {
    return levels == null ? Optional.empty() : LEVEL_FAMILIES.stream()
        .filter(f -> f.size() == levels.size() && f.containsAll(levels)).findFirst();
  }

  static String familyName(List<RiskLevel> levels) {
    return String.join("_", levels.stream().map(RiskLevel::name).toList());
  }

  /**
   * Quiet days (no new infection) after which an area comes down a level (docs/domain.md §8); null where
   * the step does not exist in the rule set's level family: with 高/中/低 the first three, with 高/低
   * only {@code highToLow}.
   */
  public record DowngradeDays(Integer highToMedium, Integer mediumToLow, Integer mediumToLowFromHigh,
      Integer highToLow) {}

  /** The regime and length of one phase. */
  public record PhaseRule(Regime regime, int days) {
    public PhaseRule {
      if (regime == null || days < 1 || days > 60) {
        throw new IllegalArgumentException("a phase lasts 1 to 60 days: " + regime + ":" + days);
      }
    }
  }

  /**
   * What a reason means: phases one after another from day 1, tests on the given days after the
   * anchor (day 0); {@code dualReagentDays} need two samples tested with different reagents (双采双检);
   * {@code releaseOnNegative}: a negative result on the last test releases early.
   */
  public record Rule(List<PhaseRule> phases, List<Integer> testDays, List<Integer> dualReagentDays,
      boolean releaseOnNegative) {
    public Rule {
      phases = List.copyOf(phases);
      testDays = List.copyOf(testDays);
      dualReagentDays = List.copyOf(dualReagentDays);
    }

    public int totalDays() {
      return phases.stream().mapToInt(PhaseRule::days).sum();
    }
  }
}
