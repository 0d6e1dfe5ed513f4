package org.epicommand.quarantine;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One protocol edition as data (DOMAIN.md §6): what each managed reason means in phases and test
 * days, how far an investigation looks back and whether secondary contacts are determined. Saved
 * rule sets never change; their code is their version.
 */
public record RuleSet(String code, String nameZh, String nameEn, LocalDate effectiveFrom, int lookBackDays,
    boolean secondaryContacts, boolean builtin, Map<OrderReason, Rule> rules) {

  public RuleSet {
    rules = Map.copyOf(rules);
  }

  public Optional<Rule> rule(OrderReason reason) {
    return Optional.ofNullable(rules.get(reason));
  }

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
